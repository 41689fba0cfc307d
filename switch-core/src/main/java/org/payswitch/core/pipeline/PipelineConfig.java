package org.payswitch.core.pipeline;

import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * The ring's size, how its stages are laid out on threads, how they wait, and how long a request
 * may wait in the ring before it is refused rather than executed ({@code maxQueueDelayNanos}:
 * past capacity the switch answers 91 at once instead of answering everything late). The
 * defaults suit a small machine (docs/pipeline.md has the measurements): the three stages fused
 * on one thread that parks when idle, so the I/O threads and the engine share two cores without
 * spinning threads in their way.
 */
public record PipelineConfig(int ringSize, Waiting waiting, Layout layout, long maxQueueDelayNanos)
{
    /** The default {@link #maxQueueDelayNanos}: 100 ms. */
    public static final long DEFAULT_MAX_QUEUE_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** The most events a stage takes before it ends a batch (flushes its answers, syncs the journal). */
    public static final int MAX_BATCH = 256;

    /** How the three stages (business logic, journal, reply) are placed on threads. */
    public enum Layout
    {
        /** One thread runs the three stages in order on each event: no hand-over between cores. */
        FUSED,
        /** A thread per stage, chained: for machines with a core to spare for each. */
        STAGED
    }

    /** How an idle stage waits for work. */
    public enum Waiting
    {
        /** Spin ~20 µs, yield, then park until a publisher signals: the default ({@link ParkingWaitStrategy}). */
        PARKING,
        /** Spin, then yield, then park ~100 µs at a time: wakes ~10 000 times a second when idle. */
        SLEEPING,
        /** Lock and condition: a lock taken on every publish. */
        BLOCKING,
        /** Spin then yield: needs a core per stage. */
        YIELDING,
        /** Spin: needs a core per stage, and more. */
        BUSY_SPIN;

        WaitStrategy create()
        {
            return switch (this)
            {
                case PARKING -> new ParkingWaitStrategy();
                case SLEEPING -> new SleepingWaitStrategy();
                case BLOCKING -> new BlockingWaitStrategy();
                case YIELDING -> new YieldingWaitStrategy();
                case BUSY_SPIN -> new BusySpinWaitStrategy();
            };
        }
    }

    public PipelineConfig
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ringSize: a power of two, was " + ringSize);
        }
        if (maxQueueDelayNanos <= 0)
        {
            throw new IllegalArgumentException("maxQueueDelayNanos: positive, was " + maxQueueDelayNanos);
        }
    }

    /** The given ring, waiting and layout, with the default queue delay. */
    public PipelineConfig(final int ringSize, final Waiting waiting, final Layout layout)
    {
        this(ringSize, waiting, layout, DEFAULT_MAX_QUEUE_DELAY_NANOS);
    }

    /** The fused layout with the given ring and waiting, and the default queue delay. */
    public PipelineConfig(final int ringSize, final Waiting waiting)
    {
        this(ringSize, waiting, Layout.FUSED);
    }

    /** 65 536 slots, fused stages, parking when idle, requests shed after 100 ms in the ring. */
    public static PipelineConfig defaults()
    {
        return new PipelineConfig(1 << 16, Waiting.PARKING, Layout.FUSED);
    }
}
