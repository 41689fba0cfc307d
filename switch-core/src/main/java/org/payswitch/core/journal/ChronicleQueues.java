package org.payswitch.core.journal;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import org.payswitch.core.util.OwnerOnly;

/**
 * Opens the journal's Chronicle Queue the same way for writing and for replay. Two of Chronicle's
 * system properties are set before its classes load: no analytics (no call out, nothing in the
 * home folder), and no single-threaded checks, a debugging aid that asks on every append which
 * thread is appending (7 % of the pipeline thread's JFR samples at peak, chronicle-core 2026.5):
 * the journal's appender belongs to one thread by construction. The writer's folder is 0700 and
 * its files 0600 whatever the umask: the journal holds card numbers.
 */
final class ChronicleQueues
{
    private static final DateTimeFormatter CYCLE_FILE = DateTimeFormatter.ofPattern("yyyyMMdd");

    static
    {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("disable.single.threaded.check", "true");
    }

    private ChronicleQueues()
    {
    }

    /**
     * The journal's queue for reading: binary, one cycle (file) a day, up to 2^31 records a day;
     * opened read-only when the config says so (Chronicle then maps the files read-only and never
     * writes its metadata file: the roll cycle must be the writer's, which {@link #builder} fixes).
     */
    static SingleChronicleQueue open(final JournalConfig config)
    {
        return builder(config).readOnly(config.readOnly()).build();
    }

    /**
     * The journal's queue for the writer: its folder made 0700 (created if missing), its files
     * 0600, and each day's new file made 0600 when Chronicle acquires it (on the appending thread,
     * once a day; the folder already keeps others out in between).
     */
    static SingleChronicleQueue openForWriting(final JournalConfig config)
    {
        OwnerOnly.folder(config.directory());
        final SingleChronicleQueue queue = builder(config).storeFileListener(new OwnerOnlyFiles()).build();
        OwnerOnly.filesIn(config.directory());
        return queue;
    }

    /** The daily queue file that holds the record at {@code index}, for messages that name it. */
    static Path fileOf(final JournalConfig config, final long index)
    {
        final int cycle = LargeRollCycles.LARGE_DAILY.toCycle(index);
        return config.directory().resolve(LocalDate.ofEpochDay(cycle).format(CYCLE_FILE) + "L.cq4");
    }

    private static SingleChronicleQueueBuilder builder(final JournalConfig config)
    {
        return SingleChronicleQueueBuilder.binary(config.directory())
            .rollCycle(LargeRollCycles.LARGE_DAILY)
            .syncMode(config.syncToDisk() ? SyncMode.SYNC : SyncMode.NONE);
    }

    /** Makes each queue file 0600 when the writer acquires it. */
    private static final class OwnerOnlyFiles implements StoreFileListener
    {
        @Override
        public void onAcquired(final int cycle, final File file)
        {
            OwnerOnly.file(file.toPath());
        }

        @Override
        public void onReleased(final int cycle, final File file)
        {
        }
    }
}
