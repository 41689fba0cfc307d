package org.payswitch.core.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.state.SnapshotImage;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Snapshot files: captured in memory, written beside the ring, refused when damaged. */
class SnapshotStoreTest
{
    @TempDir(factory = DataFolderFactory.class)
    Path directory;

    @Test
    void shouldRestoreEachOfSeveralSnapshotsTakenThroughOneReusedImage()
    {
        final SnapshotStore store = new SnapshotStore(directory.resolve("snapshots"));
        final SwitchEngine live = engine();
        final RandomWorkload workload = new RandomWorkload(5);
        final long[] hashes = new long[4];
        try (SnapshotWriter writer = SnapshotWriter.background(store))
        {
            for (int id = 1; id <= 3; id++)
            {
                run(live, workload, 20_000 * id);
                hashes[id] = live.stateHash();
                writer.take(live, id);
            }
            assertThat(writer.awaitWrites(60_000)).isTrue();
        }

        assertThat(store.ids()).containsExactly(3L, 2L, 1L);
        for (int id = 1; id <= 3; id++)
        {
            final SwitchEngine restored = engine();
            store.read(id, restored);
            assertThat(restored.stateHash()).as("snapshot %d", id).isEqualTo(hashes[id]);
        }
    }

    @Test
    void shouldRefuseASnapshotWhoseBodyWasDamaged() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(directory.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, new RandomWorkload(6), 10_000);
        final Path file = store.write(live, 1);

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final long at = channel.size() - 100;
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.flip().put(0, (byte)(one.get(0) ^ 0x10));
            channel.write(one, at);
        }

        assertThatThrownBy(() -> store.read(1, engine()))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("checksum");
    }

    @Test
    void shouldRefuseATruncatedSnapshot() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(directory.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, new RandomWorkload(7), 10_000);
        final Path file = store.write(live, 1);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(channel.size() / 2);
        }

        assertThatThrownBy(() -> store.read(1, engine()))
            .isInstanceOfAny(IllegalStateException.class, UncheckedIOException.class);
    }

    @Test
    void shouldDeleteUnfinishedWritesButNoSnapshot() throws IOException
    {
        final SnapshotStore store = new SnapshotStore(directory.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, new RandomWorkload(8), 1_000);
        store.write(live, 1);
        Files.write(store.directory().resolve("snapshot-2.tmp"), new byte[] {1, 2, 3});

        assertThat(store.deleteUnfinished()).isEqualTo(1);
        assertThat(store.directory().resolve("snapshot-2.tmp")).doesNotExist();
        assertThat(store.ids()).containsExactly(1L);
    }

    @Test
    void shouldFailOnlyTheSnapshotWhenItsImageRunsOutOfMemory()
    {
        final SnapshotStore store = new SnapshotStore(directory.resolve("snapshots"));
        final SwitchEngine live = engine();
        run(live, new RandomWorkload(9), 60_000);
        final long hash = live.stateHash();

        try (SnapshotWriter small = SnapshotWriter.background(store, SnapshotImage.CHUNK / 2))
        {
            assertThatThrownBy(() -> small.take(live, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("limit");
            assertThat(small.awaitWrites(10_000)).isTrue();
        }

        assertThat(live.stateHash()).as("a capture changes nothing").isEqualTo(hash);
        assertThat(store.ids()).isEmpty();
        store.write(live, 2);
        final SwitchEngine restored = engine();
        store.read(2, restored);
        assertThat(restored.stateHash()).isEqualTo(hash);
    }

    private static void run(final SwitchEngine engine, final RandomWorkload workload, final int commands)
    {
        final SwitchCommand command = new SwitchCommand();
        for (int i = 0; i < commands; i++)
        {
            workload.next(command);
            engine.execute(command);
        }
    }

    private static SwitchEngine engine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(4096, 65_536));
    }
}
