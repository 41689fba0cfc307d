package org.payswitch.gateway.ops;

import java.util.List;

import org.payswitch.core.discount.CampaignFigures;

/**
 * The switch's figures in one second, as the operations page shows them (docs/api.md, "The
 * operations page"). Immutable: the history hands the same sample to every reader.
 *
 * @param seq               the sample's number, from 0 at start, one a second
 * @param timeMillis        when it was taken, epoch milliseconds
 * @param answers           answers per response-code ordinal since start (91 refusals at the door included)
 * @param requests          every answer since start
 * @param answersPerSecond  answers given during the second before the sample
 * @param refusedPerSecond  of them, refused 91 for overload (at the door or shed)
 * @param latencyP50Nanos   median receive-to-reply latency of that second's answers, -1 when none
 * @param latencyP99Nanos   its 99th percentile, -1 when none
 * @param latencyP999Nanos  its 99.9th percentile, -1 when none
 * @param ringOccupancy     ring slots in use
 * @param ringSize          ring slots
 * @param journalPosition   Chronicle index of the last journal record, -1 before any
 * @param campaigns         every campaign with its live figures, creation order
 */
public record OpsSample(long seq, long timeMillis, List<Long> answers, long requests, long answersPerSecond,
    long refusedPerSecond, long latencyP50Nanos, long latencyP99Nanos, long latencyP999Nanos, long ringOccupancy,
    int ringSize, long journalPosition, List<CampaignFigures> campaigns)
{
    /** A latency percentile of a second with no answer. */
    public static final long NO_LATENCY = -1;

    public OpsSample
    {
        answers = List.copyOf(answers);
        campaigns = List.copyOf(campaigns);
    }
}
