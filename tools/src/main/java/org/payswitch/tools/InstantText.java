package org.payswitch.tools;

import java.time.LocalDate;

/**
 * Writes epoch milliseconds as an ISO-8601 instant in UTC with milliseconds, e.g.
 * {@code 2026-11-11T04:00:00.001Z}: always three fraction digits (unlike {@code Instant.toString},
 * which drops a zero fraction) so the column keeps one width. Everything up to the second is
 * worked out once per second and reused, since a busy journal has hundreds of records a second;
 * only the milliseconds are written per record, with no object per record.
 */
final class InstantText
{
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int PREFIX_LENGTH = "2026-11-11T04:00:00.".length();

    private final char[] prefix = new char[PREFIX_LENGTH + 8];
    private int prefixLength;
    private long cachedSecond = Long.MIN_VALUE;

    /** Appends {@code epochMillis} to {@code line}. */
    void append(final LineBuffer line, final long epochMillis)
    {
        final long second = Math.floorDiv(epochMillis, 1_000);
        if (second != cachedSecond)
        {
            cacheSecond(second);
        }
        line.append(prefix, 0, prefixLength).appendPadded((int)Math.floorMod(epochMillis, 1_000L), 3).append('Z');
    }

    private void cacheSecond(final long second)
    {
        final long ofDay = Math.floorMod(second * 1_000, MILLIS_PER_DAY) / 1_000;
        final String text = LocalDate.ofEpochDay(Math.floorDiv(second * 1_000, MILLIS_PER_DAY)) + "T" +
            twoDigits(ofDay / 3_600) + ':' + twoDigits(ofDay / 60 % 60) + ':' + twoDigits(ofDay % 60) + '.';
        prefixLength = Math.min(text.length(), prefix.length);
        text.getChars(0, prefixLength, prefix, 0);
        cachedSecond = second;
    }

    private static String twoDigits(final long value)
    {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
