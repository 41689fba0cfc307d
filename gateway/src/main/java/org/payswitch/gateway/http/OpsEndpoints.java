package org.payswitch.gateway.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.payswitch.gateway.ops.OpsFiguresJson;
import org.payswitch.gateway.ops.OpsPageFiles;

/**
 * The live operations page (docs/operations.md, "The operations page"): {@code GET /ops} and its
 * files under {@code /ops/}, open to anyone because they hold no figure, and
 * {@code GET /v1/ops/figures}, the figures the page polls, behind the operator token. All are
 * answered at once on the I/O thread from what the sampler keeps: none enters the ring.
 */
final class OpsEndpoints
{
    private static final String JSON = "application/json";
    /** Room for the figures of a poll: one new sample with a few campaigns. */
    private static final int FIGURES_BYTES = 4096;

    private OpsEndpoints()
    {
    }

    /** {@code GET /ops}: the page. */
    static void page(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        file(exchange, http, "");
    }

    /** {@code GET /ops/{name}}: the page's script, style or charting library; 404 for any other name. */
    static void file(final HttpExchange exchange, final FullHttpRequest http, final String name)
    {
        final OpsPageFiles.File file = exchange.context.opsPage.find(name);
        if (file == null)
        {
            exchange.answers.noSuchEndpoint();
            return;
        }
        exchange.answers.content(file.contentType(), Unpooled.wrappedBuffer(file.bytes()));
    }

    /**
     * {@code GET /v1/ops/figures?after=SEQ}: the samples numbered above {@code after} (all that are
     * kept when it is absent or -1) and every campaign as of the newest; 400/30 naming {@code after}
     * when it is not one whole number of at least -1.
     */
    static void figures(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final List<String> values = new QueryStringDecoder(http.uri()).parameters().get("after");
        long after = -1;
        if (values != null)
        {
            try
            {
                after = values.size() == 1 ? Long.parseLong(values.get(0)) : Long.MIN_VALUE;
            }
            catch (final NumberFormatException e)
            {
                after = Long.MIN_VALUE;
            }
            if (after < -1)
            {
                exchange.problem.set("after", "after: the number of the last sample seen, -1 or more, once");
                exchange.answers.formatError(exchange.problem);
                return;
            }
        }
        final ByteBuf body = http.content().alloc().buffer(FIGURES_BYTES);
        OpsFiguresJson.write(exchange.context.opsHistory, after, body);
        exchange.answers.content(JSON, body);
    }
}
