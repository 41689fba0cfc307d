package org.payswitch.gateway.guard;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First handler of a connection: counts it open against its port's caps when it becomes active
 * and closes it at once, before TLS or any read, when a cap is reached; uncounts it when it closes.
 * It handles no reads (Netty skips it for them), so a request pays nothing for it. One per
 * connection: it remembers whether it counted its connection.
 */
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter
{
    private static final RateLimitedLog REFUSED = RateLimitedLog.warnings(ConnectionLimiter.class);

    private final PortConnections port;
    private Object address;

    public ConnectionLimiter(final PortConnections port)
    {
        this.port = port;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        final SocketAddress remote = ctx.channel().remoteAddress();
        final Object from = remote instanceof InetSocketAddress inet && inet.getAddress() != null ?
            inet.getAddress() : remote;
        final PortConnections.Admission admission = port.open(from);
        if (admission != PortConnections.Admission.ADMITTED)
        {
            REFUSED.log(() -> "refusing a connection from " + remote + " on the " + port.port() + " port: " +
                (admission == PortConnections.Admission.OVER_TOTAL ?
                    port.maxConnections() + " open (max-connections)" :
                    port.maxPerAddress() + " open from that address (max-connections-per-address)"));
            ctx.close();
            return;
        }
        address = from;
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (address != null)
        {
            port.close(address);
            address = null;
            ctx.fireChannelInactive();
        }
    }
}
