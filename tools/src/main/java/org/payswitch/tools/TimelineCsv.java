package org.payswitch.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a run's {@link Timeline} as CSV, one row a second: the second, the requests due by the
 * schedule (open loop; empty for a closed loop), sent, not sent, answered, the answers by each
 * response code seen, the discounted answers, those with the hot campaign's discount, the discount in minor units, and that second's
 * latency percentiles in milliseconds. For spreadsheets and for comparing runs.
 */
final class TimelineCsv
{
    private static final long NANOS = 1_000_000_000L;

    private TimelineCsv()
    {
    }

    /** The CSV text; {@code schedule} null for a closed loop. */
    static String toText(final Timeline timeline, final RateSchedule schedule)
    {
        final int[] codes = timeline.codesSeen();
        final StringBuilder csv = new StringBuilder("second,due,sent,not_sent,answered");
        for (final int code : codes)
        {
            csv.append(String.format(",code_%02d", code));
        }
        csv.append(",discounted,hot_discounted,discount_minor,p50_ms,p99_ms,p99_9_ms,max_ms\n");
        for (int s = 0; s < timeline.closedSeconds(); s++)
        {
            csv.append(s).append(',');
            if (schedule != null)
            {
                csv.append(Math.round(schedule.countBefore((s + 1) * NANOS) - schedule.countBefore(s * NANOS)));
            }
            csv.append(',').append(timeline.sent(s)).append(',').append(timeline.notSent(s))
                .append(',').append(timeline.answered(s));
            for (final int code : codes)
            {
                csv.append(',').append(timeline.answers(s, code));
            }
            csv.append(',').append(timeline.discounted(s)).append(',').append(timeline.hotDiscounted(s))
                .append(',').append(timeline.discountSum(s));
            for (int p = 0; p < Timeline.PERCENTILES.length; p++)
            {
                csv.append(',').append(millis(timeline.percentile(s, p)));
            }
            csv.append(',').append(millis(timeline.max(s))).append('\n');
        }
        return csv.toString();
    }

    static void write(final Timeline timeline, final RateSchedule schedule, final Path file) throws IOException
    {
        Files.writeString(file, toText(timeline, schedule), StandardCharsets.UTF_8);
    }

    private static String millis(final long nanos)
    {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
