package org.payswitch.core.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.payswitch.core.engine.SwitchEngine;

/**
 * Snapshot files in {@code <data-dir>/snapshots}: {@code snapshot-<id>.bin}, written to a
 * temporary file, forced to disk and renamed, so a file with its final name is complete. Each
 * starts with a header (magic, version, id, state hash) and a restore checks the hash.
 */
public final class SnapshotStore
{
    private static final long MAGIC = 0x50535753_4E415031L;
    private static final int VERSION = 1;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";

    private final Path directory;

    public SnapshotStore(final Path directory)
    {
        this.directory = directory;
    }

    /** The folder of the snapshot files. */
    public Path directory()
    {
        return directory;
    }

    /** Writes the engine's state as snapshot {@code id}; returns the file. */
    public Path write(final SwitchEngine engine, final long id)
    {
        try
        {
            Files.createDirectories(directory);
            final Path target = file(id);
            final Path temporary = directory.resolve(PREFIX + id + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                final SnapshotOutput out = new SnapshotOutput(channel);
                out.writeLong(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(id);
                out.writeLong(engine.stateHash());
                engine.writeSnapshot(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write snapshot " + id + " in " + directory, e);
        }
    }

    /** Replaces the engine's state with snapshot {@code id}, checking its state hash. */
    public void read(final long id, final SwitchEngine engine)
    {
        try (FileChannel channel = FileChannel.open(file(id), StandardOpenOption.READ))
        {
            final SnapshotInput in = new SnapshotInput(channel);
            if (in.readLong() != MAGIC || in.readInt() != VERSION || in.readLong() != id)
            {
                throw new IllegalStateException("snapshot " + id + ": not a version " + VERSION + " snapshot");
            }
            final long hash = in.readLong();
            engine.readSnapshot(in);
            if (engine.stateHash() != hash)
            {
                throw new IllegalStateException("snapshot " + id + ": state hash differs after restore");
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read snapshot " + id + " in " + directory, e);
        }
    }

    /** Ids of the complete snapshots on disk, newest first. */
    public List<Long> ids()
    {
        final List<Long> ids = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return ids;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            files.map(f -> f.getFileName().toString())
                .filter(n -> n.startsWith(PREFIX) && n.endsWith(SUFFIX))
                .map(n -> n.substring(PREFIX.length(), n.length() - SUFFIX.length()))
                .filter(n -> n.matches("[0-9]+"))
                .map(Long::parseLong)
                .forEach(ids::add);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        ids.sort((a, b) -> Long.compare(b, a));
        return ids;
    }

    /** Deletes every snapshot older than the newest {@code keep}. */
    public void retain(final int keep)
    {
        final List<Long> ids = ids();
        for (int i = keep; i < ids.size(); i++)
        {
            try
            {
                Files.deleteIfExists(file(ids.get(i)));
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Path file(final long id)
    {
        return directory.resolve(PREFIX + id + SUFFIX);
    }
}
