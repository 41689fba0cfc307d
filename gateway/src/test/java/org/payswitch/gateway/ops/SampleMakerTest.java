package org.payswitch.gateway.ops;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.ResponseCode;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples from readings: the first counts from zero, later ones per second between readings, latency of that second alone. */
class SampleMakerTest
{
    private static final int CODES = ResponseCode.values().length;
    private static final long MICRO = 1_000;

    private final SampleMaker maker = new SampleMaker();

    @Test
    void shouldCountTheFirstSampleFromZeroAndNumberSamplesFromZero()
    {
        final OpsSample first = maker.next(reading(1_000, 30, 0, 5, latencies(100 * MICRO, 30)), List.of());

        assertThat(first.seq()).isZero();
        assertThat(first.requests()).isEqualTo(35);
        assertThat(first.answersPerSecond()).isEqualTo(35);
        assertThat(first.latencyP50Nanos()).isBetween(99 * MICRO, 101 * MICRO);
        assertThat(first.answers().get(ResponseCode.APPROVED.ordinal())).isEqualTo(30);
        assertThat(first.answers().get(ResponseCode.DO_NOT_HONOUR.ordinal())).isEqualTo(5);
        assertThat(maker.next(reading(2_000, 30, 0, 5, latencies(100 * MICRO, 30)), List.of()).seq()).isEqualTo(1);
    }

    @Test
    void shouldGiveTheAnswersOfEachSecondPerSecondOfTheTimeBetweenReadings()
    {
        maker.next(reading(10_000, 100, 10, 0, latencies(50 * MICRO, 100)), List.of());

        final OpsSample later = maker.next(reading(12_000, 2_100, 410, 0, latencies(50 * MICRO, 2_100)), List.of());

        assertThat(later.answersPerSecond()).as("2 000 approved and 400 refused in 2 s").isEqualTo(1_200);
        assertThat(later.refusedPerSecond()).isEqualTo(200);
        assertThat(later.requests()).isEqualTo(2_510);
    }

    @Test
    void shouldTakeTheLatencyOfTheSecondsAnswersAloneAndNoneWhenNothingWasAnswered()
    {
        final Histogram slowStart = latencies(900 * MICRO, 1_000);
        maker.next(reading(1_000, 1_000, 0, 0, slowStart), List.of());
        final Histogram thenFast = slowStart.copy();
        thenFast.recordValueWithCount(20 * MICRO, 1_000);

        final OpsSample fast = maker.next(reading(2_000, 2_000, 0, 0, thenFast), List.of());
        final OpsSample quiet = maker.next(reading(3_000, 2_000, 0, 0, thenFast), List.of());

        assertThat(fast.latencyP99Nanos()).isBetween(19 * MICRO, 21 * MICRO);
        assertThat(quiet.latencyP50Nanos()).isEqualTo(OpsSample.NO_LATENCY);
        assertThat(quiet.latencyP999Nanos()).isEqualTo(OpsSample.NO_LATENCY);
        assertThat(quiet.answersPerSecond()).isZero();
    }

    private static Histogram latencies(final long nanos, final long count)
    {
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        histogram.recordValueWithCount(nanos, count);
        return histogram;
    }

    /** A reading with {@code approved} 00s, {@code declined} 05s and {@code refused} 91s (refused at the door). */
    private static PipelineReading reading(final long timeMillis, final long approved, final long refused,
        final long declined, final Histogram latency)
    {
        final long[] answers = new long[CODES];
        answers[ResponseCode.APPROVED.ordinal()] = approved;
        answers[ResponseCode.DO_NOT_HONOUR.ordinal()] = declined;
        answers[ResponseCode.SWITCH_UNAVAILABLE.ordinal()] = refused;
        return new PipelineReading(timeMillis, answers, refused, latency, 0, 1024, -1);
    }
}
