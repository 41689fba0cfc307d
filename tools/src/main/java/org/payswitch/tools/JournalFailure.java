package org.payswitch.tools;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.payswitch.core.journal.JournalCorruptException;

/**
 * What {@code journal dump} and {@code journal tail} say when a read fails part way: one line on
 * stderr, no stack trace, and the exit status. A damaged record (the reader names its queue file
 * and index) and anything else the queue throws (a truncated or unreadable file) exit with 1,
 * after the records before it were printed. No message carries a full PAN: the dump never reads
 * one, and the reader's and Chronicle's messages name files and indexes only.
 */
final class JournalFailure
{
    /** Exit status of a journal that could not be read to its end. */
    static final int UNREADABLE = 1;
    /** Exit status of an option value that cannot be used, or of a folder that is not a journal. */
    static final int BAD_INPUT = 2;

    private JournalFailure()
    {
    }

    /** Prints the one line for {@code failure} as {@code command}, reading {@code directory}; returns the exit status. */
    static int report(final String command, final RuntimeException failure, final Path directory, final PrintWriter err)
    {
        if (failure instanceof JournalCorruptException)
        {
            err.println(command + ": " + failure.getMessage());
        }
        else
        {
            err.println(command + ": cannot read the journal in " + directory + ": " +
                failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
        }
        err.flush();
        return UNREADABLE;
    }
}
