package org.payswitch.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.agrona.DirectBuffer;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.snapshot.SnapshotStore;

/**
 * Brings an empty engine to the state it had when the switch stopped: the newest snapshot whose
 * marker is in the journal (a snapshot written but never journaled is ignored: what it holds
 * was never answered), then the journal records after that marker. The marker is found by
 * reading the journal backwards from its end, so only the tail after it is read, and read once.
 * A snapshot is checked whole before it is used ({@link SnapshotStore#problem}); a damaged or
 * truncated one is set aside with one warning naming its file, and recovery falls back to the
 * previous snapshot, else to a replay of the whole journal. The card data keys are checked first:
 * a missing or wrong key file refuses recovery, naming it.
 */
public final class Recovery
{
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());

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
        checkKeys(journal.cardKeys());
        final List<Long> ids = snapshots.ids();
        final MarkerSearch search = new MarkerSearch(new HashSet<>(ids), snapshots);
        final long markerIndex = ids.isEmpty() ? JournalReader.NOT_FOUND : JournalReader.findBackwards(journal, search);
        if (search.chosen != JournalReplayer.NO_SNAPSHOT)
        {
            snapshots.read(search.chosen, executor.engine());
        }
        executor.engine().reserveTransactions(JournalReader.countFrom(journal, markerIndex));
        final JournalReplayer.Outcome outcome =
            JournalReplayer.replayAfter(journal, executor, search.chosen, markerIndex);
        long lastId = Math.max(search.newestMarker, outcome.newestMarker());
        if (!ids.isEmpty())
        {
            lastId = Math.max(lastId, ids.get(0));
        }
        return new Result(search.chosen, outcome.replayed(), lastId, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Opens the data key ring, when there is one, before anything is read: a missing or wrong key
     * file refuses recovery at once with a message naming it, rather than at the first sealed field.
     */
    private static void checkKeys(final CardKeys keys)
    {
        if (Files.exists(keys.ringFolder().resolve(DataKeyRing.FILE_NAME)))
        {
            keys.openForReading();
        }
    }

    /**
     * Read from the journal's end backwards: stops at the newest snapshot marker whose snapshot
     * is on disk, noting the highest marker id passed on the way (a newer snapshot whose file is
     * missing still used up its id).
     */
    private static final class MarkerSearch implements JournalReader.RecordPredicate
    {
        private final Set<Long> onDisk;
        private final SnapshotStore snapshots;
        long chosen = JournalReplayer.NO_SNAPSHOT;
        long newestMarker;

        MarkerSearch(final Set<Long> onDisk, final SnapshotStore snapshots)
        {
            this.onDisk = onDisk;
            this.snapshots = snapshots;
        }

        @Override
        public boolean test(final DirectBuffer buffer, final int offset, final int length, final long index)
        {
            if (JournalRecord.type(buffer, offset) != CommandType.TAKE_SNAPSHOT)
            {
                return false;
            }
            final long id = JournalRecord.amount(buffer, offset);
            newestMarker = Math.max(newestMarker, id);
            if (!onDisk.contains(id))
            {
                return false;
            }
            final String problem = snapshots.problem(id);
            if (problem == null)
            {
                chosen = id;
                return true;
            }
            final Path file = snapshots.file(id);
            final Path aside = snapshots.setAside(id);
            LOG.log(System.Logger.Level.WARNING, () -> "snapshot file " + file + " " + problem + ": moved to " +
                aside.getFileName() + "; recovering from the previous snapshot, else from the journal's start");
            return false;
        }
    }
}
