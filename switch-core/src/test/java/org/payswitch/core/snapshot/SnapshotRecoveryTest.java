package org.payswitch.core.snapshot;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReplayer;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.journal.Recovery;
import org.payswitch.core.pipeline.CommandExecutor;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRecoveryTest
{
    private static final int COMMANDS = 1_000_000;

    @TempDir
    Path dataDir;

    @Test
    void shouldRecoverFromSnapshotPlusTailTheSameStateAsFromTheWholeJournal()
    {
        final JournalConfig journal = JournalConfig.in(dataDir);
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, journal, snapshots, COMMANDS, new Marker(600_000, 1, true));

        final SwitchEngine fromSnapshot = engine();
        final Recovery.Result result = Recovery.recover(journal, snapshots, new CommandExecutor(fromSnapshot));
        final SwitchEngine fromJournal = engine();
        JournalReplayer.replay(journal, new CommandExecutor(fromJournal));

        assertThat(result.snapshotId()).isEqualTo(1);
        assertThat(result.replayedRecords()).isLessThan(COMMANDS - 500_000);
        assertThat(fromSnapshot.stateHash()).isEqualTo(live.stateHash());
        assertThat(fromJournal.stateHash()).isEqualTo(live.stateHash());
        assertThat(fromSnapshot.transactionCount()).isEqualTo(live.transactionCount());
    }

    @Test
    void shouldIgnoreASnapshotWhoseMarkerNeverReachedTheJournal()
    {
        final JournalConfig journal = JournalConfig.in(dataDir);
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, journal, snapshots, 50_000, new Marker(30_000, 1, false));

        final SwitchEngine recovered = engine();
        final Recovery.Result result = Recovery.recover(journal, snapshots, new CommandExecutor(recovered));

        assertThat(snapshots.ids()).containsExactly(1L);
        assertThat(result.snapshotId()).isEqualTo(JournalReplayer.NO_SNAPSHOT);
        assertThat(result.lastSnapshotId()).isEqualTo(1);
        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
    }

    @Test
    void shouldFallBackToTheNewestSnapshotWhoseMarkerIsInTheJournal()
    {
        final JournalConfig journal = JournalConfig.in(dataDir);
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, journal, snapshots, 60_000, new Marker(20_000, 1, true), new Marker(40_000, 2, false));

        final SwitchEngine recovered = engine();
        final Recovery.Result result = Recovery.recover(journal, snapshots, new CommandExecutor(recovered));

        assertThat(snapshots.ids()).containsExactly(2L, 1L);
        assertThat(result.snapshotId()).isEqualTo(1);
        assertThat(result.lastSnapshotId()).as("the next snapshot must not reuse id 2").isEqualTo(2);
        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
    }

    @Test
    void shouldRestoreASnapshotIntoAnEngineThatAnswersLikeTheOriginal()
    {
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        final SwitchEngine original = engine();
        final RandomWorkload workload = new RandomWorkload(99);
        final SwitchCommand command = new SwitchCommand();
        for (int i = 0; i < 100_000; i++)
        {
            workload.next(command);
            original.execute(command);
        }
        snapshots.write(original, 7);
        final SwitchEngine restored = engine();
        snapshots.read(7, restored);

        final RandomWorkload more = new RandomWorkload(100);
        for (int i = 0; i < 3_000; i++)
        {
            more.next(command);
        }
        for (int i = 0; i < 50_000; i++)
        {
            more.next(command);
            original.execute(command);
            restored.execute(command);
        }
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
    }

    /** A snapshot taken before command number {@code at}, its marker journaled or lost. */
    private record Marker(int at, long id, boolean journaled)
    {
    }

    private static void run(
        final SwitchEngine engine, final JournalConfig journal, final SnapshotStore snapshots, final int commands,
        final Marker... markers)
    {
        final RandomWorkload workload = new RandomWorkload(2026);
        final SwitchCommand command = new SwitchCommand();
        try (SnapshotWriter background = SnapshotWriter.background(snapshots);
            JournalWriter writer = new JournalWriter(journal))
        {
            final CommandExecutor executor = new CommandExecutor(engine, background);
            for (int i = 0; i < commands; i++)
            {
                for (final Marker marker : markers)
                {
                    if (i == marker.at())
                    {
                        command.reset();
                        command.type = CommandType.TAKE_SNAPSHOT;
                        command.timestamp = engine.eventTime();
                        command.amount = marker.id();
                        executor.execute(command);
                        if (marker.journaled())
                        {
                            writer.append(command);
                        }
                    }
                }
                workload.next(command);
                executor.execute(command);
                writer.append(command);
            }
        }
    }

    private static SwitchEngine engine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(4096, COMMANDS));
    }
}
