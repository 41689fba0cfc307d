package org.payswitch.core.journal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.payswitch.core.engine.CommandType;
import org.payswitch.core.pipeline.CommandExecutor;
import org.payswitch.core.snapshot.SnapshotStore;

/**
 * Brings an empty engine to the state it had when the switch stopped: the newest snapshot whose
 * marker is in the journal (a snapshot written but never journaled is ignored: what it holds
 * was never answered), then the journal records after that marker. The marker is found by
 * reading the journal backwards from its end, so only the tail after it is read, and read once.
 */
public final class Recovery
{
    /** What recovery found and did. */
    public record Result(long snapshotId, long replayedRecords, long lastSnapshotId, long millis)
    {
    }

    private Recovery()
    {
    }

    /** Recovers the executor's engine from the snapshots and journal; the engine must be empty. */
    public static Result recover(
        final JournalConfig journal, final SnapshotStore snapshots, final CommandExecutor executor)
    {
        final long started = System.nanoTime();
        final List<Long> ids = snapshots.ids();
        final Set<Long> onDisk = new HashSet<>(ids);
        final long[] chosen = {JournalReplayer.NO_SNAPSHOT};
        final long[] newestMarker = {0};
        long markerIndex = JournalReader.NOT_FOUND;
        if (!ids.isEmpty())
        {
            markerIndex = JournalReader.findBackwards(journal, (buffer, offset, length, index) ->
            {
                if (JournalRecord.type(buffer, offset) != CommandType.TAKE_SNAPSHOT)
                {
                    return false;
                }
                final long id = JournalRecord.amount(buffer, offset);
                newestMarker[0] = Math.max(newestMarker[0], id);
                if (onDisk.contains(id))
                {
                    chosen[0] = id;
                    return true;
                }
                return false;
            });
        }
        if (chosen[0] != JournalReplayer.NO_SNAPSHOT)
        {
            snapshots.read(chosen[0], executor.engine());
        }
        executor.engine().reserveTransactions(JournalReader.countFrom(journal, markerIndex));
        final JournalReplayer.Outcome outcome = JournalReplayer.replayAfter(journal, executor, chosen[0], markerIndex);
        long lastId = Math.max(newestMarker[0], outcome.newestMarker());
        if (!ids.isEmpty())
        {
            lastId = Math.max(lastId, ids.get(0));
        }
        return new Result(chosen[0], outcome.replayed(), lastId, (System.nanoTime() - started) / 1_000_000);
    }
}
