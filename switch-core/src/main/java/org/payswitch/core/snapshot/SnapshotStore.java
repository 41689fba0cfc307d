package org.payswitch.core.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.crypto.SealedStream;
import org.payswitch.core.state.SnapshotImage;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.OwnerOnly;

/**
 * Snapshot files in {@code <data-dir>/snapshots} (a 0700 folder of 0600 files):
 * {@code snapshot-<id>.bin}, written to a temporary file, forced to disk, renamed, and the folder
 * forced so the new name survives a power cut; a file with its final name is complete. Each starts
 * with a header readable without any key (magic, version, id, length and CRC-32C of the rest of the
 * file as on disk, magic and version included in the checksum); the rest is the plain body's length and CRC-32C, then the body sealed
 * ({@link SealedStream}, the snapshot's id as the stream's): card numbers and expiry dates are
 * never on disk in clear, and the damage check needs no key. A
 * restore checks the chunks' tags and the plain length and checksum. Version 3 files (the body in
 * clear, no plain fields) are still read. Taking a snapshot is two steps so the ring waits only for the
 * first: {@link #capture} serializes the engine into a {@link SnapshotImage} in memory (on the
 * business thread), {@link #persist} checksums and writes it (on any thread). {@link #problem}
 * checks a file whole before recovery trusts it, and {@link #setAside} moves a damaged one out of
 * the way.
 */
public final class SnapshotStore
{
    private static final long MAGIC = 0x50535753_4E415031L;
    private static final int VERSION = 4;
    private static final int VERSION_IN_CLEAR = 3;
    private static final int HEADER = 8 + 4 + 8 + 8 + 8;
    private static final int PLAIN_FIELDS = 8 + 8;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final String DAMAGED_SUFFIX = ".damaged";
    private static final int CHECK_CHUNK = 1 << 20;

    private final Path directory;
    private final CardKeys keys;
    private DataKeyRing writingRing;

    /** The snapshots in {@code directory} under the demo card keys of the data folder holding it. */
    public SnapshotStore(final Path directory)
    {
        this(directory, CardKeys.demo(directory.toAbsolutePath().getParent()));
    }

    /** The snapshots in {@code directory}, their bodies sealed under {@code keys}. */
    public SnapshotStore(final Path directory, final CardKeys keys)
    {
        this.directory = directory;
        this.keys = keys;
    }

    /** The snapshots in {@code directory}, sealed under {@code ring}'s data key for this run, opened with {@code keys}. */
    public SnapshotStore(final Path directory, final CardKeys keys, final DataKeyRing ring)
    {
        this(directory, keys);
        this.writingRing = ring;
    }

    /** The folder of the snapshot files. */
    public Path directory()
    {
        return directory;
    }

    /** Writes the engine's state as snapshot {@code id} now, capture and persist in the calling thread; returns the file. */
    public Path write(final Snapshottable engine, final long id)
    {
        try (SnapshotImage image = new SnapshotImage())
        {
            capture(engine, id, image);
            return persist(image);
        }
    }

    /**
     * Serializes the engine's state into {@code image} as snapshot {@code id}: memory copies of
     * its columns, no I/O. Must run on the thread that owns the engine.
     */
    public static void capture(final Snapshottable engine, final long id, final SnapshotImage image)
    {
        image.reset(id);
        engine.writeSnapshot(new SnapshotOutput(image));
    }

    /** Seals the captured image and writes it as its snapshot's file, with its checksums; returns the file. */
    public Path persist(final SnapshotImage image)
    {
        final long id = image.id();
        try
        {
            OwnerOnly.folder(directory);
            final Path target = file(id);
            final Path temporary = directory.resolve(PREFIX + id + TEMPORARY_SUFFIX);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                OwnerOnly.file(temporary);
                channel.position(HEADER);
                final ChecksummedChannel body = new ChecksummedChannel(channel);
                body.checksumOnly(versionPrefix(VERSION));
                body.write(ByteBuffer.allocate(PLAIN_FIELDS).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(image.length()).putLong(image.crc32c()).flip());
                try (WritableByteChannel sealing = SealedStream.sealing(body, ring(), id))
                {
                    image.writeTo(sealing);
                }
                final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(MAGIC).putInt(VERSION).putLong(id).putLong(body.count()).putLong(body.crc32c()).flip();
                long at = 0;
                while (header.hasRemaining())
                {
                    at += channel.write(header, at);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnly.force(directory);
            return target;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write snapshot " + id + " in " + directory, e);
        }
    }

    /**
     * Replaces the engine's state with snapshot {@code id}. The body's chunks must verify under
     * the data keys, and its plain length and CRC-32C match the header, else the snapshot is
     * refused (the engine must then be discarded).
     */
    public void read(final long id, final Snapshottable engine)
    {
        try (FileChannel channel = FileChannel.open(file(id), StandardOpenOption.READ))
        {
            final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, header);
            header.flip();
            final int version = header.remaining() < HEADER || header.getLong() != MAGIC ? 0 : header.getInt();
            if ((version != VERSION && version != VERSION_IN_CLEAR) || header.getLong() != id)
            {
                throw new IllegalStateException("snapshot " + id + ": not a version " + VERSION_IN_CLEAR + " or " +
                    VERSION + " snapshot");
            }
            long length = header.getLong();
            long crc = header.getLong();
            final SnapshotInput in;
            if (version == VERSION)
            {
                final ByteBuffer plain = ByteBuffer.allocate(PLAIN_FIELDS).order(ByteOrder.LITTLE_ENDIAN);
                readFully(channel, plain);
                length = plain.flip().getLong();
                crc = plain.getLong();
                in = new SnapshotInput(SealedStream.opening(channel, keys.openForReading(), id));
            }
            else
            {
                in = new SnapshotInput(channel);
            }
            try
            {
                engine.readSnapshot(in);
                if (in.finish() != length || in.crc32c() != crc)
                {
                    throw new IllegalStateException("snapshot " + id + ": length or checksum differs from its header");
                }
            }
            catch (final UncheckedIOException e)
            {
                if (version == VERSION)
                {
                    throw new IllegalStateException("snapshot " + id + ": its sealed body fails its checksum (a GCM " +
                        "tag) or ends early: " + e.getCause().getMessage(), e);
                }
                throw e;
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read snapshot " + id + " in " + directory, e);
        }
    }

    /**
     * Magic and version, which a version 4 checksum covers before the rest of the file: a version
     * byte damaged into another version fails the check instead of being read the other way.
     */
    private static ByteBuffer versionPrefix(final int version)
    {
        return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(MAGIC).putInt(version).flip();
    }

    /** The ring this store seals with: given, or opened for writing (a new data key) on first use. */
    private synchronized DataKeyRing ring()
    {
        if (writingRing == null)
        {
            writingRing = keys.openForWriting();
        }
        return writingRing;
    }

    /**
     * What is wrong with snapshot {@code id}'s file, or null when it is whole: the header (magic,
     * version, id), the body's length and its CRC-32C are checked by reading the file once, before
     * any of it is interpreted, so a damaged file never reaches an engine. A file that cannot be
     * read at all is a problem too.
     */
    public String problem(final long id)
    {
        try (FileChannel channel = FileChannel.open(file(id), StandardOpenOption.READ))
        {
            final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, header);
            header.flip();
            final int version = header.remaining() < HEADER || header.getLong() != MAGIC ? 0 : header.getInt();
            if ((version != VERSION && version != VERSION_IN_CLEAR) || header.getLong() != id)
            {
                return "is not a whole version " + VERSION_IN_CLEAR + " or " + VERSION + " snapshot header";
            }
            final long length = header.getLong();
            final long crc = header.getLong();
            if (channel.size() - HEADER != length)
            {
                return "holds " + (channel.size() - HEADER) + " bytes after its header, which says " + length;
            }
            final CRC32C body = new CRC32C();
            if (version == VERSION)
            {
                body.update(versionPrefix(VERSION));
            }
            final ByteBuffer chunk = ByteBuffer.allocateDirect(CHECK_CHUNK);
            while (channel.read(chunk.clear()) > 0)
            {
                body.update(chunk.flip());
            }
            return body.getValue() == crc ? null : "fails its CRC-32C checksum";
        }
        catch (final IOException e)
        {
            return "cannot be read (" + e + ")";
        }
    }

    /**
     * Renames snapshot {@code id}'s file to {@code snapshot-<id>.bin.damaged}, kept for whoever
     * looks into it and no longer among {@link #ids()}; returns the new name.
     */
    public Path setAside(final long id)
    {
        final Path damaged = directory.resolve(PREFIX + id + SUFFIX + DAMAGED_SUFFIX);
        try
        {
            Files.move(file(id), damaged, StandardCopyOption.REPLACE_EXISTING);
            return damaged;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot move " + file(id) + " aside", e);
        }
    }

    /** The file of snapshot {@code id}. */
    public Path file(final long id)
    {
        return directory.resolve(PREFIX + id + SUFFIX);
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

    /**
     * Deletes the temporary files of snapshots whose write never finished (the process died
     * while writing); returns how many. Called at start, before anything writes.
     */
    public int deleteUnfinished()
    {
        if (!Files.isDirectory(directory))
        {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(directory))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                final String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(TEMPORARY_SUFFIX) && Files.deleteIfExists(file))
                {
                    deleted++;
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot clean " + directory, e);
        }
        return deleted;
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

    private static void readFully(final FileChannel channel, final ByteBuffer buffer) throws IOException
    {
        while (buffer.hasRemaining())
        {
            if (channel.read(buffer) < 0)
            {
                return;
            }
        }
    }
}
