package org.payswitch.gateway.guard;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/**
 * Puts a {@link ConnectionLimiter} in front of a port's pipeline (before TLS too), then lets the
 * port's own initializer add the rest: a connection over a cap is closed before it costs a
 * handshake or a buffer.
 */
public final class GuardedInitializer extends ChannelInitializer<SocketChannel>
{
    private final PortConnections port;
    private final ChannelInitializer<SocketChannel> rest;

    public GuardedInitializer(final PortConnections port, final ChannelInitializer<SocketChannel> rest)
    {
        this.port = port;
        this.rest = rest;
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        channel.pipeline().addLast(new ConnectionLimiter(port), rest);
    }
}
