package org.payswitch.core.snapshot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/**
 * A channel that passes everything written to it on to another and keeps the count and CRC-32C
 * of those bytes: the snapshot's header holds both for the bytes on disk (its sealed body), which
 * {@link SnapshotStore#problem} checks without any key. Closing it leaves the channel under it open.
 */
final class ChecksummedChannel implements WritableByteChannel
{
    private final WritableByteChannel out;
    private final CRC32C crc = new CRC32C();
    private long count;
    private boolean open = true;

    ChecksummedChannel(final WritableByteChannel out)
    {
        this.out = out;
    }

    @Override
    public int write(final ByteBuffer source) throws IOException
    {
        final int start = source.position();
        int written = 0;
        while (source.hasRemaining())
        {
            written += out.write(source);
        }
        crc.update(source.duplicate().position(start).limit(start + written));
        count += written;
        return written;
    }

    /** Counts {@code bytes} into the checksum without passing them on (nor counting their length). */
    void checksumOnly(final ByteBuffer bytes)
    {
        crc.update(bytes);
    }

    /** Bytes passed on. */
    long count()
    {
        return count;
    }

    /** CRC-32C of the bytes passed on. */
    long crc32c()
    {
        return crc.getValue();
    }

    @Override
    public boolean isOpen()
    {
        return open;
    }

    @Override
    public void close()
    {
        open = false;
    }
}
