package org.payswitch.core.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Reads what {@link SnapshotOutput} wrote, in the same order. Not thread-safe. */
public final class SnapshotInput
{
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    SnapshotInput(final FileChannel channel)
    {
        this.channel = channel;
        buffer.limit(0);
    }

    public int readByte()
    {
        need(1);
        return buffer.get();
    }

    public boolean readBoolean()
    {
        return readByte() != 0;
    }

    public int readInt()
    {
        need(4);
        return buffer.getInt();
    }

    public long readLong()
    {
        need(8);
        return buffer.getLong();
    }

    public String readString()
    {
        final int length = readInt();
        if (length < 0)
        {
            return null;
        }
        final byte[] bytes = new byte[length];
        readBytes(bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public void readBytes(final byte[] values, final int offset, final int count)
    {
        int done = 0;
        while (done < count)
        {
            need(1);
            final int n = Math.min(count - done, buffer.remaining());
            buffer.get(values, offset + done, n);
            done += n;
        }
    }

    public void readShorts(final short[] values, final int count)
    {
        int done = 0;
        while (done < count)
        {
            need(2);
            final int n = Math.min(count - done, buffer.remaining() / 2);
            buffer.asShortBuffer().get(values, done, n);
            buffer.position(buffer.position() + n * 2);
            done += n;
        }
    }

    public void readInts(final int[] values, final int count)
    {
        int done = 0;
        while (done < count)
        {
            need(4);
            final int n = Math.min(count - done, buffer.remaining() / 4);
            buffer.asIntBuffer().get(values, done, n);
            buffer.position(buffer.position() + n * 4);
            done += n;
        }
    }

    public void readLongs(final long[] values, final int count)
    {
        int done = 0;
        while (done < count)
        {
            need(8);
            final int n = Math.min(count - done, buffer.remaining() / 8);
            buffer.asLongBuffer().get(values, done, n);
            buffer.position(buffer.position() + n * 8);
            done += n;
        }
    }

    private void need(final int bytes)
    {
        if (buffer.remaining() >= bytes)
        {
            return;
        }
        buffer.compact();
        try
        {
            while (buffer.position() < bytes)
            {
                if (channel.read(buffer) < 0)
                {
                    throw new UncheckedIOException(new EOFException("snapshot ends early"));
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        buffer.flip();
    }
}
