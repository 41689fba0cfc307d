package org.payswitch.benchmarks.bare;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import io.netty.buffer.ByteBuf;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The one consumer of {@link IsoEchoServer}'s ring: appends each request's bytes to the journal
 * (a Chronicle Queue document, as the switch's journal stage writes its records), builds its
 * answer ({@link IsoEchoAnswer}) into its connection's buffer of the batch, and at the end of
 * the Disruptor batch writes each connection's buffer once, with {@code writeAndFlush(buf,
 * voidPromise)}. The minimum the switch does per request, without the business logic.
 */
final class EchoConsumer implements EventHandler<FrameSlot>
{
    private static final int FIRST_BUFFER = 8 * 1024;

    private final SingleChronicleQueue journal;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private EchoConnection[] touched = new EchoConnection[64];
    private int touchedCount;
    private long answeredHere;
    private long malformedHere;
    private ExcerptAppender appender;

    EchoConsumer(final SingleChronicleQueue journal)
    {
        this.journal = journal;
    }

    @Override
    public void onStart()
    {
        appender = journal.createAppender();
    }

    @Override
    public void onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch)
    {
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(slot.frame, 0, slot.length);
        }
        final EchoConnection connection = slot.connection;
        slot.connection = null;
        if (connection.pending == null)
        {
            connection.pending = connection.channel.alloc().ioBuffer(FIRST_BUFFER);
            if (touchedCount == touched.length)
            {
                touched = Arrays.copyOf(touched, 2 * touchedCount);
            }
            touched[touchedCount++] = connection;
        }
        if (IsoEchoAnswer.write(slot.frame, slot.length, connection.pending))
        {
            answeredHere++;
        }
        else
        {
            malformedHere++;
        }
        if (endOfBatch)
        {
            flushBatch();
        }
    }

    @Override
    public void onShutdown()
    {
        flushBatch();
        if (appender != null)
        {
            appender.close();
        }
    }

    /** Requests answered so far (published at the end of each batch). */
    long answered()
    {
        return answered.get();
    }

    /** Frames whose fields could not be walked, not answered. */
    long malformed()
    {
        return malformed.get();
    }

    private void flushBatch()
    {
        for (int i = 0; i < touchedCount; i++)
        {
            final EchoConnection connection = touched[i];
            touched[i] = null;
            final ByteBuf answers = connection.pending;
            connection.pending = null;
            if (answers.isReadable())
            {
                connection.channel.writeAndFlush(answers, connection.channel.voidPromise());
            }
            else
            {
                answers.release();
            }
        }
        touchedCount = 0;
        answered.lazySet(answeredHere);
        malformed.lazySet(malformedHere);
    }
}
