package org.payswitch.gateway.http;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import org.payswitch.core.config.GatewayLimits;
import org.payswitch.gateway.guard.ConnectionDeadlines;
import org.payswitch.gateway.guard.PortConnections;

/**
 * The pipeline of an HTTP connection: request deadline and idle timeout
 * ({@link ConnectionDeadlines}), HTTP/1.1 response encoder and request decoder (bounded line and
 * header sizes), a 64 KiB body limit answered with 400/30, then the request handler, which also
 * ends the pipeline's exceptions. The encoder and decoder are separate handlers, not an {@code HttpServerCodec}: the
 * pipeline's answers arrive encoded whole and are written from the encoder's context, past it,
 * and the codec would queue each request's method for a response it never sees. The handler
 * answers HEAD itself, without a body.
 */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel>
{
    /** Largest body accepted (docs/api.md: at most 64 KiB). */
    public static final int MAX_BODY = 64 * 1024;
    /** Longest request line (method, URI, version). */
    private static final int MAX_REQUEST_LINE = 4096;
    /** Most bytes of a request's headers in all. */
    private static final int MAX_HEADER_BYTES = 8192;
    /** Most bytes of a body chunk the decoder hands on at once (the aggregator joins them). */
    private static final int MAX_CHUNK_BYTES = 8192;

    private final HttpContext context;
    private final GatewayLimits limits;
    private final PortConnections port;

    public HttpServerInitializer(final HttpContext context, final GatewayLimits limits, final PortConnections port)
    {
        this.context = context;
        this.limits = limits;
        this.port = port;
        BodyMapper.prepare(LifecycleBodies.Capture.class, LifecycleBodies.Refund.class, CardBodies.Card.class,
            CardBodies.Status.class, CardBodies.Lookup.class, CardBodies.Merchant.class, CampaignBody.class);
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(new ConnectionDeadlines(limits.requestDeadline().toNanos(), limits.idleTimeout().toNanos(),
            port));
        pipeline.addLast(new HttpResponseEncoder());
        pipeline.addLast(new HttpRequestFramer(MAX_REQUEST_LINE, MAX_HEADER_BYTES, MAX_CHUNK_BYTES));
        pipeline.addLast(new BoundedBodyAggregator(MAX_BODY));
        pipeline.addLast(new HttpRequestHandler(context));
    }
}
