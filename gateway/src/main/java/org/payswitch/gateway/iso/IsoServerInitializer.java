package org.payswitch.gateway.iso;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.IdleConnectionCloser;
import org.payswitch.gateway.auth.Acquirers;

/**
 * The pipeline of an ISO 8583 connection: idle timeout, 2-byte big-endian length framing (jPOS
 * PostChannel, or NACChannel without TPDU) decoded in place and failing fast beyond 4 096 bytes
 * ({@link IsoFrameDecoder}), then the request handler (with the acquirer table it checks). Each ring slot carries an {@link IsoEcho}
 * ({@link #newSlotAttachment()}).
 */
public final class IsoServerInitializer extends ChannelInitializer<SocketChannel>
{
    private final SwitchPipeline pipeline;
    private final Acquirers acquirers;
    private final int idleSeconds;

    public IsoServerInitializer(final SwitchPipeline pipeline, final Acquirers acquirers, final int idleSeconds)
    {
        this.pipeline = pipeline;
        this.acquirers = acquirers;
        this.idleSeconds = idleSeconds;
    }

    /** The per-slot attachment the pipeline preallocates: room for the fields one ISO answer echoes. */
    public static Object newSlotAttachment()
    {
        return new IsoEcho();
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS));
        pipeline.addLast(IdleConnectionCloser.INSTANCE);
        pipeline.addLast(new IsoFrameDecoder());
        pipeline.addLast(new IsoRequestHandler(this.pipeline, acquirers));
    }
}
