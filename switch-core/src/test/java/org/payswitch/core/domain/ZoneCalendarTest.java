package org.payswitch.core.domain;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneCalendarTest
{
    private final ZoneCalendar shanghai = new ZoneCalendar(ZoneId.of("Asia/Shanghai"));

    @Test
    void shouldPlaceDaysAndMonthsInTheSwitchZone()
    {
        final long beforeMidnight = OffsetDateTime.parse("2026-11-10T23:59:59.999+08:00").toInstant().toEpochMilli();
        final long midnight = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();

        assertThat(shanghai.epochDay(midnight) - shanghai.epochDay(beforeMidnight)).isEqualTo(1);
        assertThat(shanghai.yearMonth(midnight)).isEqualTo(202611);
        assertThat(shanghai.yearMonth(OffsetDateTime.parse("2026-11-30T16:00:00Z").toInstant().toEpochMilli()))
            .isEqualTo(202612);
    }

    @Test
    void shouldTreatACardAsValidThroughTheEndOfItsExpiryMonth()
    {
        final long lastDay = OffsetDateTime.parse("2026-11-30T23:59:59+08:00").toInstant().toEpochMilli();
        final long nextMonth = OffsetDateTime.parse("2026-12-01T00:00:00+08:00").toInstant().toEpochMilli();

        assertThat(shanghai.isExpired(2611, lastDay)).isFalse();
        assertThat(shanghai.isExpired(2611, nextMonth)).isTrue();
        assertThat(ZoneCalendar.isValidExpiry(3012)).isTrue();
        assertThat(ZoneCalendar.isValidExpiry(3013)).isFalse();
        assertThat(ZoneCalendar.isValidExpiry(3000)).isFalse();
    }
}
