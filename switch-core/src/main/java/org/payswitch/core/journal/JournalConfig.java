package org.payswitch.core.journal;

import java.nio.file.Path;

import org.payswitch.core.crypto.CardKeys;

/**
 * Where the journal lives, how hard it tries to be durable, and the keys of its card data.
 *
 * @param directory   the Chronicle Queue folder (one file per day: the daily roll cycle)
 * @param syncToDisk  false (default): an entry is in the memory-mapped file before its answer
 *                    leaves, so it survives kill -9 of the process (the kernel writes it out);
 *                    true: every entry is also forced to disk (msync) before its answer leaves,
 *                    so it survives a power cut too, at a cost measured in docs/journal.md
 * @param cardKeys    the keys that seal and open the card data of its records
 * @param readOnly    true: readers open the queue read-only (the tools, beside a live switch or
 *                    over a copy): no file in the folder is written, created or extended
 */
public record JournalConfig(Path directory, boolean syncToDisk, CardKeys cardKeys, boolean readOnly)
{
    /** The journal as the switch opens it: read and written. */
    public JournalConfig(final Path directory, final boolean syncToDisk, final CardKeys cardKeys)
    {
        this(directory, syncToDisk, cardKeys, false);
    }

    /**
     * The journal in {@code directory} under the demo card keys of the data folder holding it
     * (what a switch on loopback without {@code card-key-file} uses).
     */
    public JournalConfig(final Path directory, final boolean syncToDisk)
    {
        this(directory, syncToDisk, CardKeys.demo(directory.toAbsolutePath().getParent()));
    }

    /** The journal in {@code dataDirectory/journal}, not forced to disk, under the demo card keys. */
    public static JournalConfig in(final Path dataDirectory)
    {
        return new JournalConfig(dataDirectory.resolve("journal"), false, CardKeys.demo(dataDirectory));
    }

    /** The journal in {@code dataDirectory/journal}, not forced to disk, under {@code cardKeys}. */
    public static JournalConfig in(final Path dataDirectory, final CardKeys cardKeys)
    {
        return new JournalConfig(dataDirectory.resolve("journal"), false, cardKeys);
    }

    /** The same journal for readers that must change nothing in it (the operator tools). */
    public JournalConfig asReadOnly()
    {
        return new JournalConfig(directory, syncToDisk, cardKeys, true);
    }
}
