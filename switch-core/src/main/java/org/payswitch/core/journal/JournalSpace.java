package org.payswitch.core.journal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

import net.openhft.chronicle.queue.ExcerptAppender;

/**
 * Disk space for the journal, claimed ahead of the appender. Chronicle writes records into a
 * memory-mapped file; on a full disk a store into a page with no block behind it raises SIGBUS,
 * which the JVM turns into an {@code InternalError} thrown at a later point it does not promise:
 * measured on a full tmpfs, after the document had been closed, marking a half-written record
 * complete, and once in the reply stage. So before the appender's position comes within
 * {@link #MARGIN} of what has been claimed, the next {@link #CHUNK} is claimed by writing zeros
 * there through a {@link FileChannel} (the region is unwritten, so zeros are what the queue holds
 * there anyway): a full disk then fails that write with an {@link IOException}, at once, before
 * any record goes where no block is. Journal thread only.
 */
final class JournalSpace implements AutoCloseable
{
    /** Bytes claimed at a time: one write of zeros every ~1 500 authorization records. */
    static final int CHUNK = 1 << 18;
    /** Claimed bytes kept ahead of the position: more than a record (64 KiB) and an index array. */
    static final int MARGIN = 1 << 19;

    private final ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);
    private FileChannel channel;
    private int cycle = Integer.MIN_VALUE;
    private long claimedUpTo;

    /**
     * Makes sure the appender's current file has blocks behind it from {@code position} (where
     * the record about to be written starts) to {@link #MARGIN} beyond; throws
     * {@link UncheckedIOException} when the disk has no room.
     */
    void claim(final ExcerptAppender appender, final long position)
    {
        if (appender.cycle() == cycle && position + MARGIN <= claimedUpTo)
        {
            return;
        }
        try
        {
            if (appender.cycle() != cycle)
            {
                open(appender.currentFile(), appender.cycle(), position);
            }
            claimedUpTo = Math.max(claimedUpTo, position);
            while (claimedUpTo < position + MARGIN)
            {
                zeros.clear();
                while (zeros.hasRemaining())
                {
                    channel.write(zeros, claimedUpTo + zeros.position());
                }
                claimedUpTo += CHUNK;
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("no room for the journal in " + appender.currentFile() + " (" + e.getMessage() + ")", e);
        }
    }

    private void open(final File file, final int newCycle, final long position) throws IOException
    {
        close();
        channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE);
        cycle = newCycle;
        claimedUpTo = position;
    }

    @Override
    public void close()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException e)
            {
                throw new UncheckedIOException(e);
            }
            channel = null;
        }
    }
}
