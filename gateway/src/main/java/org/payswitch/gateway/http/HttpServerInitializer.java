package org.payswitch.gateway.http;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import org.payswitch.gateway.IdleConnectionCloser;

/**
 * The pipeline of an HTTP connection: idle timeout, HTTP/1.1 codec with bounded line and header
 * sizes, a 64 KiB body limit answered with 400/30, then the request handler.
 */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel>
{
    /** Largest body accepted (shared/API.md: at most 64 KiB). */
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
        pipeline.addLast(new HttpServerCodec(4096, 8192, 8192));
        pipeline.addLast(new BoundedBodyAggregator(MAX_BODY));
        pipeline.addLast(new HttpRequestHandler(context));
    }
}
