package org.payswitch.tools;

/**
 * The open loop's timetable: when each request of a run is due, as an offset in nanoseconds from
 * the start of the run. The total rate climbs linearly from {@code fromRate} to {@code peakRate}
 * over {@code rampNanos} and then holds the peak (a constant rate when both are equal or the ramp
 * is 0), until {@code endNanos}. Request {@code k} is due when the cumulative count of the rate
 * reaches {@code k}, so the requests of a second add up to that second's rate. Connection
 * {@code c} of {@code n} sends the global requests {@code c, c + n, c + 2n, ...}, so the
 * connections interleave rather than fire together. Pure arithmetic, no state: shared by every
 * connection, no allocation per request.
 */
final class RateSchedule
{
    private static final double NANOS = 1e9;

    private final double fromRate;
    private final double peakRate;
    private final long rampNanos;
    private final long endNanos;
    private final double rampCount;

    /**
     * @param fromRate  requests/s at the start of the ramp, in total
     * @param peakRate  requests/s at the end of the ramp and after, in total (> 0)
     * @param rampNanos length of the ramp (0: the peak from the start)
     * @param endNanos  the schedule's end: no request is due at or after it
     */
    RateSchedule(final double fromRate, final double peakRate, final long rampNanos, final long endNanos)
    {
        if (peakRate <= 0 || fromRate < 0 || rampNanos < 0)
        {
            throw new IllegalArgumentException("rates must be > 0, the ramp >= 0");
        }
        this.fromRate = rampNanos == 0 ? peakRate : fromRate;
        this.peakRate = peakRate;
        this.rampNanos = rampNanos;
        this.endNanos = endNanos;
        this.rampCount = (this.fromRate + peakRate) / 2 * (rampNanos / NANOS);
    }

    /** A constant rate from the start to {@code endNanos}. */
    static RateSchedule constant(final double rate, final long endNanos)
    {
        return new RateSchedule(rate, rate, 0, endNanos);
    }

    /** The due time of global request {@code k} (0-based), nanoseconds from the start. */
    long dueNanos(final long k)
    {
        if (k < rampCount)
        {
            final double slope = (peakRate - fromRate) / (rampNanos / NANOS);
            if (Math.abs(slope) < 1e-9)
            {
                return (long)(k / fromRate * NANOS);
            }
            final double seconds = (-fromRate + Math.sqrt(fromRate * fromRate + 2 * slope * k)) / slope;
            return (long)(seconds * NANOS);
        }
        return rampNanos + (long)((k - rampCount) / peakRate * NANOS);
    }

    /** The due time of the {@code i}-th request (0-based) of connection {@code c} of {@code n}. */
    long dueNanos(final long i, final int c, final int n)
    {
        return dueNanos(i * n + c);
    }

    /** True when a request due at {@code dueNanos} is still part of the schedule. */
    boolean includes(final long dueNanos)
    {
        return dueNanos < endNanos;
    }

    /** Requests due in {@code [0, atNanos)}, in total: the integral of the rate. */
    double countBefore(final long atNanos)
    {
        final long t = Math.min(atNanos, endNanos);
        if (t <= rampNanos)
        {
            final double seconds = t / NANOS;
            final double slope = rampNanos == 0 ? 0 : (peakRate - fromRate) / (rampNanos / NANOS);
            return fromRate * seconds + slope * seconds * seconds / 2;
        }
        return rampCount + peakRate * ((t - rampNanos) / NANOS);
    }

    /** The total rate due at {@code atNanos}, requests/s. */
    double rateAt(final long atNanos)
    {
        if (atNanos >= endNanos)
        {
            return 0;
        }
        if (atNanos >= rampNanos)
        {
            return peakRate;
        }
        return fromRate + (peakRate - fromRate) * ((double)atNanos / rampNanos);
    }

    /** The schedule's end, nanoseconds from the start. */
    long endNanos()
    {
        return endNanos;
    }
}
