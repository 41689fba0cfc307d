package org.payswitch.gateway.http;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of /metrics a dashboard computes from: the latency histogram's buckets, and label values escaped. */
class PrometheusTextTest
{
    @Test
    void shouldCountEachLatencyInEveryBucketAtOrAboveItWithPlainDecimalBounds()
    {
        final Histogram latency = new Histogram(60_000_000_000L, 3);
        latency.recordValueWithCount(8_000, 5);
        latency.recordValueWithCount(40_000, 3);
        latency.recordValueWithCount(3_000_000_000L, 2);
        final StringBuilder text = new StringBuilder();

        PrometheusText.latency(text, latency);

        assertThat(text.toString())
            .contains("# TYPE payswitch_latency_seconds histogram\n")
            .contains("payswitch_latency_seconds_bucket{le=\"0.00001\"} 5\n")
            .contains("payswitch_latency_seconds_bucket{le=\"0.000025\"} 5\n")
            .contains("payswitch_latency_seconds_bucket{le=\"0.00005\"} 8\n")
            .contains("payswitch_latency_seconds_bucket{le=\"2.5\"} 8\n")
            .contains("payswitch_latency_seconds_bucket{le=\"5\"} 10\n")
            .contains("payswitch_latency_seconds_bucket{le=\"10\"} 10\n")
            .contains("payswitch_latency_seconds_bucket{le=\"+Inf\"} 10\n")
            .contains("payswitch_latency_seconds_count 10\n")
            .doesNotContain("E-");
    }

    @Test
    void shouldEscapeBackslashQuoteAndLineFeedInALabelValue()
    {
        assertThat(PrometheusText.labelValue(new StringBuilder(), "Bank \"A\"\\B\nC").toString())
            .isEqualTo("Bank \\\"A\\\"\\\\B\\nC");
    }
}
