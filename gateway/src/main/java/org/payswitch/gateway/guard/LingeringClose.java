package org.payswitch.gateway.guard;

import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;

/**
 * Closes a connection once its last answer is written, without resetting it: a socket closed
 * while the client's later bytes (requests pipelined past the last one taken) sit unread makes the
 * kernel send a reset, and a reset throws away answers still in flight or not yet read by the
 * client. So the switch first ends its side (a FIN after the last answer), reads on and discards
 * what the client still sends, and closes when the client closes or after {@value #LINGER_MILLIS}
 * ms: the "lingering close" of HTTP servers. A channel that cannot half-close is closed at once.
 */
public final class LingeringClose implements ChannelFutureListener
{
    /** Close after the last answer: use as the write's listener. */
    public static final LingeringClose AFTER_WRITE = new LingeringClose();
    /** How long the client has to read the last answers and close. */
    static final long LINGER_MILLIS = 2_000;

    private LingeringClose()
    {
    }

    @Override
    public void operationComplete(final ChannelFuture written)
    {
        final Channel channel = written.channel();
        if (!written.isSuccess() || !channel.isActive() || !(channel instanceof DuplexChannel duplex))
        {
            channel.close();
            return;
        }
        duplex.shutdownOutput().addListener((ChannelFutureListener)shut ->
        {
            if (!shut.isSuccess())
            {
                channel.close();
                return;
            }
            channel.config().setAutoRead(true);
            channel.eventLoop().schedule(() -> channel.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
        });
    }
}
