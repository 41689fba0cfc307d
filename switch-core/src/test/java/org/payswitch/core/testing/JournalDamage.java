package org.payswitch.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Damages a journal on disk the way a bad sector or a stray write would: finds a record by bytes
 * it holds (an order id) in the daily queue file and changes bytes at an offset from there.
 */
public final class JournalDamage
{
    private JournalDamage()
    {
    }

    /** The daily queue file of the journal folder (the tests write within one day). */
    public static Path queueFile(final Path journal)
    {
        try (Stream<Path> files = Files.list(journal))
        {
            return files.filter(f -> f.getFileName().toString().endsWith("L.cq4")).findFirst().orElseThrow();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Position in {@code file} of the first occurrence of {@code text} (ASCII), -1 when absent. */
    public static long find(final Path file, final String text)
    {
        final byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            for (int i = 0; i + wanted.length <= map.limit(); i++)
            {
                int matched = 0;
                while (matched < wanted.length && map.get(i + matched) == wanted[matched])
                {
                    matched++;
                }
                if (matched == wanted.length)
                {
                    return i;
                }
            }
            return -1;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** XORs the byte at {@code position} of {@code file} with {@code mask} (non-zero); doing it again restores it. */
    public static void flip(final Path file, final long position, final int mask)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte)(one.get(0) ^ mask)).position(0);
            channel.write(one, position);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
