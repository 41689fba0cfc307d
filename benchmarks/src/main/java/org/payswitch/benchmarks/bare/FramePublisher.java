package org.payswitch.benchmarks.bare;

import java.util.concurrent.atomic.LongAdder;

import com.lmax.disruptor.RingBuffer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The I/O side of {@link IsoEchoServer}: publishes each frame into the ring with
 * {@code tryPublishEvent} (several I/O threads may publish: a multi-producer ring) and releases
 * it. A frame that finds the ring full is dropped and counted, not answered. One per connection.
 */
final class FramePublisher extends ChannelInboundHandlerAdapter
{
    private final RingBuffer<FrameSlot> ring;
    private final LongAdder refused;
    private EchoConnection connection;

    FramePublisher(final RingBuffer<FrameSlot> ring, final LongAdder refused)
    {
        this.ring = ring;
        this.refused = refused;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        connection = new EchoConnection(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final ByteBuf frame = (ByteBuf)msg;
        try
        {
            if (!ring.tryPublishEvent(FrameSlot.COPY, frame, connection))
            {
                refused.increment();
            }
        }
        finally
        {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }
}
