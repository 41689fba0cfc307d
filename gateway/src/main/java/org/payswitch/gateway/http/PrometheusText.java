package org.payswitch.gateway.http;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.pipeline.PipelineMetrics;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.guard.PortConnections;

/** Writes /metrics in the Prometheus text format (version 0.0.4). Reply thread only. */
final class PrometheusText
{
    /**
     * The latency histogram's bucket bounds, seconds: 1-2.5-5 steps from 10 us (an answer of an idle
     * switch) to 10 s (far past any deadline), so the quantiles a dashboard interpolates stay within
     * a bucket's width of the truth.
     */
    static final double[] LATENCY_BUCKETS_SECONDS = {
        0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
        1, 2.5, 5, 10};
    /** The bounds as their {@code le} labels: plain decimals ("0.00001", not "1.0E-5"). */
    private static final String[] LATENCY_BUCKET_LABELS = Arrays.stream(LATENCY_BUCKETS_SECONDS)
        .mapToObj(bound -> BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString()).toArray(String[]::new);
    /** Room for the text at first: the metrics of a few campaigns and both ports. */
    private static final int INITIAL_TEXT_CHARS = 4096;
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
            final long count = metrics.answered(code);
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
        if (campaignFigures != null)
        {
            campaigns(text, campaignFigures);
        }
        connections(text);
        latency(text, metrics.latencySinceStart());
        ByteBufUtil.writeUtf8(out, text);
    }

    /** Each campaign's figures, labelled by its id; its funder and status in an info metric. */
    private static void campaigns(final StringBuilder text, final List<CampaignFigures> campaigns)
    {
        text.append("# HELP payswitch_campaign_info A campaign's funder and status (1 for the status it has now).\n");
        text.append("# TYPE payswitch_campaign_info gauge\n");
        for (final CampaignFigures campaign : campaigns)
        {
            text.append("payswitch_campaign_info{campaign=\"");
            labelValue(text, campaign.definition().campaignId()).append("\",funder=\"");
            labelValue(text, campaign.definition().funder()).append("\",status=\"")
                .append(campaign.status().name().toLowerCase(Locale.ROOT)).append("\"} 1\n");
        }
        campaignGauge(text, campaigns, "payswitch_campaign_budget", "Budget per campaign, minor units (-1: none).",
            campaign -> CampaignDefinition.orNone(campaign.definition().budget()));
        campaignGauge(text, campaigns, "payswitch_campaign_remaining_budget",
            "Budget left per campaign, minor units (-1: none).",
            campaign -> CampaignDefinition.orNone(campaign.remainingBudget()));
        campaignGauge(text, campaigns, "payswitch_campaign_redemptions",
            "Redemptions per campaign, net of those reversals gave back.", CampaignFigures::redemptions);
        campaignGauge(text, campaigns, "payswitch_campaign_discount_granted",
            "Discount granted per campaign, minor units, net of what reversals gave back.",
            CampaignFigures::discountGranted);
    }

    private static void campaignGauge(final StringBuilder text, final List<CampaignFigures> campaigns,
        final String name, final String help, final ToLongFunction<CampaignFigures> figure)
    {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
        for (final CampaignFigures campaign : campaigns)
        {
            text.append(name).append("{campaign=\"");
            labelValue(text, campaign.definition().campaignId()).append("\"} ")
                .append(figure.applyAsLong(campaign)).append('\n');
        }
    }

    /**
     * The receive-to-reply latency since start as a histogram: cumulative counts at each bound of
     * {@link #LATENCY_BUCKETS_SECONDS}, so that a dashboard takes the quantiles of any recent window
     * from the counts' rate.
     */
    static void latency(final StringBuilder text, final Histogram latency)
    {
        text.append("# HELP payswitch_latency_seconds Receive-to-reply latency.\n");
        text.append("# TYPE payswitch_latency_seconds histogram\n");
        final long[] atMost = new long[LATENCY_BUCKETS_SECONDS.length];
        for (final HistogramIterationValue value : latency.recordedValues())
        {
            final double seconds = latency.highestEquivalentValue(value.getValueIteratedTo()) / NANOS_PER_SECOND;
            for (int bucket = 0; bucket < atMost.length; bucket++)
            {
                if (seconds <= LATENCY_BUCKETS_SECONDS[bucket])
                {
                    atMost[bucket] += value.getCountAtValueIteratedTo();
                }
            }
        }
        for (int bucket = 0; bucket < atMost.length; bucket++)
        {
            text.append("payswitch_latency_seconds_bucket{le=\"").append(LATENCY_BUCKET_LABELS[bucket]).append("\"} ")
                .append(atMost[bucket]).append('\n');
        }
        text.append("payswitch_latency_seconds_bucket{le=\"+Inf\"} ").append(latency.getTotalCount()).append('\n');
        text.append("payswitch_latency_seconds_sum ")
            .append(latency.getMean() * latency.getTotalCount() / NANOS_PER_SECOND)
            .append('\n');
        text.append("payswitch_latency_seconds_count ").append(latency.getTotalCount()).append('\n');
    }

    /** A label's value as the text format wants it: backslash, double quote and line feed escaped. */
    static StringBuilder labelValue(final StringBuilder text, final String value)
    {
        if (value == null)
        {
            return text;
        }
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '\\' -> text.append("\\\\");
                case '"' -> text.append("\\\"");
                case '\n' -> text.append("\\n");
                default -> text.append(c);
            }
        }
        return text;
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
                    .append(reason.name().toLowerCase(Locale.ROOT)).append("\"} ")
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
