package org.payswitch.core.pipeline;

import java.util.ArrayList;
import java.util.List;

import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandProcessor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage 1 driven directly, without threads: what it executes, in which order, what it prefetches and sheds. */
class BusinessLogicHandlerTest
{
    private static final long QUEUE_DELAY = 50_000_000L;

    private final RingBuffer<SwitchEvent> ring = RingBuffer.createMultiProducer(() -> new SwitchEvent(null), 64);
    private final List<String> calls = new ArrayList<>();

    private final Recording recording = new Recording(false);
    private final CachedNanoClock clock = new CachedNanoClock();
    private final PipelineMetrics metrics = new PipelineMetrics();
    /** Admits up to 25 ms of the writer's work, from a 65 536-slot ring (not the test's small one). */
    private final AdmissionGate admission = new AdmissionGate(QUEUE_DELAY / 2, 1 << 16);
    /** What each execution costs on the test's clock. */
    private long executionNanos;

    /** Records what the handler asks of it; its prefetch can be made to fail. */
    private final class Recording implements CommandProcessor
    {
        private final boolean failPrefetch;

        Recording(final boolean failPrefetch)
        {
            this.failPrefetch = failPrefetch;
        }

        @Override
        public void execute(final SwitchCommand command)
        {
            calls.add("execute " + command.orderId);
            clock.advance(executionNanos);
            command.responseCode = ResponseCode.APPROVED;
        }

        @Override
        public void prefetch(final SwitchCommand[] commands, final int count)
        {
            if (failPrefetch)
            {
                throw new IllegalStateException("a bug in a hint");
            }
            final StringBuilder names = new StringBuilder("prefetch");
            for (int i = 0; i < count; i++)
            {
                names.append(' ').append(commands[i].orderId);
            }
            calls.add(names.toString());
        }
    }

    @Test
    void shouldPrefetchTheAuthorizationsOfABatchOnceAndExecuteEveryCommandInOrder()
    {
        final BusinessLogicHandler handler = handler(recording);
        publish(CommandType.AUTHORIZE, "A0");
        publish(CommandType.CAPTURE, "C1");
        publish(CommandType.AUTHORIZE, "A2");
        publish(CommandType.AUTHORIZE, "A3");

        deliver(handler, 0, 4);

        assertThat(calls).containsExactly("prefetch A0 A2 A3", "execute A0", "execute C1", "execute A2", "execute A3");
    }

    @Test
    void shouldPrefetchALongBatchInChunksAndASingleCommandNotAtAll()
    {
        final BusinessLogicHandler handler = handler(recording);
        for (int i = 0; i < BusinessLogicHandler.PREFETCH + 3; i++)
        {
            publish(CommandType.AUTHORIZE, "A" + i);
        }
        publish(CommandType.AUTHORIZE, "ALONE");

        deliver(handler, 0, BusinessLogicHandler.PREFETCH + 3);
        deliver(handler, BusinessLogicHandler.PREFETCH + 3, 1);

        assertThat(calls.stream().filter(call -> call.startsWith("prefetch")))
            .containsExactly(prefetchOf(0, BusinessLogicHandler.PREFETCH), prefetchOf(BusinessLogicHandler.PREFETCH, 3));
        assertThat(calls.stream().filter(call -> call.startsWith("execute"))).hasSize(BusinessLogicHandler.PREFETCH + 4)
            .last().isEqualTo("execute ALONE");
    }

    @Test
    void shouldExecuteEvenWhenThePrefetchFails()
    {
        final BusinessLogicHandler handler = handler(new Recording(true));
        publish(CommandType.AUTHORIZE, "A0");
        publish(CommandType.AUTHORIZE, "A1");
        publish(CommandType.AUTHORIZE, "A2");
        publish(CommandType.AUTHORIZE, "A3");

        deliver(handler, 0, 2);
        deliver(handler, 2, 2);

        assertThat(calls).containsExactly("execute A0", "execute A1", "execute A2", "execute A3");
        assertThat(ring.get(0).command.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(ring.get(1).failed).isFalse();
    }

    @Test
    void shouldShedARequestThatWaitedLongerThanTheQueueDelayWithoutExecutingIt()
    {
        final BusinessLogicHandler handler = handler(recording);
        clock.update(1_000_000_000L);
        publishRequest("OLD", clock.nanoTime() - QUEUE_DELAY - 1);
        publishRequest("FRESH", clock.nanoTime() - QUEUE_DELAY);
        publish(CommandType.EXPIRE_HOLDS, "TICK");

        deliver(handler, 0, 3);

        assertThat(calls).containsExactly("execute FRESH", "execute TICK");
        assertThat(ring.get(0).shed).isTrue();
        assertThat(ring.get(0).command.responseCode).isEqualTo(ResponseCode.SWITCH_UNAVAILABLE);
        assertThat(ring.get(1).shed).isFalse();
        assertThat(ring.get(2).shed).isFalse();
        assertThat(metrics.shed()).isEqualTo(1);
        assertThat(metrics.answers(ResponseCode.SWITCH_UNAVAILABLE)).isEqualTo(1);
    }

    @Test
    void shouldCountTheAnswersOfRequestsButNotOfTheSwitchsOwnQueries()
    {
        final BusinessLogicHandler handler = handler(recording);
        clock.update(1_000_000_000L);
        publishRequest("REQUEST", clock.nanoTime());
        publishOwnQuery("SAMPLE");

        deliver(handler, 0, 2);

        assertThat(calls).containsExactly("execute REQUEST", "execute SAMPLE");
        assertThat(ring.get(1).command.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(metrics.answers(ResponseCode.APPROVED)).isEqualTo(1);
    }

    @Test
    void shouldAdmitAheadOfTheLastDecidedSequenceWhatItDecidesWithinTheAdmittedWait()
    {
        final BusinessLogicHandler handler = handler(recording);
        executionNanos = 1_000;
        long first = 0;
        for (int batch = 0; batch < AdmissionGate.WINDOW_EVENTS / ring.getBufferSize(); batch++)
        {
            for (int i = 0; i < ring.getBufferSize(); i++)
            {
                publish(CommandType.AUTHORIZE, "A");
            }
            deliver(handler, first, ring.getBufferSize());
            first += ring.getBufferSize();
        }

        final int limit = (int)(QUEUE_DELAY / 2 / executionNanos);
        assertThat(admission.limit()).isEqualTo(limit);
        assertThat(admission.admits(first - 1 + limit - 1)).isTrue();
        assertThat(admission.admits(first - 1 + limit)).isFalse();
    }

    private BusinessLogicHandler handler(final CommandProcessor processor)
    {
        return new BusinessLogicHandler(processor, metrics, ring, QUEUE_DELAY, clock, new FailStop(), admission);
    }

    /** A request from a gateway: it has somewhere to answer and the time it was received. */
    private void publishRequest(final String orderId, final long receivedNanos)
    {
        publishAnswered(CommandType.AUTHORIZE, orderId, receivedNanos);
    }

    /** A query of the switch's own: answered to a target, but with no receipt time (not a request). */
    private void publishOwnQuery(final String orderId)
    {
        publishAnswered(CommandType.GET_CAMPAIGNS, orderId, 0);
    }

    private void publishAnswered(final CommandType type, final String orderId, final long receivedNanos)
    {
        final long sequence = ring.next();
        final SwitchEvent event = ring.get(sequence);
        event.reset();
        event.command.type = type;
        event.command.orderId.set(orderId);
        event.replyTo = this;
        event.receivedNanos = receivedNanos;
        ring.publish(sequence);
    }

    private static String prefetchOf(final int first, final int count)
    {
        final StringBuilder names = new StringBuilder("prefetch");
        for (int i = first; i < first + count; i++)
        {
            names.append(" A").append(i);
        }
        return names.toString();
    }

    private void publish(final CommandType type, final String orderId)
    {
        final long sequence = ring.next();
        final SwitchEvent event = ring.get(sequence);
        event.reset();
        event.command.type = type;
        event.command.orderId.set(orderId);
        ring.publish(sequence);
    }

    /** What a BatchEventProcessor does for one batch. */
    private void deliver(final BusinessLogicHandler handler, final long first, final int size)
    {
        handler.onBatchStart(size, size);
        for (long sequence = first; sequence < first + size; sequence++)
        {
            handler.onEvent(ring.get(sequence), sequence, sequence == first + size - 1);
        }
    }
}
