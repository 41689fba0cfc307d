package org.payswitch.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RateScheduleTest
{
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    @Test
    void shouldDueRequestsOfAConstantRateAtEvenIntervals()
    {
        final RateSchedule schedule = RateSchedule.constant(1_000, 2 * S);

        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(MS);
        assertThat(schedule.dueNanos(1_500)).isEqualTo(1_500 * MS);
        assertThat(schedule.includes(schedule.dueNanos(1_999))).isTrue();
        assertThat(schedule.includes(schedule.dueNanos(2_000))).isFalse();
        assertThat(schedule.countBefore(2 * S)).isEqualTo(2_000.0);
    }

    @Test
    void shouldInterleaveTheConnections()
    {
        final RateSchedule schedule = RateSchedule.constant(4_000, S);

        assertThat(schedule.dueNanos(0, 0, 4)).isZero();
        assertThat(schedule.dueNanos(0, 1, 4)).isEqualTo(250_000L);
        assertThat(schedule.dueNanos(0, 3, 4)).isEqualTo(750_000L);
        assertThat(schedule.dueNanos(1, 0, 4)).isEqualTo(MS);
    }

    @Test
    void shouldRampLinearlyAndThenHoldThePeak()
    {
        final RateSchedule schedule = new RateSchedule(100, 300, 2 * S, 4 * S);

        assertThat(schedule.rateAt(0)).isEqualTo(100.0);
        assertThat(schedule.rateAt(S)).isEqualTo(200.0);
        assertThat(schedule.rateAt(3 * S)).isEqualTo(300.0);
        assertThat(schedule.rateAt(4 * S)).isZero();
        assertThat(schedule.countBefore(S)).isEqualTo(150.0);
        assertThat(schedule.countBefore(2 * S)).isEqualTo(400.0);
        assertThat(schedule.countBefore(4 * S)).isEqualTo(1_000.0);
        assertThat(schedule.dueNanos(150)).isCloseTo(S, within(1_000L));
        assertThat(schedule.dueNanos(400)).isEqualTo(2 * S);
        assertThat(schedule.dueNanos(700)).isEqualTo(3 * S);
        assertThat(schedule.dueNanos(1)).isCloseTo(10 * MS, within(100_000L));
    }

    @Test
    void shouldDueEachRequestAtTheMomentTheCumulativeRateReachesIt()
    {
        final RateSchedule schedule = new RateSchedule(1_000, 20_000, 3 * S, 5 * S);
        long previous = -1;
        for (long k = 0; schedule.includes(schedule.dueNanos(k)); k++)
        {
            final long due = schedule.dueNanos(k);
            assertThat(due).isGreaterThan(previous);
            assertThat(schedule.countBefore(due)).isCloseTo(k, within(0.01));
            previous = due;
        }
        assertThat(schedule.countBefore(5 * S)).isEqualTo(1.5 * 21_000 + 2 * 20_000);
    }
}
