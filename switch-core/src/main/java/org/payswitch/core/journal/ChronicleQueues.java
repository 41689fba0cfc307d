package org.payswitch.core.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/**
 * Opens the journal's Chronicle Queue the same way for writing and for replay. Two of Chronicle's
 * system properties are set before its classes load: no analytics (no call out, nothing in the
 * home folder), and no single-threaded checks, a debugging aid that asks on every append which
 * thread is appending (7 % of the pipeline thread's JFR samples at peak, chronicle-core 2026.5):
 * the journal's appender belongs to one thread by construction.
 */
final class ChronicleQueues
{
    static
    {
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("disable.single.threaded.check", "true");
    }

    private ChronicleQueues()
    {
    }

    /** The journal's queue: binary, one cycle (file) a day, up to 2^31 records a day. */
    static SingleChronicleQueue open(final JournalConfig config)
    {
        return SingleChronicleQueueBuilder.binary(config.directory())
            .rollCycle(LargeRollCycles.LARGE_DAILY)
            .syncMode(config.syncToDisk() ? SyncMode.SYNC : SyncMode.NONE)
            .build();
    }
}
