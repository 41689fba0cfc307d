package org.payswitch.core.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReplayer;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.journal.Recovery;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRecoveryTest
{
    private static final int COMMANDS = 1_000_000;
    /** Magic, version, id, body length, CRC-32C: the snapshot file's header. */
    private static final int HEADER_BYTES = 8 + 4 + 8 + 8 + 8;

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldRecoverFromSnapshotPlusTailTheSameStateAsFromTheWholeJournal()
    {
        final JournalConfig journal = JournalConfig.in(dataDir);
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, journal, snapshots, COMMANDS, new Marker(600_000, 1, true));

        final SwitchEngine fromSnapshot = engine();
        final Recovery.Result result = Recovery.recover(journal, snapshots, new CommandExecutor(fromSnapshot, DemoData::load));
        final SwitchEngine fromJournal = engine();
        JournalReplayer.replay(journal, new CommandExecutor(fromJournal, DemoData::load));

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
        final Recovery.Result result = Recovery.recover(journal, snapshots, new CommandExecutor(recovered, DemoData::load));

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
        final Recovery.Result result = Recovery.recover(journal, snapshots, new CommandExecutor(recovered, DemoData::load));

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

    /** How a snapshot file gets damaged on disk. */
    enum Damage
    {
        FLIPPED_BODY_BYTE, FLIPPED_HEADER_BYTE, TRUNCATED, EMPTY;

        void to(final Path file, final SplittableRandom random) throws IOException
        {
            final long size = Files.size(file);
            switch (this)
            {
                case FLIPPED_BODY_BYTE -> flip(file, HEADER_BYTES + random.nextLong(size - HEADER_BYTES), random);
                case FLIPPED_HEADER_BYTE -> flip(file, random.nextLong(HEADER_BYTES), random);
                case TRUNCATED -> truncate(file, HEADER_BYTES + random.nextLong(size - HEADER_BYTES));
                case EMPTY -> truncate(file, 0);
            }
        }

        private static void flip(final Path file, final long position, final SplittableRandom random)
            throws IOException
        {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, position);
                one.put(0, (byte)(one.get(0) ^ (1 + random.nextInt(255)))).position(0);
                channel.write(one, position);
            }
        }

        private static void truncate(final Path file, final long length) throws IOException
        {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
            {
                channel.truncate(length);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void shouldFallBackToThePreviousSnapshotWhenTheNewestIsDamaged(final Damage damage) throws IOException
    {
        final JournalConfig journal = JournalConfig.in(dataDir);
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, journal, snapshots, 60_000, new Marker(20_000, 1, true), new Marker(40_000, 2, true));
        final Path newest = snapshots.file(2);
        damage.to(newest, new SplittableRandom(damage.ordinal()));

        final SwitchEngine recovered = engine();
        final List<LogRecord> warnings = warningsOf(() ->
            assertThat(Recovery.recover(journal, snapshots, new CommandExecutor(recovered, DemoData::load)).snapshotId()).isEqualTo(1));

        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
        assertThat(snapshots.ids()).containsExactly(1L);
        assertThat(dataDir.resolve("snapshots/snapshot-2.bin.damaged")).exists();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getMessage()).contains("snapshot file " + newest).contains("previous snapshot");
    }

    @Test
    void shouldReplayTheWholeJournalWhenEverySnapshotIsDamaged() throws IOException
    {
        final JournalConfig journal = JournalConfig.in(dataDir);
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, journal, snapshots, 60_000, new Marker(20_000, 1, true), new Marker(40_000, 2, true));
        Damage.TRUNCATED.to(snapshots.file(2), new SplittableRandom(2));
        Damage.FLIPPED_BODY_BYTE.to(snapshots.file(1), new SplittableRandom(1));

        final SwitchEngine recovered = engine();
        final Recovery.Result[] result = new Recovery.Result[1];
        final List<LogRecord> warnings = warningsOf(() ->
            result[0] = Recovery.recover(journal, snapshots, new CommandExecutor(recovered, DemoData::load)));

        assertThat(result[0].snapshotId()).isEqualTo(JournalReplayer.NO_SNAPSHOT);
        assertThat(result[0].lastSnapshotId()).as("the next snapshot must not reuse id 2").isEqualTo(2);
        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
        assertThat(warnings).hasSize(2);
        assertThat(snapshots.ids()).isEmpty();
    }

    @Test
    void shouldWriteSnapshotsOwnerOnly() throws IOException
    {
        final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots"));
        snapshots.write(engine(), 3);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshots.directory())))
            .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(snapshots.file(3))))
            .isEqualTo("rw-------");
    }

    private static List<LogRecord> warningsOf(final Runnable recovery)
    {
        final List<LogRecord> warnings = new ArrayList<>();
        final Handler handler = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                if (record.getLevel().intValue() >= Level.WARNING.intValue())
                {
                    warnings.add(record);
                }
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        final Logger logger = Logger.getLogger(Recovery.class.getName());
        logger.addHandler(handler);
        try
        {
            recovery.run();
        }
        finally
        {
            logger.removeHandler(handler);
        }
        return warnings;
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
            final CommandExecutor executor = new CommandExecutor(engine, DemoData::load, background::take);
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
