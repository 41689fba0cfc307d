package org.payswitch.core.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/** Opens the journal's Chronicle Queue the same way for writing and for replay. */
final class ChronicleQueues
{
    static
    {
        System.setProperty("chronicle.analytics.disable", "true");
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
