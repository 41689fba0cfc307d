package org.payswitch.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/**
 * Deletes daily journal files that recovery no longer needs: only cycles before the one holding
 * a snapshot marker recovery could start from, and only once they are older than the retention.
 */
public final class JournalRetention
{
    private static final DateTimeFormatter CYCLE_FILE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final System.Logger LOG = System.getLogger(JournalRetention.class.getName());

    private JournalRetention()
    {
    }

    /** The daily cycle (days since 1970-01-01, UTC) of a journal index. */
    public static int cycleOf(final long index)
    {
        return LargeRollCycles.LARGE_DAILY.toCycle(index);
    }

    /**
     * Deletes the journal files of cycles before {@code firstNeededCycle} and before
     * {@code todayCycle - retentionDays}; returns how many were deleted. A retention of 0 keeps all.
     */
    public static int deleteBefore(
        final JournalConfig config, final int firstNeededCycle, final int todayCycle, final int retentionDays)
    {
        if (retentionDays <= 0 || !Files.isDirectory(config.directory()))
        {
            return 0;
        }
        final int limit = Math.min(firstNeededCycle, todayCycle - retentionDays);
        int deleted = 0;
        try (Stream<Path> files = Files.list(config.directory()))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                final String name = file.getFileName().toString();
                if (name.length() == 13 && name.endsWith("L.cq4") && cycleOfFile(name) < limit)
                {
                    Files.deleteIfExists(file);
                    deleted++;
                    LOG.log(System.Logger.Level.INFO, "journal retention: deleted " + name);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    private static int cycleOfFile(final String name)
    {
        try
        {
            return (int)LocalDate.parse(name.substring(0, 8), CYCLE_FILE).toEpochDay();
        }
        catch (final DateTimeParseException e)
        {
            return Integer.MAX_VALUE;
        }
    }
}
