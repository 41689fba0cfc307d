package org.payswitch.core.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * Writes a snapshot's values to a file channel through one direct buffer, columns of primitives
 * in bulk (a {@code long[]} goes through a {@code LongBuffer} view, not value by value).
 * Little-endian. Not thread-safe.
 */
public final class SnapshotOutput
{
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    SnapshotOutput(final FileChannel channel)
    {
        this.channel = channel;
    }

    public void writeByte(final int value)
    {
        room(1);
        buffer.put((byte)value);
    }

    public void writeBoolean(final boolean value)
    {
        writeByte(value ? 1 : 0);
    }

    public void writeInt(final int value)
    {
        room(4);
        buffer.putInt(value);
    }

    public void writeLong(final long value)
    {
        room(8);
        buffer.putLong(value);
    }

    /** A string as its UTF-8 length and bytes; null as -1. */
    public void writeString(final String value)
    {
        if (value == null)
        {
            writeInt(-1);
            return;
        }
        final byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        writeBytes(bytes, 0, bytes.length);
    }

    public void writeBytes(final byte[] values, final int offset, final int count)
    {
        int done = 0;
        while (done < count)
        {
            room(1);
            final int n = Math.min(count - done, buffer.remaining());
            buffer.put(values, offset + done, n);
            done += n;
        }
    }

    public void writeShorts(final short[] values, final int count)
    {
        int done = 0;
        while (done < count)
        {
            room(2);
            final int n = Math.min(count - done, buffer.remaining() / 2);
            buffer.asShortBuffer().put(values, done, n);
            buffer.position(buffer.position() + n * 2);
            done += n;
        }
    }

    public void writeInts(final int[] values, final int count)
    {
        int done = 0;
        while (done < count)
        {
            room(4);
            final int n = Math.min(count - done, buffer.remaining() / 4);
            buffer.asIntBuffer().put(values, done, n);
            buffer.position(buffer.position() + n * 4);
            done += n;
        }
    }

    public void writeLongs(final long[] values, final int count)
    {
        int done = 0;
        while (done < count)
        {
            room(8);
            final int n = Math.min(count - done, buffer.remaining() / 8);
            buffer.asLongBuffer().put(values, done, n);
            buffer.position(buffer.position() + n * 8);
            done += n;
        }
    }

    /** Writes out what is buffered. */
    void flush()
    {
        buffer.flip();
        try
        {
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    private void room(final int bytes)
    {
        if (buffer.remaining() < bytes)
        {
            flush();
        }
    }
}
