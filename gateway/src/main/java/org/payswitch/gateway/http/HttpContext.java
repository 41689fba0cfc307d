package org.payswitch.gateway.http;

import java.time.ZoneId;
import java.util.function.BooleanSupplier;

import org.payswitch.core.pipeline.SwitchPipeline;

/**
 * What every HTTP connection shares: the pipeline to publish into, the operator token, the
 * readiness of the switch, and the answer writers of the reply thread.
 */
public final class HttpContext
{
    final SwitchPipeline pipeline;
    final String adminBearer;
    final BooleanSupplier ready;
    final HttpAnswers answers;
    final PrometheusText metrics;

    public HttpContext(
        final SwitchPipeline pipeline, final String adminToken, final ZoneId zone, final BooleanSupplier ready)
    {
        this.pipeline = pipeline;
        this.adminBearer = "Bearer " + adminToken;
        this.ready = ready;
        this.answers = new HttpAnswers(zone);
        this.metrics = new PrometheusText(pipeline);
    }
}
