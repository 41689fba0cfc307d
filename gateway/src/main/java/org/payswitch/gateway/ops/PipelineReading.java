package org.payswitch.gateway.ops;

import org.HdrHistogram.Histogram;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.pipeline.PipelineMetrics;
import org.payswitch.core.pipeline.SwitchPipeline;

/**
 * The pipeline's counters read at one moment: answers by response code (indexed by ordinal, the
 * 91 refusals at the door included), the overload refusals, every latency since start, the ring's
 * occupancy and the journal position.
 *
 * @param timeMillis        when it was read, epoch milliseconds
 * @param answers           answers given per {@link ResponseCode} ordinal, since start
 * @param refused           requests refused 91 for overload (at the door or shed), since start
 * @param latencySinceStart receive-to-reply latency of every answer since start, nanoseconds
 * @param ringOccupancy     ring slots in use
 * @param ringSize          ring slots
 * @param journalPosition   Chronicle index of the last journal record, -1 before any
 */
public record PipelineReading(long timeMillis, long[] answers, long refused, Histogram latencySinceStart,
    long ringOccupancy, int ringSize, long journalPosition)
{
    private static final ResponseCode[] CODES = ResponseCode.values();

    /** Reads {@code pipeline}'s counters now; from any one thread at a time (the latency copy is not shared). */
    public static PipelineReading of(final SwitchPipeline pipeline, final long timeMillis)
    {
        final PipelineMetrics metrics = pipeline.metrics();
        final long[] answers = new long[CODES.length];
        for (final ResponseCode code : CODES)
        {
            answers[code.ordinal()] = metrics.answered(code);
        }
        return new PipelineReading(timeMillis, answers, metrics.refused() + metrics.shed(),
            metrics.latencySinceStart(), pipeline.occupancy(), pipeline.ringSize(), metrics.journalPosition());
    }

    /** Every answer since start: the sum over the codes. */
    public long requests()
    {
        long sum = 0;
        for (final long count : answers)
        {
            sum += count;
        }
        return sum;
    }
}
