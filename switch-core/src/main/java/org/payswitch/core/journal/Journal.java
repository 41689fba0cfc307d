package org.payswitch.core.journal;

import org.payswitch.core.engine.SwitchCommand;

/**
 * What the pipeline's journal stage writes to: a command's request and decision appended, and
 * what was appended forced to disk when {@code journal-sync} is on. {@link JournalWriter} is the
 * journal; the interface lets a test put a failing device (an append that throws, an msync that
 * fails) in its place to prove the switch's fail-stop. Used by one thread.
 */
public interface Journal extends AutoCloseable
{
    /**
     * Appends the command's request and decision; throws when it cannot: a full disk fails the
     * space claim with an {@code UncheckedIOException}, or a store into the mapped file with an
     * {@code InternalError}.
     */
    void append(SwitchCommand command);

    /** Forces what was appended to disk when configured to; a no-op otherwise. */
    void syncIfConfigured();

    /** True when {@link #syncIfConfigured} forces to disk ({@code journal-sync}): answers then wait for it. */
    boolean syncsToDisk();

    /** The Chronicle index of the last record appended, -1 before any. */
    long lastIndex();

    /** Records appended. */
    long records();

    @Override
    void close();
}
