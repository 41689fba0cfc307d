package org.payswitch.core.pipeline;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * Spins, then yields, then parks until a publisher signals: near busy-spin latency under load,
 * next to nothing when idle. The Disruptor's {@code SleepingWaitStrategy} never stops waking
 * (every ~100 µs, so an idle switch burnt half a core in three stages); its blocking strategies
 * take a lock on every publish. Here a publisher pays one volatile read per publish
 * ({@link #signalAllWhenBlocking}) and unparks only when a stage is actually parked.
 *
 * <p>No lost wake-up: a stage counts itself parked (a full fence) before it checks the sequence
 * one last time, and a publisher reads that count after it advanced the cursor (a CAS, also a
 * full fence), so at least one of them sees the other. A parked stage also wakes on its own
 * after {@link #MAX_PARK_NANOS} (and parks again at once if there is still nothing: an idle
 * stage costs a wake-up every 10 ms, nothing more), so a stage waiting on another stage (not on the publishers, in
 * the staged layout) is never held longer than that; it is woken by the publishers' signal too,
 * and then spins while the stage before it works.
 */
public final class ParkingWaitStrategy implements WaitStrategy
{
    /** How long a stage spins before it starts yielding: longer than the gaps inside a burst. */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(20);
    /** How long a stage waits (spinning, then yielding) before it parks. */
    static final long WAIT_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** Spins between two readings of the clock. */
    private static final int SPINS_PER_CLOCK_READ = 64;
    /** The longest a parked stage sleeps without a signal. */
    static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final AtomicInteger parked = new AtomicInteger();
    private final CopyOnWriteArrayList<Thread> waiters = new CopyOnWriteArrayList<>();
    private final long maxParkNanos;

    /** Parks at most {@link #MAX_PARK_NANOS} at a time. */
    public ParkingWaitStrategy()
    {
        this(MAX_PARK_NANOS);
    }

    /** Parks at most {@code maxParkNanos} at a time (a test makes it long to prove the signal wakes). */
    ParkingWaitStrategy(final long maxParkNanos)
    {
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException
    {
        long available;
        long started = 0;
        int spins = 0;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            if (++spins < SPINS_PER_CLOCK_READ)
            {
                Thread.onSpinWait();
                continue;
            }
            spins = 0;
            final long now = System.nanoTime();
            if (started == 0)
            {
                started = now;
            }
            final long waited = now - started;
            if (waited < SPIN_NANOS)
            {
                Thread.onSpinWait();
            }
            else if (waited < WAIT_NANOS)
            {
                Thread.yield();
            }
            else
            {
                park(sequence, dependentSequence);
            }
        }
        return available;
    }

    private void park(final long sequence, final Sequence dependentSequence)
    {
        final Thread self = Thread.currentThread();
        if (!waiters.contains(self))
        {
            waiters.add(self);
        }
        parked.incrementAndGet();
        try
        {
            if (dependentSequence.get() < sequence)
            {
                LockSupport.parkNanos(this, maxParkNanos);
            }
        }
        finally
        {
            parked.decrementAndGet();
        }
    }

    /** Stages parked right now. */
    int parkedStages()
    {
        return parked.get();
    }

    @Override
    public void signalAllWhenBlocking()
    {
        if (parked.get() > 0)
        {
            for (final Thread waiter : waiters)
            {
                LockSupport.unpark(waiter);
            }
        }
    }
}
