package org.payswitch.benchmarks.bare;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * One client connection of {@link IsoEchoServer}, as the consumer sees it: the channel and the
 * answers of the current ring batch not yet written, in one buffer. Only the consumer thread
 * touches {@link #pending}.
 */
final class EchoConnection
{
    final Channel channel;
    /** Answers of this batch, written and flushed once at its end; null when there are none. */
    ByteBuf pending;

    EchoConnection(final Channel channel)
    {
        this.channel = channel;
    }
}
