package org.payswitch.tools.operator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressMeterTest
{
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldShowHowFarHowManyHowFastAndTheTimeLeft()
    {
        final ProgressMeter meter = new ProgressMeter("cards", 1_000_000, 5 * SECOND);

        assertThat(meter.line(250_000, 120_000, 15 * SECOND))
            .isEqualTo("[#######.......................]  25% 120 000 cards, 12 000/s, 0:30 left");
    }

    @Test
    void shouldShowNoTimeLeftAtTheStartNorAtTheEnd()
    {
        final ProgressMeter meter = new ProgressMeter("campaigns", 500, 0);

        assertThat(meter.line(0, 0, SECOND)).isEqualTo("[..............................]   0% 0 campaigns, 0/s");
        assertThat(meter.line(500, 12, 2 * SECOND)).isEqualTo("[##############################] 100% 12 campaigns, 6/s");
    }

    @Test
    void shouldWriteTimesAsAClock()
    {
        assertThat(ProgressMeter.clock(0)).isEqualTo("0:00");
        assertThat(ProgressMeter.clock(75)).isEqualTo("1:15");
        assertThat(ProgressMeter.clock(3_725)).isEqualTo("1:02:05");
        assertThat(ProgressMeter.grouped(1_234_567)).isEqualTo("1 234 567");
    }
}
