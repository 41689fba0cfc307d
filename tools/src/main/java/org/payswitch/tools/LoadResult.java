package org.payswitch.tools;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * What a load run measured, summed over its connections: requests sent, not sent (the in-flight
 * bound of an open loop was reached) and answered, the answers of the measured period by response
 * code, how many of them carried a discount, their rate and latency: from each request's due time
 * ({@link #latency}, corrected for coordinated omission; in a closed loop the due time is the
 * write) and from its write ({@link #serviceTime}).
 */
record LoadResult(
    long sent,
    long notSent,
    long answered,
    long measured,
    long discounted,
    long unmatched,
    long unreadable,
    long[] codes,
    Histogram latency,
    Histogram serviceTime,
    long measuredNanos,
    boolean drained)
{
    static LoadResult of(final List<LoadConnection<?>> connections, final long measuredNanos, final boolean drained)
    {
        long sent = 0;
        long notSent = 0;
        long answered = 0;
        long measured = 0;
        long discounted = 0;
        long unmatched = 0;
        long unreadable = 0;
        final long[] codes = new long[100];
        final Histogram latency = new Histogram(LoadConnection.MAX_LATENCY_NANOS, 3);
        final Histogram serviceTime = new Histogram(LoadConnection.MAX_LATENCY_NANOS, 3);
        for (final LoadConnection<?> connection : connections)
        {
            sent += connection.sent;
            notSent += connection.notSent;
            answered += connection.answered;
            measured += connection.measured;
            discounted += connection.discounted;
            unmatched += connection.unmatched;
            unreadable += connection.unreadable;
            for (int code = 0; code < codes.length; code++)
            {
                codes[code] += connection.codes[code];
            }
            latency.add(connection.latency);
            serviceTime.add(connection.serviceTime);
        }
        return new LoadResult(sent, notSent, answered, measured, discounted, unmatched, unreadable, codes, latency,
            serviceTime, measuredNanos, drained);
    }

    /** Every request due was sent, every request sent was answered, every answer was readable and matched one request. */
    boolean complete()
    {
        return drained && answered == sent && notSent == 0 && unmatched == 0 && unreadable == 0;
    }

    /** Requests sent and never answered. */
    long unanswered()
    {
        return Math.max(0, sent - answered);
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
            complete() ? "" : String.format(" (INCOMPLETE: %d unanswered, %d not sent, %d unmatched, %d unreadable)",
                unanswered(), notSent, unmatched, unreadable)));
        text.append(String.format("measured %.1f s: %d answers, %.0f answers/s, %d discounted (%.1f %%)%n",
            measuredNanos / 1e9, measured, answersPerSecond(), discounted,
            measured == 0 ? 0.0 : 100.0 * discounted / measured));
        text.append("by response code:");
        for (int code = 0; code < codes.length; code++)
        {
            if (codes[code] > 0)
            {
                text.append(String.format(" %02d=%d", code, codes[code]));
            }
        }
        text.append(System.lineSeparator());
        text.append(line("latency µs", latency));
        return text.toString();
    }

    /** The report's latency line, plus the service time when it differs (an open loop). */
    String report(final boolean openLoop)
    {
        final String text = report();
        return openLoop ? text + line("service time µs (from the write, not corrected)", serviceTime) : text;
    }

    private static String line(final String title, final Histogram histogram)
    {
        return String.format("%s: p50 %.0f, p90 %.0f, p99 %.0f, p99.9 %.0f, max %.0f%n", title,
            micros(histogram, 50), micros(histogram, 90), micros(histogram, 99), micros(histogram, 99.9),
            histogram.getMaxValue() / 1e3);
    }

    private static double micros(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1e3;
    }
}
