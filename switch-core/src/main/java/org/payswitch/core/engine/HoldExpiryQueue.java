package org.payswitch.core.engine;

import org.agrona.collections.IntArrayQueue;

/**
 * Open holds in the order they were placed. Event time only moves forward, so the oldest hold
 * is always the first to expire: expiring is a look at the head, amortised O(1) per hold,
 * with no scan. Holds captured or reversed meanwhile are dropped when they reach the head.
 */
public final class HoldExpiryQueue
{
    private final IntArrayQueue holds = new IntArrayQueue(1024, -1);

    /** Queues a new hold. */
    public void add(final int txn)
    {
        holds.offerInt(txn);
    }

    /** The oldest queued hold, or -1. */
    public int peek()
    {
        return holds.peekInt();
    }

    /** Removes the oldest queued hold. */
    public void poll()
    {
        holds.pollInt();
    }

    /** Forgets every queued hold, before a restore refills the queue. */
    public void clear()
    {
        holds.clear();
    }

    /** Number of queued holds (some may have been closed since). */
    public int size()
    {
        return holds.size();
    }
}
