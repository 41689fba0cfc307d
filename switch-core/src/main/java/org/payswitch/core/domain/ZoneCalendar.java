package org.payswitch.core.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Turns event timestamps (epoch milliseconds) into the switch's local day and month, for daily
 * limits, campaign days and card expiry. The current local day's bounds are cached, so the
 * hot path does two comparisons; only the first stamp of a new day allocates.
 * Not thread-safe: owned by the single writer.
 */
public final class ZoneCalendar
{
    private final ZoneId zone;
    private long dayStartMillis = Long.MAX_VALUE;
    private long dayEndMillis = Long.MIN_VALUE;
    private int epochDay;
    private int yearMonth;

    /** A calendar for the given zone, e.g. {@code Asia/Shanghai}. */
    public ZoneCalendar(final ZoneId zone)
    {
        this.zone = zone;
    }

    /** The zone days and months follow. */
    public ZoneId zone()
    {
        return zone;
    }

    /** The local day of the timestamp, as days since 1970-01-01. */
    public int epochDay(final long epochMillis)
    {
        moveTo(epochMillis);
        return epochDay;
    }

    /** The local month of the timestamp as {@code year * 100 + month}, e.g. 202611. */
    public int yearMonth(final long epochMillis)
    {
        moveTo(epochMillis);
        return yearMonth;
    }

    /** The local month of the timestamp as months since year 0 ({@code year * 12 + month - 1}). */
    public int monthIndex(final long epochMillis)
    {
        moveTo(epochMillis);
        return (yearMonth / 100) * 12 + (yearMonth % 100) - 1;
    }

    /** True when a card expiring at the end of {@code expiryYymm} (YYMM, 20YY) is expired at the timestamp. */
    public boolean isExpired(final int expiryYymm, final long epochMillis)
    {
        final int expiryYearMonth = 200000 + expiryYymm;
        return expiryYearMonth < yearMonth(epochMillis);
    }

    private void moveTo(final long epochMillis)
    {
        if (epochMillis >= dayStartMillis && epochMillis < dayEndMillis)
        {
            return;
        }
        final ZonedDateTime time = Instant.ofEpochMilli(epochMillis).atZone(zone);
        final LocalDate date = time.toLocalDate();
        dayStartMillis = date.atStartOfDay(zone).toInstant().toEpochMilli();
        dayEndMillis = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        epochDay = (int)date.toEpochDay();
        yearMonth = date.getYear() * 100 + date.getMonthValue();
    }

    /** True when the YYMM text value has a month of 1 to 12. */
    public static boolean isValidExpiry(final int expiryYymm)
    {
        final int month = expiryYymm % 100;
        return expiryYymm >= 0 && expiryYymm <= 9999 && month >= 1 && month <= 12;
    }
}
