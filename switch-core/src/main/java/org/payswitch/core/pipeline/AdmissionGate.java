package org.payswitch.core.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;

import org.agrona.concurrent.NanoClock;

/**
 * Admits into the ring only what the single writer can decide within the admitted wait: past
 * capacity a request is refused on the I/O thread that read it (91, no slot, no work for the
 * writer) instead of being queued and shed later. Without it the whole ring (65 536 slots, up to
 * 0.7 s of work) fills up, and the writer spends its time refusing requests that waited too long
 * while the ones behind them wait again (docs/pipeline.md, "Past capacity, refuse rather than queue").
 *
 * <p>The writer measures its own service time: at the end of each batch it adds the batch's
 * events and busy nanoseconds (from the batch's start to its end, idle time excluded) to a window,
 * and once the window holds {@value #WINDOW_EVENTS} events or {@value #WINDOW_NANOS} ns of work,
 * it sets the limit to {@code admittedWaitNanos / (busy / events)} slots, at least
 * {@value #MIN_LIMIT} (a pause inside one window must not starve a normal peak) and at most the
 * ring. After each batch it publishes the sequence below which a publisher may claim: the last
 * sequence it decided plus the limit. A publisher compares the ring's cursor with it: one volatile
 * read, written once a batch. Until the first window is full the whole ring is admitted.
 *
 * <p>Past the limit a request is still admitted while the oldest request waiting for the writer
 * arrived less than half the admitted wait ago ({@link #oldestIsFresh}). The limit is an estimate
 * from the writer's recent batches, and below capacity it is a pessimistic one: small batches
 * carry each batch's fixed costs, and on shared cores the busy time includes the writer's
 * preemption. A burst read at once (a peer, or the load generator beside the switch, sending what
 * fell due while it was descheduled) then filled the ring past it while the writer drained the
 * burst in a few tens of ms, and part of the burst was refused: 0.14-0.39 % of an open loop at
 * 200 000/s, 42 % of capacity. Only the age of what waits says that the writer is behind; past
 * capacity the oldest request ages beyond the patience within it, and the limit holds again.
 *
 * <p>The writer's side ({@link #batchEnded}) is single-threaded; {@link #admits} is for any thread.
 */
final class AdmissionGate
{
    /** The fewest slots admitted, whatever the estimate: a GC pause in one window must not refuse a normal peak. */
    static final int MIN_LIMIT = 4096;
    /** A window closes after this many events... */
    static final int WINDOW_EVENTS = 8192;
    /** ...or this much busy time (10 ms), whichever comes first. */
    static final long WINDOW_NANOS = 10_000_000L;

    /** No receive times known: past the limit nothing is admitted (a ring of no requests, tests). */
    private static final LongUnaryOperator NO_RECEIVE_TIMES = sequence -> 0L;

    private final long admittedWaitNanos;
    private final long patienceNanos;
    private final int ringSize;
    private final LongUnaryOperator receivedNanosOf;
    private final NanoClock clock;
    private final AtomicLong admitBelow = new AtomicLong(Long.MAX_VALUE);
    /** The first sequence the writer has not decided yet. */
    private final AtomicLong undecided = new AtomicLong();
    private long windowEvents;
    private long windowNanos;
    private volatile int limit;

    /**
     * @param admittedWaitNanos the longest a request should wait in the ring for the writer
     * @param ringSize          the ring's slots: the limit never exceeds it
     */
    AdmissionGate(final long admittedWaitNanos, final int ringSize)
    {
        this(admittedWaitNanos, ringSize, NO_RECEIVE_TIMES, System::nanoTime);
    }

    /**
     * @param admittedWaitNanos the longest a request should wait in the ring for the writer
     * @param ringSize          the ring's slots: the limit never exceeds it
     * @param receivedNanosOf   the receive time ({@link NanoClock} nanoseconds) of the request in a
     *                          sequence's slot, 0 when it is not a request; read from any thread
     * @param clock             the clock of those receive times
     */
    AdmissionGate(
        final long admittedWaitNanos, final int ringSize, final LongUnaryOperator receivedNanosOf, final NanoClock clock)
    {
        if (admittedWaitNanos <= 0)
        {
            throw new IllegalArgumentException("admittedWaitNanos: positive, was " + admittedWaitNanos);
        }
        this.admittedWaitNanos = admittedWaitNanos;
        this.patienceNanos = admittedWaitNanos / 2;
        this.ringSize = ringSize;
        this.receivedNanosOf = receivedNanosOf;
        this.clock = clock;
        this.limit = ringSize;
    }

    /**
     * Writer thread, after each batch: counts the batch into the window (closing it when full)
     * and moves the admission bound to {@code lastSequence + limit}.
     *
     * @param events       events in the batch
     * @param busyNanos    from the batch's start to its end
     * @param lastSequence the last sequence of the batch, now decided
     */
    void batchEnded(final long events, final long busyNanos, final long lastSequence)
    {
        windowEvents += events;
        windowNanos += Math.max(0, busyNanos);
        if (windowEvents >= WINDOW_EVENTS || windowNanos >= WINDOW_NANOS)
        {
            limit = limitFor(windowNanos, windowEvents);
            windowEvents = 0;
            windowNanos = 0;
        }
        undecided.lazySet(lastSequence + 1);
        admitBelow.lazySet(lastSequence + 1 + limit);
    }

    private int limitFor(final long busyNanos, final long events)
    {
        if (busyNanos <= 0)
        {
            return ringSize;
        }
        final double nanosPerEvent = (double)busyNanos / events;
        final double slots = admittedWaitNanos / nanosPerEvent;
        return (int)Math.max(Math.min(MIN_LIMIT, ringSize), Math.min(ringSize, slots));
    }

    /** True when a request claimed now (the ring's cursor is {@code cursor}) would be admitted. */
    boolean admits(final long cursor)
    {
        return cursor + 1 < admitBelow.get() || oldestIsFresh(cursor);
    }

    /**
     * True when the oldest request waiting for the writer was received less than half the
     * admitted wait ago. Its slot may be claimed and not yet filled, or hold one of the switch's
     * own commands (no receive time): then it counts as not fresh, and the limit decides.
     */
    private boolean oldestIsFresh(final long cursor)
    {
        final long oldest = undecided.get();
        if (oldest > cursor)
        {
            return true;
        }
        final long received = receivedNanosOf.applyAsLong(oldest);
        return received != 0 && clock.nanoTime() - received < patienceNanos;
    }

    /** The slots admitted ahead of the writer now (the ring's size until the first estimate). */
    int limit()
    {
        return limit;
    }
}
