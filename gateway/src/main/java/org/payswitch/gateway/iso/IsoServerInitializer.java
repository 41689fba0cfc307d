package org.payswitch.gateway.iso;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import org.payswitch.core.config.GatewayLimits;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.guard.ConnectionDeadlines;
import org.payswitch.gateway.guard.PortConnections;

/**
 * The pipeline of an ISO 8583 connection: frame deadline and idle timeout
 * ({@link ConnectionDeadlines}), 2-byte big-endian length framing (jPOS PostChannel, or NACChannel
 * without TPDU) decoded in place and failing fast beyond 4 096 bytes ({@link IsoFrameDecoder}),
 * then the request handler (with the acquirer table it checks), which also ends the pipeline's
 * exceptions. Each ring slot carries an {@link IsoEcho} ({@link #newSlotAttachment()}).
 */
public final class IsoServerInitializer extends ChannelInitializer<SocketChannel>
{
    private final SwitchPipeline pipeline;
    private final Acquirers acquirers;
    private final GatewayLimits limits;
    private final PortConnections port;

    public IsoServerInitializer(final SwitchPipeline pipeline, final Acquirers acquirers, final GatewayLimits limits,
        final PortConnections port)
    {
        this.pipeline = pipeline;
        this.acquirers = acquirers;
        this.limits = limits;
        this.port = port;
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
        pipeline.addLast(new ConnectionDeadlines(limits.requestDeadline().toNanos(), limits.idleTimeout().toNanos(),
            port));
        pipeline.addLast(new IsoFrameDecoder());
        pipeline.addLast(new IsoRequestHandler(this.pipeline, acquirers));
    }
}
