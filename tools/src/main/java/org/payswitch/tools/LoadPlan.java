package org.payswitch.tools;

import java.util.function.LongSupplier;

/**
 * What every connection of a run shares: how many connections there are, how many requests each
 * may keep in flight, the schedule of an open loop (null: a closed loop, each answer sends the
 * next request), from when on a request of the open loop is measured (by its due time, as an
 * offset from the start), the run's {@link Timeline}, and the clock every connection reads
 * ({@link System#nanoTime()} in a run, a settable one in tests).
 *
 * @param connections      connections of the run
 * @param inFlight         closed loop: the window each connection keeps in flight; open loop: its safety bound
 * @param schedule         the open loop's schedule, null for a closed loop
 * @param measureFromNanos open loop: requests due at or after this offset are measured
 * @param timeline         the run's per-second record
 * @param clock            nanoseconds of a monotonic clock
 */
record LoadPlan(int connections, int inFlight, RateSchedule schedule, long measureFromNanos, Timeline timeline,
    LongSupplier clock)
{
    /** A plan on {@link System#nanoTime()}. */
    LoadPlan(final int connections, final int inFlight, final RateSchedule schedule, final long measureFromNanos,
        final Timeline timeline)
    {
        this(connections, inFlight, schedule, measureFromNanos, timeline, System::nanoTime);
    }

    /** The clock's time now, nanoseconds. */
    long now()
    {
        return clock.getAsLong();
    }

    /** True for an open loop (requests on a schedule), false for a closed loop (a window). */
    boolean openLoop()
    {
        return schedule != null;
    }
}
