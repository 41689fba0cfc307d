package org.payswitch.core.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.payswitch.core.domain.ResponseCode;

/**
 * Counters the stages write and the metrics endpoint reads: answers by response code,
 * unexpected exceptions, overload refusals, the journal position and a latency histogram
 * (receive to reply, nanoseconds). Each figure has one writing thread; readers see it lazily.
 */
public final class PipelineMetrics
{
    private static final ResponseCode[] CODES = ResponseCode.values();

    private final AtomicLongArray answers = new AtomicLongArray(CODES.length);
    private final AtomicLong exceptions = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicInteger stagesRunning = new AtomicInteger();
    private final AtomicLong journalPosition = new AtomicLong(-1);
    private final AtomicLong shed = new AtomicLong();
    private final AtomicLong journalFailures = new AtomicLong();
    /** Longest latency the histograms hold; a longer one is recorded as this. */
    private static final long MAX_RECORDED_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Significant decimal digits of the histograms: 0.1 % resolution. */
    private static final int SIGNIFICANT_DIGITS = 3;

    /** Written by the reply stage only: a single-writer recorder costs no atomic per answer. */
    private final SingleWriterRecorder latency = new SingleWriterRecorder(MAX_RECORDED_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram cumulativeLatency = new Histogram(MAX_RECORDED_NANOS, SIGNIFICANT_DIGITS);

    void countAnswer(final ResponseCode code)
    {
        if (code != null)
        {
            answers.lazySet(code.ordinal(), answers.get(code.ordinal()) + 1);
        }
    }

    void countException()
    {
        exceptions.incrementAndGet();
    }

    /** A stage's thread is running its loop (called from the stage's {@code onStart}). */
    public void countStageStarted()
    {
        stagesRunning.incrementAndGet();
    }

    /** Stages whose threads have entered their loop. */
    public int stagesRunning()
    {
        return stagesRunning.get();
    }

    /** Counts a request refused with 91 at publish: past the admission limit, the ring full, or the switch stopping. */
    public void countRefused()
    {
        refused.incrementAndGet();
    }

    /** Counts a request refused with 91 after it waited in the ring too long (written by stage 1 only). */
    void countShed()
    {
        shed.lazySet(shed.get() + 1);
    }

    /** Requests that entered the ring but waited longer than the queue delay: answered 91, not executed. */
    public long shed()
    {
        return shed.get();
    }

    /** Counts a journal append or sync that failed, tripping the fail-stop (once per run). */
    void countJournalFailure()
    {
        journalFailures.incrementAndGet();
    }

    /** Journal appends or syncs that failed: 0, or 1 once the switch has failed stop. */
    public long journalFailures()
    {
        return journalFailures.get();
    }

    /** Records the Chronicle index of the last journaled record: the journal stage's, or a cluster member's service's. */
    public void journalPosition(final long index)
    {
        journalPosition.lazySet(index);
    }

    void recordLatency(final long nanos)
    {
        latency.recordValue(Math.min(Math.max(nanos, 0), MAX_RECORDED_NANOS));
    }

    /** Answers given with {@code code} (91 refusals at the door are in {@link #refused()}). */
    public long answers(final ResponseCode code)
    {
        return answers.get(code.ordinal());
    }

    /**
     * Answers given with {@code code}, the 91 refusals at the door included: what callers were
     * told, as /metrics and the operations page count it.
     */
    public long answered(final ResponseCode code)
    {
        return code == ResponseCode.SWITCH_UNAVAILABLE ? answers(code) + refused() : answers(code);
    }

    /** Unexpected exceptions in any stage. */
    public long exceptions()
    {
        return exceptions.get();
    }

    /** Requests refused with 91 before they entered the ring. */
    public long refused()
    {
        return refused.get();
    }

    /** Chronicle index of the last journaled record, -1 before any. */
    public long journalPosition()
    {
        return journalPosition.get();
    }

    /**
     * The latency of every answer since start, receive to reply. Call from one reader thread
     * (the metrics endpoint); returns a copy.
     */
    public synchronized Histogram latencySinceStart()
    {
        cumulativeLatency.add(latency.getIntervalHistogram());
        return cumulativeLatency.copy();
    }
}
