package org.payswitch.benchmarks.bare;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/** The consumer's wait strategy, as named on the command line ({@code --wait}). */
enum WaitChoice
{
    BUSY_SPIN("busy-spin"),
    YIELD("yield"),
    SLEEP("sleep"),
    BLOCK("block");

    private final String option;

    WaitChoice(final String option)
    {
        this.option = option;
    }

    /** The choice named {@code name} on the command line. */
    static WaitChoice of(final String name)
    {
        for (final WaitChoice choice : values())
        {
            if (choice.option.equals(name))
            {
                return choice;
            }
        }
        throw new IllegalArgumentException("--wait: one of busy-spin, yield, sleep, block, not " + name);
    }

    /** A new Disruptor wait strategy of this kind. */
    WaitStrategy strategy()
    {
        return switch (this)
        {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELD -> new YieldingWaitStrategy();
            case SLEEP -> new SleepingWaitStrategy();
            case BLOCK -> new BlockingWaitStrategy();
        };
    }

    @Override
    public String toString()
    {
        return option;
    }
}
