package org.payswitch.tools;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * What a load run measured, summed over its connections: requests sent and answered, the answers
 * of the measured period by response code, their rate and latency.
 */
record LoadResult(
    long sent,
    long answered,
    long measured,
    long unmatched,
    long unreadable,
    long[] codes,
    Histogram latency,
    long measuredNanos,
    boolean drained)
{
    static LoadResult of(final List<LoadConnection<?>> connections, final long measuredNanos, final boolean drained)
    {
        long sent = 0;
        long answered = 0;
        long measured = 0;
        long unmatched = 0;
        long unreadable = 0;
        final long[] codes = new long[100];
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        for (final LoadConnection<?> connection : connections)
        {
            sent += connection.sent;
            answered += connection.answered;
            measured += connection.measured;
            unmatched += connection.unmatched;
            unreadable += connection.unreadable;
            for (int code = 0; code < codes.length; code++)
            {
                codes[code] += connection.codes[code];
            }
            latency.add(connection.latency);
        }
        return new LoadResult(sent, answered, measured, unmatched, unreadable, codes, latency, measuredNanos, drained);
    }

    /** Every request sent was answered, every answer was readable and matched one request. */
    boolean complete()
    {
        return drained && answered == sent && unmatched == 0 && unreadable == 0;
    }

    /** Answers per second in the measured period. */
    double answersPerSecond()
    {
        return measured / (measuredNanos / 1e9);
    }

    /** Answers of the measured period with response code {@code code}. */
    long answers(final int code)
    {
        return codes[code];
    }

    /** The report printed at the end of a run. */
    String report()
    {
        final StringBuilder text = new StringBuilder();
        text.append(String.format("sent %d, answered %d%s%n", sent, answered,
            complete() ? "" : String.format(" (INCOMPLETE: %d unanswered, %d unmatched, %d unreadable)",
                sent - answered, unmatched, unreadable)));
        text.append(String.format("measured %.1f s: %d answers, %.0f answers/s%n", measuredNanos / 1e9, measured,
            answersPerSecond()));
        text.append("by response code:");
        for (int code = 0; code < codes.length; code++)
        {
            if (codes[code] > 0)
            {
                text.append(String.format(" %02d=%d", code, codes[code]));
            }
        }
        text.append(System.lineSeparator());
        text.append(String.format("latency µs: p50 %.0f, p90 %.0f, p99 %.0f, p99.9 %.0f, max %.0f%n",
            micros(50), micros(90), micros(99), micros(99.9), latency.getMaxValue() / 1e3));
        return text.toString();
    }

    private double micros(final double percentile)
    {
        return latency.getValueAtPercentile(percentile) / 1e3;
    }
}
