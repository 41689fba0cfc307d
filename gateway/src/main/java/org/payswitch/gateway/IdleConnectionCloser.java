package org.payswitch.gateway;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/** Closes a connection that was idle for its idle timeout (after an {@code IdleStateHandler}). */
@ChannelHandler.Sharable
public final class IdleConnectionCloser extends ChannelInboundHandlerAdapter
{
    /** Stateless: one for all connections. */
    public static final IdleConnectionCloser INSTANCE = new IdleConnectionCloser();

    private IdleConnectionCloser()
    {
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof IdleStateEvent)
        {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }
}
