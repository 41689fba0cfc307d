package org.payswitch.core.journal;

import java.nio.ByteBuffer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.core.io.Syncable;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Appends journal records to Chronicle Queue. Each record is encoded in place into one reused
 * direct buffer ({@link JournalRecord}; card data not on file sealed under this run's data key), its CRC-32C computed over that buffer and written after
 * it, and the whole copied into the queue's memory-mapped file in one write. Used by exactly one
 * thread (the journal stage); the appender is taken on first use so it belongs to that thread.
 */
public final class JournalWriter implements Journal
{
    /** The longest record without its checksum. */
    static final int MAX_RECORD = 1 << 16;
    private static final byte[] NO_PAYLOAD = new byte[0];

    private final SingleChronicleQueue queue;
    private final UnsafeBuffer record;
    private final ByteBuffer direct;
    private final BytesStore<?, ?> recordStore;
    private final RecordChecksum checksum = new RecordChecksum(0);
    private final JournalSpace space = new JournalSpace();
    private final boolean syncToDisk;
    private final JournalCards cards;
    private ExcerptAppender appender;
    private volatile long lastIndex = -1;
    private long records;

    /** Opens (or creates) the journal, with a new data key for this run in its data folder's key ring. */
    public JournalWriter(final JournalConfig config)
    {
        this(config, config.cardKeys().openForWriting());
    }

    /** Opens (or creates) the journal, sealing card data under {@code ring}'s data key for this run. */
    public JournalWriter(final JournalConfig config, final DataKeyRing ring)
    {
        cards = JournalCards.forWriting(ring);
        queue = ChronicleQueues.openForWriting(config);
        syncToDisk = config.syncToDisk();
        direct = ByteBuffer.allocateDirect(MAX_RECORD + RecordChecksum.LENGTH);
        record = new UnsafeBuffer(direct);
        recordStore = BytesStore.wrap(direct);
    }

    /**
     * Appends the command's request and decision, and their checksum. The disk space it goes to
     * is claimed first ({@link JournalSpace}), so a full disk fails here with an exception rather
     * than later with SIGBUS; if the write fails all the same, the document is rolled back rather
     * than closed: closing would mark a half-written record complete.
     */
    @Override
    public void append(final SwitchCommand command)
    {
        final byte[] payload = command.hasPayload() ? PayloadCodec.encode(command, cards) : NO_PAYLOAD;
        final int length = checksum.seal(direct, record,
            JournalRecord.encode(command, record, 0, payload, payload.length, cards));
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        try (DocumentContext document = appender.writingDocument())
        {
            try
            {
                final Bytes<?> bytes = document.wire().bytes();
                space.claim(appender, bytes.writePosition());
                bytes.write(recordStore, 0L, (long)length);
            }
            catch (final Throwable e)
            {
                document.rollbackOnClose();
                throw e;
            }
        }
        lastIndex = appender.lastIndexAppended();
        records++;
    }

    /**
     * Forces what was appended to disk (msync of the mapped file), when {@code journal-sync} is on;
     * the journal stage calls it at the end of each batch, so one sync covers the batch (group
     * commit). Chronicle's {@code SyncMode} alone syncs only when a mapped chunk is released, not
     * per entry (measured with chronicle-queue 2026.4: no cost per append), hence this call.
     */
    @Override
    public void syncIfConfigured()
    {
        if (syncToDisk && appender != null && appender.wire().bytes() instanceof Syncable mapped)
        {
            mapped.sync();
        }
    }

    @Override
    public boolean syncsToDisk()
    {
        return syncToDisk;
    }

    /** The Chronicle index of the last record appended, -1 before any: the journal position. */
    @Override
    public long lastIndex()
    {
        return lastIndex;
    }

    /** Records appended by this writer. */
    @Override
    public long records()
    {
        return records;
    }

    @Override
    public void close()
    {
        space.close();
        if (appender != null)
        {
            appender.close();
        }
        queue.close();
    }
}
