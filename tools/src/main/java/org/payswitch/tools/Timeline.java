package org.payswitch.tools;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What happened in each second of a run, for the progress lines, the CSV and the report's charts:
 * requests sent, requests not sent (the in-flight bound was reached), answers by response code,
 * discounted answers and the discount they carried (and those with the hot campaign's), and the latency of that second's answers.
 * A request counts in the second it was written, an answer in the second it was read. Connections
 * record from their event loops (atomic adds on preallocated slots and a wait-free HdrHistogram
 * {@link Recorder}, no allocation); one thread, the run's driver, closes each second once it is
 * over with {@link #closeSecond}, which takes that second's latencies from the recorder.
 */
final class Timeline
{
    /** Latency of a second: these percentiles and the maximum, nanoseconds. */
    static final double[] PERCENTILES = {50, 99, 99.9};

    private static final long NANOS = 1_000_000_000L;
    private static final int SENT = 0;
    private static final int ANSWERED = 1;
    private static final int DISCOUNTED = 2;
    private static final int DISCOUNT_SUM = 3;
    private static final int NOT_SENT = 4;
    private static final int HOT = 5;
    private static final int CODES = 6;
    private static final int SLOTS = CODES + 100;
    private static final int STATS = PERCENTILES.length + 1;

    private final int seconds;
    private final AtomicLongArray counts;
    private final Recorder recorder;
    private final long maxLatencyNanos;
    private final long hotDiscount;
    private final long[] latency;
    private long startNanos;
    private Histogram interval;
    private int closed;

    /**
     * @param seconds         seconds kept; later events count in the last one
     * @param maxLatencyNanos the largest latency recorded (larger ones are recorded as this)
     * @param hotDiscount     the hot campaign's discount: answers with exactly this discount count as its
     *                        redemptions (no demo campaign grants it); 0 without a hot campaign
     */
    Timeline(final int seconds, final long maxLatencyNanos, final long hotDiscount)
    {
        this.hotDiscount = hotDiscount;
        this.seconds = seconds;
        this.counts = new AtomicLongArray(seconds * SLOTS);
        this.recorder = new Recorder(maxLatencyNanos, 3);
        this.maxLatencyNanos = maxLatencyNanos;
        this.latency = new long[seconds * STATS];
    }

    /** Sets second 0 to begin at {@code nanoTime}; before the connections are told to begin, which publishes it to them. */
    void start(final long nanoTime)
    {
        startNanos = nanoTime;
    }

    /** {@link System#nanoTime()} at the start of second 0. */
    long startNanos()
    {
        return startNanos;
    }

    /** One request written at {@code nowNanos}. */
    void sent(final long nowNanos)
    {
        counts.incrementAndGet(slot(nowNanos, SENT));
    }

    /** One request due at {@code nowNanos} that was not sent: the connection had its maximum in flight. */
    void notSent(final long nowNanos)
    {
        counts.incrementAndGet(slot(nowNanos, NOT_SENT));
    }

    /** One answer read at {@code nowNanos}, {@code latencyNanos} after its request was due, with a discount (0: none). */
    void answered(final long nowNanos, final long latencyNanos, final int code, final long discount)
    {
        final int base = slot(nowNanos, 0);
        counts.incrementAndGet(base + ANSWERED);
        if (code >= 0)
        {
            counts.incrementAndGet(base + CODES + code);
        }
        if (discount > 0)
        {
            counts.incrementAndGet(base + DISCOUNTED);
            counts.addAndGet(base + DISCOUNT_SUM, discount);
            if (discount == hotDiscount)
            {
                counts.incrementAndGet(base + HOT);
            }
        }
        if (latencyNanos >= 0)
        {
            recorder.recordValue(Math.min(latencyNanos, maxLatencyNanos));
        }
    }

    private int slot(final long nowNanos, final int field)
    {
        final long second = (nowNanos - startNanos) / NANOS;
        return (int)Math.max(0, Math.min(seconds - 1, second)) * SLOTS + field;
    }

    /** Ends second {@code second}: its answers' latencies from the recorder into the second's percentiles. */
    void closeSecond(final int second)
    {
        interval = recorder.getIntervalHistogram(interval);
        if (second < seconds)
        {
            final int base = second * STATS;
            for (int p = 0; p < PERCENTILES.length; p++)
            {
                latency[base + p] = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(PERCENTILES[p]);
            }
            latency[base + PERCENTILES.length] = interval.getMaxValue();
            closed = Math.max(closed, second + 1);
        }
    }

    /** Seconds closed so far: the ones the report shows. */
    int closedSeconds()
    {
        return closed;
    }

    long sent(final int second)
    {
        return counts.get(second * SLOTS + SENT);
    }

    long notSent(final int second)
    {
        return counts.get(second * SLOTS + NOT_SENT);
    }

    long answered(final int second)
    {
        return counts.get(second * SLOTS + ANSWERED);
    }

    long discounted(final int second)
    {
        return counts.get(second * SLOTS + DISCOUNTED);
    }

    /** Answers of the second that carried the hot campaign's discount. */
    long hotDiscounted(final int second)
    {
        return counts.get(second * SLOTS + HOT);
    }

    long discountSum(final int second)
    {
        return counts.get(second * SLOTS + DISCOUNT_SUM);
    }

    long answers(final int second, final int code)
    {
        return counts.get(second * SLOTS + CODES + code);
    }

    /** Percentile {@code PERCENTILES[p]} of the second's latency, nanoseconds (0 without answers). */
    long percentile(final int second, final int p)
    {
        return latency[second * STATS + p];
    }

    /** The second's largest latency, nanoseconds. */
    long max(final int second)
    {
        return latency[second * STATS + PERCENTILES.length];
    }

    /** The response codes answered at least once in the closed seconds, ascending. */
    int[] codesSeen()
    {
        int n = 0;
        final int[] seen = new int[100];
        for (int code = 0; code < 100; code++)
        {
            for (int s = 0; s < closed; s++)
            {
                if (answers(s, code) > 0)
                {
                    seen[n++] = code;
                    break;
                }
            }
        }
        return Arrays.copyOf(seen, n);
    }
}
