package org.payswitch.core.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParkingWaitStrategyTest
{
    /** Long enough that only the signal can wake the stage within the test's bound. */
    private static final long ONE_HOUR = TimeUnit.HOURS.toNanos(1);

    @Test
    void shouldReturnAtOnceWhenTheSequenceIsAvailable() throws Exception
    {
        final ParkingWaitStrategy strategy = new ParkingWaitStrategy(ONE_HOUR);
        final Sequence cursor = new Sequence(7);

        assertThat(strategy.waitFor(5, cursor, cursor, new NeverAlerted())).isEqualTo(7);
        assertThat(strategy.parkedStages()).isZero();
    }

    @Test
    void shouldWakeAParkedStageWhenAPublisherSignals() throws Exception
    {
        final ParkingWaitStrategy strategy = new ParkingWaitStrategy(ONE_HOUR);
        final Sequence cursor = new Sequence(-1);
        final CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> waitQuietly(strategy, cursor, 0));
        while (strategy.parkedStages() == 0)
        {
            Thread.onSpinWait();
        }

        cursor.set(0);
        strategy.signalAllWhenBlocking();

        assertThat(waited.get(10, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(strategy.parkedStages()).isZero();
    }

    @Test
    void shouldNotSignalWhenNoStageIsParked()
    {
        final ParkingWaitStrategy strategy = new ParkingWaitStrategy(ONE_HOUR);

        strategy.signalAllWhenBlocking();

        assertThat(strategy.parkedStages()).isZero();
    }

    private static long waitQuietly(final ParkingWaitStrategy strategy, final Sequence cursor, final long sequence)
    {
        try
        {
            return strategy.waitFor(sequence, cursor, cursor, new NeverAlerted());
        }
        catch (final AlertException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** A barrier that is never alerted: only the sequences matter to the strategy. */
    private static final class NeverAlerted implements SequenceBarrier
    {
        @Override
        public long waitFor(final long sequence)
        {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getCursor()
        {
            return -1;
        }

        @Override
        public boolean isAlerted()
        {
            return false;
        }

        @Override
        public void alert()
        {
        }

        @Override
        public void clearAlert()
        {
        }

        @Override
        public void checkAlert()
        {
        }
    }
}
