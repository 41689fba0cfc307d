package org.payswitch.core.pipeline;

import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.Journal;
import org.payswitch.core.journal.JournalWriter;

/**
 * A real journal made to fail as a device does: from append number {@code failAppendAt} on every
 * append throws {@code InternalError} (what a full disk under a mapped file raises), from sync
 * number {@code failSyncAt} on every sync throws. Counts the calls, and remembers the index of the
 * last record a successful sync covered. Journal stage thread only, except the volatile figures.
 */
final class FailingJournal implements Journal
{
    static final long NEVER = Long.MAX_VALUE;

    private final JournalWriter real;
    private final long failAppendAt;
    private final long failSyncAt;
    volatile long appendCalls;
    volatile long syncCalls;
    volatile long syncedIndex = -1;

    FailingJournal(final JournalWriter real, final long failAppendAt, final long failSyncAt)
    {
        this.real = real;
        this.failAppendAt = failAppendAt;
        this.failSyncAt = failSyncAt;
    }

    @Override
    public void append(final SwitchCommand command)
    {
        appendCalls++;
        if (appendCalls >= failAppendAt)
        {
            throw new InternalError("injected: a fault occurred in a recent unsafe memory access operation");
        }
        real.append(command);
    }

    @Override
    public void syncIfConfigured()
    {
        syncCalls++;
        if (syncCalls >= failSyncAt)
        {
            throw new InternalError("injected: msync failed");
        }
        real.syncIfConfigured();
        syncedIndex = real.lastIndex();
    }

    @Override
    public boolean syncsToDisk()
    {
        return real.syncsToDisk();
    }

    @Override
    public long lastIndex()
    {
        return real.lastIndex();
    }

    @Override
    public long records()
    {
        return real.records();
    }

    @Override
    public void close()
    {
        real.close();
    }
}
