package org.payswitch.gateway.guard;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/**
 * First in a port's child pipeline: counts each new connection against its port's caps as it is
 * set up, and closes one over a cap at once, before TLS or any read, without building the rest of
 * its pipeline (no TLS engine, no buffers for a refused connection). An admitted connection gets a
 * {@link CountedConnection} that uncounts it when it closes, then the port's own initializer adds
 * the rest. Stateless: one per port.
 */
public final class ConnectionLimiter extends ChannelInitializer<Channel>
{
    private static final RateLimitedLog REFUSED = RateLimitedLog.warnings(ConnectionLimiter.class);

    private final PortConnections port;
    private final ChannelInitializer<? extends Channel> rest;

    /**
     * @param port the port's counts and caps
     * @param rest the port's own initializer (TLS and protocol handlers)
     */
    public ConnectionLimiter(final PortConnections port, final ChannelInitializer<? extends Channel> rest)
    {
        this.port = port;
        this.rest = rest;
    }

    @Override
    protected void initChannel(final Channel channel)
    {
        final SocketAddress remote = channel.remoteAddress();
        final Object from = remote instanceof InetSocketAddress inet && inet.getAddress() != null ?
            inet.getAddress() : remote;
        final PortConnections.Admission admission = port.open(from);
        if (admission != PortConnections.Admission.ADMITTED)
        {
            REFUSED.log(() -> "refusing a connection from " + remote + " on the " + port.port() + " port: " +
                (admission == PortConnections.Admission.OVER_TOTAL ?
                    port.maxConnections() + " open (max-connections)" :
                    port.maxPerAddress() + " open from that address (max-connections-per-address)"));
            channel.close();
            return;
        }
        channel.pipeline().addLast(new CountedConnection(port, from), rest);
    }
}
