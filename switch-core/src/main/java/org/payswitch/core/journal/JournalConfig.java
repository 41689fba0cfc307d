package org.payswitch.core.journal;

import java.nio.file.Path;

/**
 * Where the journal lives and how hard it tries to be durable.
 *
 * @param directory   the Chronicle Queue folder (one file per day: the daily roll cycle)
 * @param syncToDisk  false (default): an entry is in the memory-mapped file before its answer
 *                    leaves, so it survives kill -9 of the process (the kernel writes it out);
 *                    true: every entry is also forced to disk (msync) before its answer leaves,
 *                    so it survives a power cut too, at a cost measured in docs/journal.md
 */
public record JournalConfig(Path directory, boolean syncToDisk)
{
    /** The journal in {@code dataDirectory/journal}, not forced to disk. */
    public static JournalConfig in(final Path dataDirectory)
    {
        return new JournalConfig(dataDirectory.resolve("journal"), false);
    }
}
