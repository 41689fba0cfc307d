package org.payswitch.gateway.http;

import java.time.ZoneId;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.auth.ApiKeys;
import org.payswitch.gateway.auth.OperatorToken;

/**
 * What every HTTP connection shares: the pipeline to publish into, the operator token, the
 * checkout API keys, the readiness of the switch, and the answer writers (and their scratch) of the reply thread.
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
    /** The reply thread's scratch for an answer's body, written before its headers (whose length it sets). */
    final ByteBuf replyBody = Unpooled.buffer(REPLY_BODY_BYTES);

    /** Checkout endpoints open to any caller (contract version 1: loopback without API keys). */
    public HttpContext(
        final SwitchPipeline pipeline, final String adminToken, final ZoneId zone, final BooleanSupplier ready)
    {
        this(pipeline, adminToken, ApiKeys.NONE, zone, ready);
    }

    /** Checkout endpoints that need one of {@code apiKeys} when any is configured. */
    public HttpContext(final SwitchPipeline pipeline, final String adminToken, final ApiKeys apiKeys,
        final ZoneId zone, final BooleanSupplier ready)
    {
        this.pipeline = pipeline;
        this.operator = new OperatorToken(adminToken);
        this.apiKeys = apiKeys;
        this.ready = ready;
        this.answers = new HttpAnswers(zone);
        this.metrics = new PrometheusText(pipeline);
    }
}
