package org.payswitch.gateway.ops;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.payswitch.core.discount.CampaignFigures;

/**
 * Turns successive {@link PipelineReading}s into {@link OpsSample}s: the answers of each second
 * (the difference of two readings' totals, per second of the time between them) and the latency
 * percentiles of that second's answers alone (the difference of two readings' since-start
 * histograms). The first sample counts from zero, as the switch did at start. One thread.
 */
final class SampleMaker
{
    private static final double MILLIS_PER_SECOND = 1000.0;
    private static final double P50 = 50.0;
    private static final double P99 = 99.0;
    private static final double P999 = 99.9;

    private long nextSeq;
    private PipelineReading previous;

    /** The sample of {@code reading}, with the campaigns as the engine answered them at that moment. */
    OpsSample next(final PipelineReading reading, final List<CampaignFigures> campaigns)
    {
        final long requests = reading.requests();
        final long previousRequests = previous == null ? 0 : previous.requests();
        final long previousRefused = previous == null ? 0 : previous.refused();
        final double seconds = previous == null ? 1.0 :
            Math.max(1, reading.timeMillis() - previous.timeMillis()) / MILLIS_PER_SECOND;
        final Histogram second = reading.latencySinceStart().copy();
        if (previous != null)
        {
            second.subtract(previous.latencySinceStart());
        }
        final boolean answered = second.getTotalCount() > 0;
        final List<Long> answers = new ArrayList<>(reading.answers().length);
        for (final long count : reading.answers())
        {
            answers.add(count);
        }
        final OpsSample sample = new OpsSample(nextSeq++, reading.timeMillis(), answers, requests,
            Math.round((requests - previousRequests) / seconds),
            Math.round((reading.refused() - previousRefused) / seconds),
            answered ? second.getValueAtPercentile(P50) : OpsSample.NO_LATENCY,
            answered ? second.getValueAtPercentile(P99) : OpsSample.NO_LATENCY,
            answered ? second.getValueAtPercentile(P999) : OpsSample.NO_LATENCY,
            reading.ringOccupancy(), reading.ringSize(), reading.journalPosition(), campaigns);
        previous = reading;
        return sample;
    }
}
