package org.payswitch.gateway.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.HdrHistogram.Histogram;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.pipeline.PipelineMetrics;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.guard.PortConnections;

/** Writes /metrics in the Prometheus text format (version 0.0.4). Reply thread only. */
final class PrometheusText
{
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};
    /** Room for the text at first: the metrics of a few campaigns and both ports. */
    private static final int INITIAL_TEXT_CHARS = 4096;
    private static final double PERCENT = 100;
    private static final double NANOS_PER_SECOND = 1e9;

    private final SwitchPipeline pipeline;
    private final List<PortConnections> ports;

    PrometheusText(final SwitchPipeline pipeline, final List<PortConnections> ports)
    {
        this.pipeline = pipeline;
        this.ports = List.copyOf(ports);
    }

    void write(final List<CampaignFigures> campaignFigures, final ByteBuf out)
    {
        final PipelineMetrics metrics = pipeline.metrics();
        final StringBuilder text = new StringBuilder(INITIAL_TEXT_CHARS);
        text.append("# HELP payswitch_answers_total Answers given, by response code.\n");
        text.append("# TYPE payswitch_answers_total counter\n");
        long requests = 0;
        for (final ResponseCode code : ResponseCode.values())
        {
            long count = metrics.answers(code);
            if (code == ResponseCode.SWITCH_UNAVAILABLE)
            {
                count += metrics.refused();
            }
            requests += count;
            text.append("payswitch_answers_total{code=\"").append(code.code()).append("\"} ").append(count).append('\n');
        }
        counter(text, "payswitch_requests_total", "Requests answered.", requests);
        counter(text, "payswitch_approvals_total", "Requests approved.", metrics.answers(ResponseCode.APPROVED));
        counter(text, "payswitch_declines_total", "Requests answered with any code but 00.",
            requests - metrics.answers(ResponseCode.APPROVED));
        counter(text, "payswitch_overload_refusals_total", "Requests refused with 91 at the door.", metrics.refused());
        counter(text, "payswitch_overload_shed_total",
            "Requests refused with 91 after waiting in the ring longer than max-queue-delay.", metrics.shed());
        counter(text, "payswitch_exceptions_total", "Unexpected exceptions in the pipeline.", metrics.exceptions());
        counter(text, "payswitch_journal_failures_total",
            "Journal appends or syncs that failed: from the first, every answer is 96 until a restart.",
            metrics.journalFailures());
        gauge(text, "payswitch_ring_occupancy", "Ring slots in use.", pipeline.occupancy());
        gauge(text, "payswitch_ring_size", "Ring slots.", pipeline.ringSize());
        gauge(text, "payswitch_ring_admission_limit",
            "Ring slots admitted ahead of the writer: what it decides within half of max-queue-delay.",
            pipeline.admissionLimit());
        gauge(text, "payswitch_journal_position", "Chronicle index of the last journal record.",
            metrics.journalPosition());
        text.append("# HELP payswitch_campaign_remaining_budget Budget left per campaign, minor units (-1: none).\n");
        text.append("# TYPE payswitch_campaign_remaining_budget gauge\n");
        if (campaignFigures != null)
        {
            for (final CampaignFigures campaign : campaignFigures)
            {
                text.append("payswitch_campaign_remaining_budget{campaign=\"")
                    .append(campaign.definition().campaignId()).append("\"} ").append(campaign.remainingBudget())
                    .append('\n');
            }
        }
        connections(text);
        final Histogram latency = metrics.latencySinceStart();
        text.append("# HELP payswitch_latency_seconds Receive-to-reply latency.\n");
        text.append("# TYPE payswitch_latency_seconds summary\n");
        for (final double q : QUANTILES)
        {
            text.append("payswitch_latency_seconds{quantile=\"").append(q).append("\"} ")
                .append(latency.getValueAtPercentile(q * PERCENT) / NANOS_PER_SECOND).append('\n');
        }
        text.append("payswitch_latency_seconds_sum ")
            .append(latency.getMean() * latency.getTotalCount() / NANOS_PER_SECOND)
            .append('\n');
        text.append("payswitch_latency_seconds_count ").append(latency.getTotalCount()).append('\n');
        ByteBufUtil.writeUtf8(out, text);
    }

    private void connections(final StringBuilder text)
    {
        if (ports.isEmpty())
        {
            return;
        }
        text.append("# HELP payswitch_connections_open Connections open, by port.\n");
        text.append("# TYPE payswitch_connections_open gauge\n");
        for (final PortConnections port : ports)
        {
            text.append("payswitch_connections_open{port=\"").append(port.port()).append("\"} ")
                .append(port.openConnections()).append('\n');
        }
        text.append("# HELP payswitch_connections_refused_total Connections closed at once for a cap, by port and cap.\n");
        text.append("# TYPE payswitch_connections_refused_total counter\n");
        for (final PortConnections port : ports)
        {
            text.append("payswitch_connections_refused_total{port=\"").append(port.port())
                .append("\",cap=\"max-connections\"} ").append(port.refusedOverTotal()).append('\n');
            text.append("payswitch_connections_refused_total{port=\"").append(port.port())
                .append("\",cap=\"max-connections-per-address\"} ").append(port.refusedOverAddress()).append('\n');
        }
        text.append("# HELP payswitch_connections_closed_total Connections the switch closed for a deadline, by port and reason.\n");
        text.append("# TYPE payswitch_connections_closed_total counter\n");
        for (final PortConnections port : ports)
        {
            for (final PortConnections.Closed reason : PortConnections.Closed.values())
            {
                text.append("payswitch_connections_closed_total{port=\"").append(port.port()).append("\",reason=\"")
                    .append(reason.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ")
                    .append(port.closed(reason)).append('\n');
            }
        }
    }

    private static void counter(final StringBuilder text, final String name, final String help, final long value)
    {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(final StringBuilder text, final String name, final String help, final long value)
    {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }
}
