package org.payswitch.core.state;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Reads what {@link SnapshotOutput} wrote, in the same order, from a file channel; keeps a
 * CRC-32C and a count of every byte read (plain bytes, after any decryption) so the store can check
 * them against the file's header.
 * Not thread-safe.
 */
public final class SnapshotInput
{
    private static final int BUFFER = 1 << 20;

    private final ReadableByteChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long bytesRead;

    public SnapshotInput(final ReadableByteChannel channel)
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
                if (fill() < 0)
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

    /**
     * Reads whatever is left to the end of the file (nothing, for a sound snapshot) into the
     * checksum; returns the bytes read in all after the header.
     */
    public long finish()
    {
        try
        {
            buffer.clear();
            while (fill() >= 0)
            {
                buffer.clear();
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        buffer.limit(0);
        return bytesRead;
    }

    /** CRC-32C of every byte read so far. */
    public long crc32c()
    {
        return crc.getValue();
    }

    private int fill() throws IOException
    {
        final int start = buffer.position();
        final int read = channel.read(buffer);
        if (read > 0)
        {
            crc.update(buffer.duplicate().position(start).limit(start + read));
            bytesRead += read;
        }
        return read;
    }
}
