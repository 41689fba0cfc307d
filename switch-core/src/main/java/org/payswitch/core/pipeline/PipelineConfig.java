package org.payswitch.core.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * The ring's size and how its stages wait. Defaults suit a 2-core machine: three stages that
 * spin would starve the I/O threads, so stages sleep briefly when idle (docs/pipeline.md).
 */
public record PipelineConfig(int ringSize, Waiting waiting)
{
    /** How an idle stage waits for work. */
    public enum Waiting
    {
        /** Spin, then yield, then park ~100 µs: near busy-spin latency without owning a core. */
        SLEEPING,
        /** Lock and condition: least CPU, highest latency. */
        BLOCKING,
        /** Spin then yield: needs a core per stage. */
        YIELDING,
        /** Spin: needs a core per stage, and more. */
        BUSY_SPIN;

        WaitStrategy create()
        {
            return switch (this)
            {
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
    }

    /** 65 536 slots, sleeping stages. */
    public static PipelineConfig defaults()
    {
        return new PipelineConfig(1 << 16, Waiting.SLEEPING);
    }
}
