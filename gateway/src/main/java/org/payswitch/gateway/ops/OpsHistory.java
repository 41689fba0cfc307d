package org.payswitch.gateway.ops;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@link #capacity()} samples, oldest first: what the operations page draws. Written by
 * the sampler, read by the HTTP I/O threads; each call holds the lock only to copy references.
 */
public final class OpsHistory
{
    /** Ten minutes of one sample a second. */
    public static final int DEFAULT_CAPACITY = 600;

    private final int capacity;
    private final ArrayDeque<OpsSample> samples;

    public OpsHistory(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity: at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.samples = new ArrayDeque<>(capacity);
    }

    /** Samples kept at most. */
    public int capacity()
    {
        return capacity;
    }

    /** Appends the newest sample, dropping the oldest once full. */
    public synchronized void add(final OpsSample sample)
    {
        if (samples.size() == capacity)
        {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    /** The samples numbered above {@code seq}, oldest first (all kept when {@code seq} is below them all). */
    public synchronized List<OpsSample> after(final long seq)
    {
        final List<OpsSample> newer = new ArrayList<>();
        for (final OpsSample sample : samples)
        {
            if (sample.seq() > seq)
            {
                newer.add(sample);
            }
        }
        return newer;
    }

    /** The newest sample, or null before the first. */
    public synchronized OpsSample newest()
    {
        return samples.peekLast();
    }
}
