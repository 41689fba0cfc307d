package org.payswitch.gateway.guard;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Uncounts an admitted connection from its port's caps when it closes ({@link ConnectionLimiter}
 * counted it). It handles no reads or writes (Netty skips it for them), so a request pays nothing
 * for it. One per connection.
 */
final class CountedConnection extends ChannelInboundHandlerAdapter
{
    private final PortConnections port;
    private final Object address;
    private boolean counted = true;

    CountedConnection(final PortConnections port, final Object address)
    {
        this.port = port;
        this.address = address;
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        release();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx)
    {
        release();
    }

    private void release()
    {
        if (counted)
        {
            counted = false;
            port.close(address);
        }
    }
}
