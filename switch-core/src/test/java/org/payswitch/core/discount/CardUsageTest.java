package org.payswitch.core.discount;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardUsageTest
{
    @Test
    void shouldComputeMonthsLikeJavaTime()
    {
        for (int day = -800; day < 70_000; day += 7)
        {
            final LocalDate date = LocalDate.ofEpochDay(day);
            assertThat(CardUsage.monthIndexOf(day)).as("day %s", date)
                .isEqualTo(date.getYear() * 12 + date.getMonthValue() - 1);
        }
    }

    @Test
    void shouldCountUsesPerTotalDayAndMonthAndRestoreThem()
    {
        final CardUsage usage = new CardUsage(16);
        final int nov11 = (int)LocalDate.of(2026, 11, 11).toEpochDay();
        final int nov12 = nov11 + 1;
        final int dec1 = (int)LocalDate.of(2026, 12, 1).toEpochDay();

        usage.use(5, 42, nov11);
        usage.use(5, 42, nov11);
        assertThat(usage.total(5, 42)).isEqualTo(2);
        assertThat(usage.onDay(5, 42, nov11)).isEqualTo(2);
        assertThat(usage.onDay(5, 42, nov12)).isZero();
        assertThat(usage.inMonthOf(5, 42, nov12)).isEqualTo(2);
        assertThat(usage.inMonthOf(5, 42, dec1)).isZero();
        assertThat(usage.total(6, 42)).isZero();

        usage.use(5, 42, nov12);
        usage.restore(5, 42, nov11);
        assertThat(usage.total(5, 42)).isEqualTo(2);
        assertThat(usage.onDay(5, 42, nov12)).isEqualTo(1);
        assertThat(usage.inMonthOf(5, 42, nov12)).isEqualTo(2);
    }
}
