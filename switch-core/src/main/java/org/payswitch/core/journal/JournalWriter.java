package org.payswitch.core.journal;

import java.nio.ByteBuffer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.Syncable;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Appends journal records to Chronicle Queue. Each record is encoded in place into one reused
 * direct buffer ({@link JournalRecord}) and copied into the queue's memory-mapped file in one
 * write, with {@code ExcerptAppender.writeBytes}: unlike {@code writingDocument()}, which finds the
 * queue's last sequence number again on every call (a scan of its index, ~5 % of the pipeline
 * thread at the peak in a JFR profile), it continues from the appender's own position and looks
 * again only when another appender has moved the queue (docs/journal.md). Used by exactly one thread (the journal stage); the appender is taken on first use so
 * it belongs to that thread.
 */
public final class JournalWriter implements AutoCloseable
{
    private static final int MAX_RECORD = 1 << 16;
    private static final byte[] NO_PAYLOAD = new byte[0];

    private final SingleChronicleQueue queue;
    private final UnsafeBuffer record;
    private final Bytes<ByteBuffer> recordBytes;
    private final boolean syncToDisk;
    private ExcerptAppender appender;
    private volatile long lastIndex = -1;
    private long records;

    /** Opens (or creates) the journal. */
    public JournalWriter(final JournalConfig config)
    {
        queue = ChronicleQueues.open(config);
        syncToDisk = config.syncToDisk();
        final ByteBuffer direct = ByteBuffer.allocateDirect(MAX_RECORD);
        record = new UnsafeBuffer(direct);
        recordBytes = Bytes.wrapForRead(direct);
    }

    /** Appends the command's request and decision. */
    public void append(final SwitchCommand command)
    {
        final byte[] payload = command.payload == null ? NO_PAYLOAD : PayloadCodec.encode(command.payload);
        final int length = JournalRecord.encode(command, record, 0, payload, payload.length);
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        recordBytes.readPositionRemaining(0, length);
        appender.writeBytes(recordBytes);
        lastIndex = appender.lastIndexAppended();
        records++;
    }

    /**
     * Forces what was appended to disk (msync of the mapped file), when {@code journal-sync} is on;
     * the journal stage calls it at the end of each batch, so one sync covers the batch (group
     * commit). Chronicle's {@code SyncMode} alone syncs only when a mapped chunk is released, not
     * per entry (measured with chronicle-queue 2026.4: no cost per append), hence this call.
     */
    public void syncIfConfigured()
    {
        if (syncToDisk && appender != null && appender.wire().bytes() instanceof Syncable mapped)
        {
            mapped.sync();
        }
    }

    /** The Chronicle index of the last record appended, -1 before any: the journal position. */
    public long lastIndex()
    {
        return lastIndex;
    }

    /** Records appended by this writer. */
    public long records()
    {
        return records;
    }

    @Override
    public void close()
    {
        if (appender != null)
        {
            appender.close();
        }
        queue.close();
    }
}
