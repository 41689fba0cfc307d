package org.payswitch.benchmarks.bare;

import com.lmax.disruptor.EventTranslatorTwoArg;
import io.netty.buffer.ByteBuf;

/**
 * A preallocated ring slot of {@link IsoEchoServer}: a copy of one request frame in a fixed
 * array, and the connection to answer. Filled by {@link #COPY}, a static translator that
 * captures nothing.
 */
final class FrameSlot
{
    /** Copies a frame (its readable bytes) and names its connection. */
    static final EventTranslatorTwoArg<FrameSlot, ByteBuf, EchoConnection> COPY = (slot, sequence, frame, connection) ->
    {
        final int length = frame.readableBytes();
        frame.getBytes(frame.readerIndex(), slot.frame, 0, length);
        slot.length = length;
        slot.connection = connection;
    };

    final byte[] frame = new byte[IsoEchoAnswer.MAX_LENGTH];
    int length;
    EchoConnection connection;
}
