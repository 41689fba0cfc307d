package org.payswitch.core.discount;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The packed per-card counters: total, day and month, their rollover and restore, and the month arithmetic. */
class CardUsageCountersTest
{
    private static int day(final String date)
    {
        return (int)LocalDate.parse(date).toEpochDay();
    }

    @Test
    void shouldComputeTheMonthOfEveryDayFrom1970To2149LikeJavaTime()
    {
        for (int epochDay = 0; epochDay <= 65_535; epochDay++)
        {
            final LocalDate date = LocalDate.ofEpochDay(epochDay);
            final int expected = date.getYear() * 12 + date.getMonthValue() - 1;
            if (CardUsage.monthIndexOf(epochDay) != expected)
            {
                assertThat(CardUsage.monthIndexOf(epochDay)).as("month of %s", date).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldKeepCountersOfCampaignsAndCardsApart()
    {
        final CardUsage usage = new CardUsage(16);
        final int d = day("2026-11-11");

        usage.use(1, 7, d);
        usage.use(2, 7, d);
        usage.use(2, 7, d);
        usage.use(1, Integer.MAX_VALUE, d);

        assertThat(usage.total(1, 7)).isEqualTo(1);
        assertThat(usage.total(2, 7)).isEqualTo(2);
        assertThat(usage.total(1, Integer.MAX_VALUE)).isEqualTo(1);
        assertThat(usage.total(2, Integer.MAX_VALUE)).isZero();
        assertThat(usage.total(1, 8)).isZero();
        assertThat(usage.size()).isEqualTo(3);
    }

    @Test
    void shouldRollTheDayOverButNotTheMonthWithinAMonth()
    {
        final CardUsage usage = new CardUsage(16);
        final int nov30 = day("2026-11-30");

        usage.use(0, 1, nov30 - 1);
        usage.use(0, 1, nov30 - 1);
        usage.use(0, 1, nov30);

        assertThat(usage.onDay(0, 1, nov30)).isEqualTo(1);
        assertThat(usage.inMonthOf(0, 1, nov30)).isEqualTo(3);
        assertThat(usage.total(0, 1)).isEqualTo(3);
        assertThat(usage.onDay(0, 1, nov30 + 1)).isZero();
        assertThat(usage.inMonthOf(0, 1, nov30 + 1)).as("December").isZero();
    }

    @Test
    void shouldRollDayAndMonthOverOnTheFirstOfTheMonthAndKeepTheTotal()
    {
        final CardUsage usage = new CardUsage(16);

        usage.use(0, 1, day("2026-12-31"));
        usage.use(0, 1, day("2026-12-31"));
        usage.use(0, 1, day("2027-01-01"));

        assertThat(usage.onDay(0, 1, day("2027-01-01"))).isEqualTo(1);
        assertThat(usage.inMonthOf(0, 1, day("2027-01-31"))).isEqualTo(1);
        assertThat(usage.inMonthOf(0, 1, day("2027-02-01"))).isZero();
        assertThat(usage.total(0, 1)).isEqualTo(3);
    }

    @Test
    void shouldRestoreTheDayAndMonthOfTheUseOnly()
    {
        final CardUsage usage = new CardUsage(16);
        final int nov29 = day("2026-11-29");
        final int nov30 = day("2026-11-30");
        final int dec1 = day("2026-12-01");

        usage.use(0, 1, nov29);
        usage.use(0, 1, nov30);
        usage.restore(0, 1, nov29);
        assertThat(usage.onDay(0, 1, nov30)).as("today's use stays").isEqualTo(1);
        assertThat(usage.inMonthOf(0, 1, nov30)).isEqualTo(1);
        assertThat(usage.total(0, 1)).isEqualTo(1);

        usage.use(0, 1, dec1);
        usage.restore(0, 1, nov30);
        assertThat(usage.onDay(0, 1, dec1)).isEqualTo(1);
        assertThat(usage.inMonthOf(0, 1, dec1)).as("a November use does not count in December").isEqualTo(1);
        assertThat(usage.total(0, 1)).isEqualTo(1);

        usage.restore(0, 1, dec1);
        assertThat(usage.onDay(0, 1, dec1)).isZero();
        assertThat(usage.inMonthOf(0, 1, dec1)).isZero();
        assertThat(usage.total(0, 1)).isZero();
    }

    @Test
    void shouldIgnoreARestoreOfACounterThatWasNeverUsed()
    {
        final CardUsage usage = new CardUsage(16);
        final long empty = usage.hash(1);

        usage.restore(0, 1, day("2026-11-11"));

        assertThat(usage.size()).isZero();
        assertThat(usage.hash(1)).isEqualTo(empty);
    }

    @Test
    void shouldCountUpToTheLargestLimitsWithoutSpillingIntoOtherFields()
    {
        final CardUsage usage = new CardUsage(16);
        final int d = day("2149-06-05");
        assertThat(d + 1).as("the last day the counters hold").isEqualTo(65_535);

        for (long i = 0; i < CardUsage.MAX_PERIOD; i++)
        {
            usage.use(0, 1, d);
        }
        assertThat(usage.onDay(0, 1, d)).isEqualTo(CardUsage.MAX_PERIOD);
        assertThat(usage.inMonthOf(0, 1, d)).isEqualTo(CardUsage.MAX_PERIOD);
        assertThat(usage.total(0, 1)).isEqualTo(CardUsage.MAX_PERIOD);

        usage.use(0, 1, d + 1);
        assertThat(usage.onDay(0, 1, d + 1)).isEqualTo(1);
        assertThat(usage.inMonthOf(0, 1, d + 1)).as("counts stop at the largest limit").isEqualTo(CardUsage.MAX_PERIOD);
        assertThat(usage.total(0, 1)).isEqualTo(CardUsage.MAX_PERIOD + 1);
    }
}
