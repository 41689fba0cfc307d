package org.payswitch.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineCsvTest
{
    private static final long S = 1_000_000_000L;

    /** Latencies are HdrHistogram's highest equivalent value at 3 digits: 2 ms shows as 2.001 ms, 3 ms as 3.000 ms. */
    @Test
    void shouldWriteARowASecondWithTheCodesSeen()
    {
        final Timeline timeline = new Timeline(4, LoadConnection.MAX_LATENCY_NANOS, 0);
        timeline.start(10 * S);
        timeline.sent(10 * S);
        timeline.sent(10 * S + 1);
        timeline.answered(10 * S + 2_000_000L, 2_000_000L, 0, 500);
        timeline.closeSecond(0);
        timeline.answered(11 * S, 3_000_000L, 51, 0);
        timeline.notSent(11 * S + 5);
        timeline.closeSecond(1);

        final String csv = TimelineCsv.toText(timeline, RateSchedule.constant(2, 2 * S));

        assertThat(csv.split("\n")).containsExactly(
            "second,due,sent,not_sent,answered,code_00,code_51,discounted,hot_discounted,discount_minor,p50_ms,p99_ms,p99_9_ms,max_ms",
            "0,2,2,0,1,1,0,1,0,500,2.001,2.001,2.001,2.001",
            "1,2,0,1,1,0,1,0,0,0,3.000,3.000,3.000,3.000");
    }
}
