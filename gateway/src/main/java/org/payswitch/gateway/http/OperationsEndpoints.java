package org.payswitch.gateway.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.payswitch.core.engine.CommandType;

/** {@code GET /health} and {@code GET /metrics} (docs/api.md section 3, operations): open to any caller. */
final class OperationsEndpoints
{
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private OperationsEndpoints()
    {
    }

    /** 200 UP once the switch is ready (recovery done, ports open, journal writing), else 503 DOWN; at once. */
    static void health(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final boolean up = exchange.context.ready.getAsBoolean();
        exchange.answers.json(up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, up ? UP : DOWN);
    }

    /** Prometheus text; the campaign figures in it are read through the ring. */
    static void metrics(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        exchange.command.type = CommandType.GET_CAMPAIGNS;
        exchange.publish(AnswerKind.METRICS);
    }
}
