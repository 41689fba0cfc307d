package org.payswitch.gateway.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import org.payswitch.gateway.IdleConnectionCloser;

/**
 * The pipeline of an HTTP connection: idle timeout, HTTP/1.1 response encoder and request decoder
 * (bounded line and header sizes), a 64 KiB body limit answered with 400/30, then the request
 * handler. The encoder and decoder are separate handlers, not an {@code HttpServerCodec}: the
 * pipeline's answers arrive encoded whole and are written from the encoder's context, past it,
 * and the codec would queue each request's method for a response it never sees. The handler
 * answers HEAD itself, without a body.
 */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel>
{
    /** Largest body accepted (docs/api.md: at most 64 KiB). */
    public static final int MAX_BODY = 64 * 1024;

    private final HttpContext context;
    private final int idleSeconds;

    public HttpServerInitializer(final HttpContext context, final int idleSeconds)
    {
        this.context = context;
        this.idleSeconds = idleSeconds;
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS));
        pipeline.addLast(IdleConnectionCloser.INSTANCE);
        pipeline.addLast(new HttpResponseEncoder());
        pipeline.addLast(new HttpRequestDecoder(4096, 8192, 8192));
        pipeline.addLast(new BoundedBodyAggregator(MAX_BODY));
        pipeline.addLast(new HttpRequestHandler(context));
    }
}
