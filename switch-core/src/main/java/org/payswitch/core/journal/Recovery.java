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
 * was never answered), then the journal records after that marker.
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
        final Set<Long> markers = new HashSet<>();
        JournalReader.readAll(journal, (buffer, offset, length, index) ->
        {
            if (JournalRecord.type(buffer, offset) == CommandType.TAKE_SNAPSHOT)
            {
                markers.add(JournalRecord.amount(buffer, offset));
            }
        });
        long chosen = JournalReplayer.NO_SNAPSHOT;
        long lastId = markers.stream().mapToLong(Long::longValue).max().orElse(0);
        final List<Long> ids = snapshots.ids();
        if (!ids.isEmpty())
        {
            lastId = Math.max(lastId, ids.get(0));
        }
        for (final long id : ids)
        {
            if (markers.contains(id))
            {
                chosen = id;
                break;
            }
        }
        if (chosen != JournalReplayer.NO_SNAPSHOT)
        {
            snapshots.read(chosen, executor.engine());
        }
        final long replayed = JournalReplayer.replay(journal, executor, chosen);
        return new Result(chosen, replayed, lastId, (System.nanoTime() - started) / 1_000_000);
    }
}
