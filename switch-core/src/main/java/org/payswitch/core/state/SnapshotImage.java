package org.payswitch.core.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import org.agrona.BufferUtil;

/**
 * A snapshot's bytes in memory: the engine is serialized into it on the business thread (a
 * memory copy, the only part the ring waits for), then it is checksummed and written to its file
 * on another thread. Off-heap chunks of 4 MiB, kept from one snapshot to the next, and prepared
 * ahead by another thread ({@link #prepare}), so a capture neither allocates nor faults in fresh
 * pages: on this project's machine first-touching fresh memory costs ~2.7 s per GB, copying
 * into touched memory ~0.1 s per GB (docs/journal.md). The chunks in use are owned by one
 * thread at a time; only the spare queue is shared.
 */
public final class SnapshotImage implements AutoCloseable
{
    /** Bytes of one chunk of the image: the unit it grows by and the snapshot writer copies. */
    public static final int CHUNK = 4 << 20;

    private final long limit;
    private final List<ByteBuffer> chunks = new ArrayList<>();
    private final Queue<ByteBuffer> spares = new ConcurrentLinkedQueue<>();
    private final AtomicLong reserved = new AtomicLong();
    private int used;
    private long id = -1;

    /** An image limited only by the JVM's off-heap memory ({@code -XX:MaxDirectMemorySize}). */
    public SnapshotImage()
    {
        this(Long.MAX_VALUE);
    }

    /** An image that reserves at most {@code limit} bytes (tests use a small one). */
    public SnapshotImage(final long limit)
    {
        this.limit = limit;
    }

    /** Empties the image for snapshot {@code id}; the chunks stay allocated. */
    public void reset(final long snapshotId)
    {
        for (int i = 0; i < used; i++)
        {
            chunks.get(i).clear();
        }
        used = 0;
        id = snapshotId;
    }

    /** The next empty chunk: one kept from before, else a prepared spare, else a new one (slow). */
    ByteBuffer nextChunk()
    {
        if (used == chunks.size())
        {
            final ByteBuffer spare = spares.poll();
            chunks.add(spare != null ? spare : allocate());
        }
        return chunks.get(used++);
    }

    /**
     * Makes sure at least {@code bytes} are reserved, allocating (and so touching) the missing
     * chunks as spares in the calling thread, which should not be the business thread.
     */
    public void prepare(final long bytes)
    {
        while (reserved.get() < bytes)
        {
            spares.add(allocate());
        }
    }

    /**
     * A new chunk. Running out of off-heap memory is not the JVM's end here, only this
     * snapshot's: it becomes an {@link IllegalStateException} the business stage answers 96,
     * with nothing applied (a capture changes no state).
     */
    private ByteBuffer allocate()
    {
        if (reserved.get() + CHUNK > limit)
        {
            throw new IllegalStateException("snapshot image: limit of " + (limit >> 20) + " MB reached");
        }
        final ByteBuffer chunk;
        try
        {
            chunk = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        }
        catch (final OutOfMemoryError e)
        {
            throw new IllegalStateException("snapshot image: no off-heap memory for " + (reserved.get() >> 20) +
                " MB more; raise -XX:MaxDirectMemorySize to at least the engine's size (docs/operations.md)", e);
        }
        reserved.addAndGet(CHUNK);
        return chunk;
    }

    /** The id of the snapshot held. */
    public long id()
    {
        return id;
    }

    /** Bytes held. */
    public long length()
    {
        long length = 0;
        for (int i = 0; i < used; i++)
        {
            length += chunks.get(i).position();
        }
        return length;
    }

    /** Bytes reserved off-heap, chunks in use and spares (kept for the next snapshot). */
    public long reserved()
    {
        return reserved.get();
    }

    /** CRC-32C of the bytes held. */
    public long crc32c()
    {
        final CRC32C crc = new CRC32C();
        for (int i = 0; i < used; i++)
        {
            crc.update(chunks.get(i).duplicate().flip());
        }
        return crc.getValue();
    }

    /** Writes the bytes held to the channel's position. */
    public void writeTo(final WritableByteChannel channel) throws IOException
    {
        for (int i = 0; i < used; i++)
        {
            final ByteBuffer bytes = chunks.get(i).duplicate().flip();
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
        }
    }

    /** Frees the off-heap chunks now rather than at some later GC. */
    @Override
    public void close()
    {
        for (final ByteBuffer chunk : chunks)
        {
            BufferUtil.free(chunk);
        }
        chunks.clear();
        ByteBuffer spare;
        while ((spare = spares.poll()) != null)
        {
            BufferUtil.free(spare);
        }
        reserved.set(0);
        used = 0;
    }
}
