package org.payswitch.gateway.http;

import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.auth.ApiKeys;
import org.payswitch.gateway.auth.OperatorToken;
import org.payswitch.gateway.guard.PortConnections;
import org.payswitch.gateway.ops.OpsHistory;
import org.payswitch.gateway.ops.OpsPageFiles;

/**
 * What every HTTP connection shares: the pipeline to publish into, the operator token, the
 * checkout API keys, the readiness of the switch, the ports' connection counts (for /metrics), the
 * operations page's figures and files, and the answer writers (and their scratch) of the reply thread.
 */
public final class HttpContext
{
    /** An answer body's room at first (a campaign list or the metrics grow it). */
    private static final int REPLY_BODY_BYTES = 1024;

    final SwitchPipeline pipeline;
    final OperatorToken operator;
    final ApiKeys apiKeys;
    final BooleanSupplier ready;
    final HttpAnswers answers;
    final PrometheusText metrics;
    /** What the operations page's figures are read from, and the page's files. */
    final OpsHistory opsHistory;
    final OpsPageFiles opsPage;
    /** The reply thread's scratch for an answer's body, written before its headers (whose length it sets). */
    final ByteBuf replyBody = Unpooled.buffer(REPLY_BODY_BYTES);

    /** A context whose /metrics shows no connection counts and whose checkout endpoints are open (for handler tests). */
    public HttpContext(
        final SwitchPipeline pipeline, final String adminToken, final ZoneId zone, final BooleanSupplier ready)
    {
        this(pipeline, adminToken, ApiKeys.NONE, zone, ready, List.of(), new OpsHistory(OpsHistory.DEFAULT_CAPACITY));
    }

    /**
     * Checkout endpoints that need one of {@code apiKeys} when any is configured (contract version
     * 2); the connection counts of {@code ports} shown in /metrics; the operations page's figures
     * read from {@code opsHistory}.
     */
    public HttpContext(
        final SwitchPipeline pipeline, final String adminToken, final ApiKeys apiKeys, final ZoneId zone,
        final BooleanSupplier ready, final List<PortConnections> ports, final OpsHistory opsHistory)
    {
        this.pipeline = pipeline;
        this.operator = new OperatorToken(adminToken);
        this.apiKeys = apiKeys;
        this.ready = ready;
        this.answers = new HttpAnswers(zone);
        this.metrics = new PrometheusText(pipeline, ports);
        this.opsHistory = opsHistory;
        this.opsPage = OpsPageFiles.load();
    }
}
