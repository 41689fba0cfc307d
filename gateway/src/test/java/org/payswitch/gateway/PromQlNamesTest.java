package org.payswitch.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metric names of PromQL expressions: only those, whatever functions, clauses and strings surround them. */
class PromQlNamesTest
{
    @Test
    void shouldFindTheMetricOfAPlainSelectorAndOfNestedFunctions()
    {
        assertThat(PromQlNames.of("payswitch_ring_occupancy")).containsExactly("payswitch_ring_occupancy");
        assertThat(PromQlNames.of("sum(rate(payswitch_answers_total{instance=~\"$instance\"}[1m]))"))
            .containsExactly("payswitch_answers_total");
        assertThat(PromQlNames.of("round(abs(delta(payswitch_journal_position[5m:30s])), 0.5)"))
            .containsExactly("payswitch_journal_position");
    }

    @Test
    void shouldLeaveOutTheLabelsOfByWithoutAndMatchingClauses()
    {
        assertThat(PromQlNames.of("sum by (code) (rate(payswitch_answers_total[1m]))"))
            .containsExactly("payswitch_answers_total");
        assertThat(PromQlNames.of("SUM WITHOUT (instance, job) (payswitch_connections_open)"))
            .containsExactly("payswitch_connections_open");
        assertThat(PromQlNames.of("sum(rate(payswitch_connections_closed_total[1m])) by (port, reason)"))
            .containsExactly("payswitch_connections_closed_total");
        assertThat(PromQlNames.of("payswitch_campaign_redemptions * on (campaign) group_left (funder, status) " +
            "payswitch_campaign_info")).containsExactlyInAnyOrder("payswitch_campaign_redemptions",
            "payswitch_campaign_info");
        assertThat(PromQlNames.of("payswitch_approvals_total / ignoring (code) group_right payswitch_requests_total"))
            .containsExactlyInAnyOrder("payswitch_approvals_total", "payswitch_requests_total");
    }

    @Test
    void shouldTakeNoIdentifierInsideAStringOrARegexForAName()
    {
        assertThat(PromQlNames.of("payswitch_answers_total{code=~\"9[0-9]|payswitch_fake_total\", " +
            "instance!~'not_a_metric.*', job=\"payment-switch\"}")).containsExactly("payswitch_answers_total");
        assertThat(PromQlNames.of("label_replace(payswitch_ring_size, \"dst\", \"$1 sum by\", \"instance\", " +
            "`(.*):[0-9]+`)")).containsExactly("payswitch_ring_size");
        assertThat(PromQlNames.of("count_values(\"value\", payswitch_ring_size{job=\"a \\\" quoted_name\"})"))
            .containsExactly("payswitch_ring_size");
    }

    @Test
    void shouldSkipNumbersDurationsVariablesKeywordsAndComments()
    {
        assertThat(PromQlNames.of("payswitch_latency_seconds_sum offset 1h30m / 1e-5 + 0x1F * Inf - NaN " +
            "> bool 0.5 and payswitch_exceptions_total[$__rate_interval] or ${other:regex} unless " +
            "payswitch_declines_total # payswitch_commented_out_total\n")).containsExactlyInAnyOrder(
            "payswitch_latency_seconds_sum", "payswitch_exceptions_total", "payswitch_declines_total");
        assertThat(PromQlNames.of("vector(1) + time() - scalar(payswitch_ring_size @ start())"))
            .containsExactly("payswitch_ring_size");
    }

    @Test
    void shouldFindTheBucketsOfAHistogramQuantile()
    {
        assertThat(PromQlNames.of("histogram_quantile(0.99, sum by (le) (rate(payswitch_latency_seconds_bucket" +
            "{instance=~\"$instance\"}[1m])))")).containsExactly("payswitch_latency_seconds_bucket");
        assertThat(PromQlNames.of("topk(3, quantile(0.9, payswitch_campaign_discount_granted) by (campaign))"))
            .containsExactly("payswitch_campaign_discount_granted");
    }

    @Test
    void shouldFindTheMetricOfGrafanaVariableQueriesButNotTheirLabel()
    {
        assertThat(PromQlNames.of("label_values(payswitch_requests_total, instance)"))
            .containsExactly("payswitch_requests_total");
        assertThat(PromQlNames.of("label_values(payswitch_campaign_info{status=\"active\", instance=~\"$instance\"}" +
            ", campaign)")).containsExactly("payswitch_campaign_info");
        assertThat(PromQlNames.of("label_values(instance)")).isEmpty();
        assertThat(PromQlNames.of("metrics(payswitch_.*)")).isEmpty();
        assertThat(PromQlNames.of("query_result(max_over_time(payswitch_ring_occupancy[1h]))"))
            .containsExactly("payswitch_ring_occupancy");
    }

    @Test
    void shouldFindNamesGivenAsMatchers()
    {
        assertThat(PromQlNames.of("{__name__=\"payswitch_ring_size\", instance=\"a\"}"))
            .containsExactly("payswitch_ring_size");
        assertThat(PromQlNames.of("{\"payswitch.ring.size\", instance=\"a\"}")).containsExactly("payswitch.ring.size");
        assertThat(PromQlNames.of("{__name__=~\"payswitch_.*\"}")).as("a regex names no one metric").isEmpty();
    }

    @Test
    void shouldCountOneNamePerSelector()
    {
        assertThat(PromQlNames.occurrences("sum(rate(payswitch_latency_seconds_sum[1m])) / " +
            "sum(rate(payswitch_latency_seconds_count[1m])) + payswitch_latency_seconds_sum")).containsExactly(
            "payswitch_latency_seconds_sum", "payswitch_latency_seconds_count", "payswitch_latency_seconds_sum");
    }

    @Test
    void shouldRefuseWhatItCannotScanRatherThanFindNothing()
    {
        assertThatThrownBy(() -> PromQlNames.of("payswitch_answers_total{code=\"00}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
        assertThatThrownBy(() -> PromQlNames.of("sum by (code (payswitch_answers_total)"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PromQlNames.of("payswitch_answers_total{code=00}"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a quoted label value");
    }
}
