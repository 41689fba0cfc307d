package org.payswitch.core.journal;

import java.nio.file.Files;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads journal records in order, handing each to a {@link RecordHandler} as a view over the
 * memory-mapped file (no copy, no object per record). A record left incomplete by a crash is
 * not seen: Chronicle marks a document complete only when it is fully written.
 */
public final class JournalReader
{
    /** Receives one record; the buffer is valid only during the call. */
    @FunctionalInterface
    public interface RecordHandler
    {
        void onRecord(DirectBuffer buffer, int offset, int length, long index);
    }

    private JournalReader()
    {
    }

    /** Reads every record of the journal; returns how many. An absent journal has none. */
    public static long readAll(final JournalConfig config, final RecordHandler handler)
    {
        if (!Files.isDirectory(config.directory()))
        {
            return 0;
        }
        final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        long count = 0;
        try (SingleChronicleQueue queue = ChronicleQueues.open(config);
            ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = document.wire().bytes();
                    final int length = (int)bytes.readRemaining();
                    view.wrap(bytes.addressForRead(bytes.readPosition()), length);
                    handler.onRecord(view, 0, length, document.index());
                    count++;
                }
            }
        }
        return count;
    }
}
