package org.payswitch.core.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;


/**
 * Writes a snapshot's values into a {@link SnapshotImage}, columns of primitives in bulk (a
 * {@code long[]} goes through a {@code LongBuffer} view: one memory copy, not value by value).
 * Little-endian. Not thread-safe.
 */
public final class SnapshotOutput
{
    private final SnapshotImage image;
    private ByteBuffer buffer;

    public SnapshotOutput(final SnapshotImage image)
    {
        this.image = image;
        this.buffer = image.nextChunk();
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

    private void room(final int bytes)
    {
        if (buffer.remaining() < bytes)
        {
            buffer = image.nextChunk();
        }
    }
}
