package org.payswitch.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cluster member's ring ({@link SwitchPipeline#forwarding}, {@link ClusterForwardHandler}): each
 * request is forwarded, then answered in publish order once a service thread has claimed its slot
 * for the very sequence forwarded and written the answer ({@link SwitchEvent#claimAnswer},
 * {@link SwitchEvent#answered}). A request the cluster does not take is answered 91 at once, and
 * its slot refuses a claim. A request the cluster took is waited for until its real answer comes:
 * sent again when the leader changes and every {@link ClusterForwardHandler#RESEND_MILLIS} ms, and
 * while it waits past the stall limit new requests are refused at the door. A slot refuses the
 * claim of a copy already answered and of a request of an earlier lap. Answers to requests are
 * counted in the metrics, the switch's own commands are not. The stage polls its client while
 * idle, closes it at shutdown, and stops even when the ring did not drain.
 */
class ClusterForwardingTest
{
    private static final long WAIT_SECONDS = 10;
    private static final long LONG_STALL_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long SHORT_STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Object CALLER = new Object();

    /** A gateway's request: its type, somewhere to answer (its publish order the token), and when it was received. */
    private static final SlotFiller<Request> REQUEST = (event, request) ->
    {
        event.reset();
        event.command.type = request.type();
        event.replyTo = CALLER;
        event.replyToken = request.token();
        event.receivedNanos = System.nanoTime();
    };

    /** A command of the switch's own: no one to answer, no receipt time. */
    private static final SlotFiller<CommandType> OWN = (event, type) ->
    {
        event.reset();
        event.command.type = type;
    };

    private final Answers answers = new Answers();
    private final Service service = new Service();
    private long published;
    private SwitchPipeline pipeline;

    @AfterEach
    void stop() throws InterruptedException
    {
        if (pipeline != null)
        {
            assertThat(pipeline.shutdown(5_000)).as("the ring drained").isTrue();
        }
        service.stop();
    }

    @Test
    void shouldAnswerEveryRequestInPublishOrderOnceTheServiceAnswersIt() throws InterruptedException
    {
        final int requests = 2_000;
        final Forwarder forwarder = new Forwarder(service::take);
        start(forwarder, 256, LONG_STALL_NANOS);

        for (int i = 0; i < requests; i++)
        {
            publish(i % 2 == 0 ? CommandType.AUTHORIZE : CommandType.GET_TRANSACTION);
        }

        assertThat(answers.await(requests)).isTrue();
        assertThat(answers.codes()).hasSize(requests).containsOnly(ResponseCode.APPROVED);
        assertThat(answers.tokens()).as("answered in publish order").isEqualTo(LongStream.range(0, requests).boxed().toList());
        assertThat(forwarder.forwards.get()).isEqualTo(requests);
        assertThat(service.claimed.get()).isEqualTo(requests);
        assertThat(pipeline.metrics().answers(ResponseCode.APPROVED)).isEqualTo(requests);
        assertThat(pipeline.metrics().exceptions()).isZero();
    }

    @Test
    void shouldAnswer91AtOnceWhenTheClusterDoesNotTakeTheRequestAndRefuseALateClaim() throws InterruptedException
    {
        final BlockingQueue<Long> refused = new LinkedBlockingQueue<>();
        final Forwarder forwarder = new Forwarder(sequence -> !refused.add(sequence));
        start(forwarder, 16, LONG_STALL_NANOS);

        publish(CommandType.AUTHORIZE);
        publish(CommandType.CAPTURE);

        assertThat(answers.await(2)).as("answered without waiting").isTrue();
        assertThat(answers.codes()).containsExactly(ResponseCode.SWITCH_UNAVAILABLE, ResponseCode.SWITCH_UNAVAILABLE);
        assertThat(pipeline.metrics().answers(ResponseCode.SWITCH_UNAVAILABLE)).isEqualTo(2);
        final long sequence = refused.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(pipeline.slot(sequence).claimAnswer(sequence)).as("a claim of a command never sent").isFalse();
    }

    @Test
    void shouldAnswerTheRequestsTheClusterTakesBesideThoseItDoesNot() throws InterruptedException
    {
        final Forwarder forwarder = new Forwarder(sequence -> sequence % 3 != 1 && service.take(sequence));
        start(forwarder, 64, LONG_STALL_NANOS);

        for (int i = 0; i < 30; i++)
        {
            publish(CommandType.AUTHORIZE);
        }

        assertThat(answers.await(30)).isTrue();
        for (int i = 0; i < 30; i++)
        {
            assertThat(answers.codes().get(i)).as("request %d", i)
                .isEqualTo(i % 3 == 1 ? ResponseCode.SWITCH_UNAVAILABLE : ResponseCode.APPROVED);
        }
        assertThat(answers.tokens()).isSorted();
        assertThat(pipeline.metrics().answers(ResponseCode.APPROVED)).isEqualTo(20);
        assertThat(pipeline.metrics().answers(ResponseCode.SWITCH_UNAVAILABLE)).isEqualTo(10);
    }

    @Test
    void shouldSendAgainWhenTheLeaderChangesAndAnswerWithTheRealOutcome() throws InterruptedException
    {
        final BlockingQueue<Long> lost = new LinkedBlockingQueue<>();
        final Forwarder forwarder = new Forwarder(sequence -> lost.add(sequence));
        start(forwarder, 16, LONG_STALL_NANOS);

        publish(CommandType.AUTHORIZE);
        final long sequence = lost.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        forwarder.forwarding.set(service::take);
        forwarder.leadership.incrementAndGet();

        assertThat(answers.await(1)).isTrue();
        assertThat(answers.codes()).as("not 91: the command's own outcome").containsExactly(ResponseCode.APPROVED);
        assertThat(forwarder.forwardsOf(sequence)).isGreaterThanOrEqualTo(2);
        assertThat(pipeline.slot(sequence).claimAnswer(sequence)).as("a copy of the answered command").isFalse();
    }

    /**
     * The service executes a run's slot only above the highest it executed, so after a leader change
     * nothing new may go before the waiting commands are sent again: a newer one committed first would
     * make the service skip the older for good (a member stuck until restarted, found by ClusterIT).
     */
    @Test
    void shouldSendNothingNewAfterALeaderChangeBeforeTheWaitingCommandsAreSentAgain() throws InterruptedException
    {
        final BlockingQueue<Long> lost = new LinkedBlockingQueue<>();
        final Forwarder forwarder = new Forwarder(sequence -> lost.add(sequence));
        start(forwarder, 16, LONG_STALL_NANOS);
        publish(CommandType.AUTHORIZE);
        final long waiting = lost.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        forwarder.forwarding.set(sequence -> false);
        forwarder.leadership.incrementAndGet();

        publish(CommandType.AUTHORIZE);
        final long newer = waiting + 1;
        assertThat(awaitCondition(() -> pipeline.slot(newer).command.responseCode == ResponseCode.SWITCH_UNAVAILABLE))
            .as("the newer one refused while the waiting one is not sent again").isTrue();
        forwarder.forwarding.set(service::take);

        assertThat(answers.await(2)).isTrue();
        assertThat(answers.codes()).as("the waiting one's own outcome; the newer one not sent")
            .containsExactly(ResponseCode.APPROVED, ResponseCode.SWITCH_UNAVAILABLE);
        assertThat(forwarder.forwardsOf(newer)).isZero();
    }

    @Test
    void shouldSendAgainWhileTheAnswerDoesNotComeWithoutALeaderChange() throws InterruptedException
    {
        final BlockingQueue<Long> lost = new LinkedBlockingQueue<>();
        final Forwarder forwarder = new Forwarder(sequence -> lost.add(sequence));
        start(forwarder, 16, LONG_STALL_NANOS);

        publish(CommandType.REFUND);
        final long sequence = lost.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        forwarder.forwarding.set(service::take);

        assertThat(answers.await(1)).isTrue();
        assertThat(answers.codes()).containsExactly(ResponseCode.APPROVED);
        assertThat(forwarder.forwardsOf(sequence)).as("sent again").isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldAnswerACopySentAgainOnlyOnce() throws InterruptedException
    {
        final BlockingQueue<Long> held = new LinkedBlockingQueue<>();
        final Forwarder forwarder = new Forwarder(sequence -> held.add(sequence));
        start(forwarder, 16, LONG_STALL_NANOS);

        publish(CommandType.AUTHORIZE);
        final long sequence = held.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        forwarder.leadership.incrementAndGet();
        assertThat(held.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("sent again").isEqualTo(sequence);
        service.take(sequence);
        service.take(sequence);

        assertThat(answers.await(1)).isTrue();
        assertThat(awaitCondition(() -> service.refused.get() == 1)).as("the second copy's claim refused").isTrue();
        assertThat(service.claimed.get()).isEqualTo(1);
        assertThat(answers.codes()).containsExactly(ResponseCode.APPROVED);
    }

    @Test
    void shouldRefuseNewRequestsWhileASentOneWaitsPastTheStallLimitAndTakeThemOnceItIsAnswered()
        throws InterruptedException
    {
        final BlockingQueue<Long> held = new LinkedBlockingQueue<>();
        final Forwarder forwarder = new Forwarder(sequence -> held.add(sequence));
        start(forwarder, 16, SHORT_STALL_NANOS);

        publish(CommandType.AUTHORIZE);
        final long sequence = held.poll(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(awaitCondition(() -> !pipeline.tryAdmit())).as("refused at the door once stalled").isTrue();
        assertThat(pipeline.tryPublish(REQUEST, new Request(CommandType.AUTHORIZE, -1))).isFalse();
        assertThat(pipeline.metrics().refused()).isGreaterThanOrEqualTo(2);
        assertThat(answers.codes()).as("the stalled request is not answered 91").isEmpty();

        service.take(sequence);
        assertThat(answers.await(1)).isTrue();
        assertThat(awaitCondition(() -> pipeline.tryAdmit())).as("admitted again once answered").isTrue();
        forwarder.forwarding.set(service::take);
        publish(CommandType.CAPTURE);

        assertThat(answers.await(2)).isTrue();
        assertThat(answers.codes()).containsExactly(ResponseCode.APPROVED, ResponseCode.APPROVED);
    }

    @Test
    void shouldNotLetAnAnswerOfAnEarlierLapIntoTheSlot() throws InterruptedException
    {
        final Forwarder forwarder = new Forwarder(service::take);
        start(forwarder, 4, LONG_STALL_NANOS);

        for (int i = 0; i < 9; i++)
        {
            publish(CommandType.AUTHORIZE);
        }
        assertThat(answers.await(9)).isTrue();

        assertThat(pipeline.slot(0).claimAnswer(0)).as("the answer to a request of an earlier lap").isFalse();
        assertThat(pipeline.slot(4).claimAnswer(4)).as("the answer to a request of an earlier lap").isFalse();
        assertThat(pipeline.slot(8).claimAnswer(8)).as("a copy of an answered request").isFalse();
        assertThat(answers.codes()).hasSize(9).containsOnly(ResponseCode.APPROVED);
    }

    @Test
    void shouldCountTheAnswersOfRequestsOnlyNotTheSwitchsOwnCommands() throws InterruptedException
    {
        final Forwarder forwarder = new Forwarder(service::take);
        start(forwarder, 16, LONG_STALL_NANOS);

        publish(CommandType.AUTHORIZE);
        pipeline.publishInternal(OWN, CommandType.EXPIRE_HOLDS);
        publish(CommandType.GET_TRANSACTION);
        pipeline.publishInternal(OWN, CommandType.EXPIRE_HOLDS);

        assertThat(answers.await(4)).isTrue();
        assertThat(pipeline.shutdown(5_000)).isTrue();
        final PipelineMetrics metrics = pipeline.metrics();
        pipeline = null;

        assertThat(answers.codes()).containsExactly(ResponseCode.APPROVED, ResponseCode.APPROVED, ResponseCode.APPROVED,
            ResponseCode.APPROVED);
        assertThat(metrics.answers(ResponseCode.APPROVED)).as("answers to requests").isEqualTo(2);
        assertThat(metrics.latencySinceStart().getTotalCount()).as("latencies of requests").isEqualTo(2);
    }

    @Test
    void shouldLetTheClientPollWhileIdleAndCloseItAtShutdown() throws InterruptedException
    {
        final Forwarder forwarder = new Forwarder(service::take);
        start(forwarder, 16, LONG_STALL_NANOS);

        assertThat(awaitCondition(() -> forwarder.polls.get() >= 3)).as("polled while the ring is empty").isTrue();
        assertThat(pipeline.shutdown(5_000)).isTrue();
        pipeline = null;
        assertThat(awaitCondition(forwarder.closed::get)).as("closed").isTrue();
    }

    @Test
    void shouldStopTheStageWhenTheRingDoesNotDrainInTime() throws InterruptedException
    {
        final BlockingQueue<Long> held = new LinkedBlockingQueue<>();
        final Forwarder forwarder = new Forwarder(sequence -> held.add(sequence));
        start(forwarder, 16, LONG_STALL_NANOS);
        publish(CommandType.AUTHORIZE);
        final long sequence = held.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        final Thread stage = forwarder.thread.get();

        final boolean drained = pipeline.shutdown(300);
        final boolean stopped = awaitCondition(() -> !stage.isAlive(), 2_000);
        pipeline = null;
        service.take(sequence);
        stage.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        assertThat(drained).as("a command the cluster never answers").isFalse();
        assertThat(stopped).as("the stage's thread (non-daemon) stopped after the drain timed out").isTrue();
    }

    private void start(final Forwarder forwarder, final int ringSize, final long stallNanos)
    {
        pipeline = SwitchPipeline.forwarding(forwarder, answers, ringSize, stallNanos, () -> null);
        service.start(pipeline);
        pipeline.start();
    }

    private void publish(final CommandType type)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        final Request request = new Request(type, published++);
        while (!pipeline.tryPublish(REQUEST, request))
        {
            assertThat(System.nanoTime()).as("a free slot within %d s", WAIT_SECONDS).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static boolean awaitCondition(final BooleanSupplier condition) throws InterruptedException
    {
        return awaitCondition(condition, TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    private static boolean awaitCondition(final BooleanSupplier condition, final long millis) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(1);
        }
        return true;
    }

    /** What the gateway publishes: the request's type and its place in publish order. */
    private record Request(CommandType type, long token)
    {
    }

    /** What a forward does with the slot's sequence; false when the cluster does not take it. */
    @FunctionalInterface
    private interface Forwarding
    {
        boolean forward(long sequence);
    }

    /** The stage's cluster client, on the stage's thread: each forward as the test says at the time. */
    private static final class Forwarder implements CommandForwarder
    {
        private final AtomicReference<Forwarding> forwarding;
        private final AtomicLong forwards = new AtomicLong();
        private final Map<Long, AtomicInteger> forwardsBySequence = new ConcurrentHashMap<>();
        private final AtomicLong polls = new AtomicLong();
        private final AtomicLong leadership = new AtomicLong();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicReference<Thread> thread = new AtomicReference<>();

        Forwarder(final Forwarding forwarding)
        {
            this.forwarding = new AtomicReference<>(forwarding);
        }

        int forwardsOf(final long sequence)
        {
            return forwardsBySequence.getOrDefault(sequence, new AtomicInteger()).get();
        }

        @Override
        public boolean forward(final SwitchEvent event, final long sequence)
        {
            thread.set(Thread.currentThread());
            forwards.incrementAndGet();
            forwardsBySequence.computeIfAbsent(sequence, s -> new AtomicInteger()).incrementAndGet();
            return forwarding.get().forward(sequence);
        }

        @Override
        public long leadership()
        {
            return leadership.get();
        }

        @Override
        public int poll()
        {
            polls.incrementAndGet();
            return 0;
        }

        @Override
        public void close()
        {
            closed.set(true);
        }
    }

    /** The member's service: on its own thread, claims each slot it is given for its sequence and answers it 00. */
    private static final class Service
    {
        private static final Long STOP = Long.MIN_VALUE;
        private final BlockingQueue<Long> log = new LinkedBlockingQueue<>();
        private final AtomicLong claimed = new AtomicLong();
        private final AtomicLong refused = new AtomicLong();
        private Thread thread;

        /** The cluster takes the command: the service will answer it. */
        boolean take(final long sequence)
        {
            return log.add(sequence);
        }

        void start(final SwitchPipeline pipeline)
        {
            thread = new Thread(() -> run(pipeline), "test-cluster-service");
            thread.start();
        }

        private void run(final SwitchPipeline pipeline)
        {
            try
            {
                for (Long sequence = log.take(); !sequence.equals(STOP); sequence = log.take())
                {
                    final SwitchEvent slot = pipeline.slot(sequence);
                    if (slot.claimAnswer(sequence))
                    {
                        slot.command.clearAnswer();
                        slot.command.responseCode = ResponseCode.APPROVED;
                        claimed.incrementAndGet();
                        slot.answered();
                    }
                    else
                    {
                        refused.incrementAndGet();
                    }
                }
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }

        void stop() throws InterruptedException
        {
            if (thread != null)
            {
                log.add(STOP);
                thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
                assertThat(thread.isAlive()).isFalse();
            }
        }
    }

    /** The gateway's sink: every answer's code and token, in the order given. */
    private static final class Answers implements ReplySink
    {
        private final List<ResponseCode> codes = new ArrayList<>();
        private final List<Long> tokens = new ArrayList<>();

        @Override
        public synchronized void reply(final SwitchEvent event, final boolean endOfBatch)
        {
            codes.add(event.command.responseCode);
            tokens.add(event.replyToken);
            notifyAll();
        }

        synchronized boolean await(final int expected) throws InterruptedException
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (codes.size() < expected)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        synchronized List<ResponseCode> codes()
        {
            return List.copyOf(codes);
        }

        synchronized List<Long> tokens()
        {
            return List.copyOf(tokens);
        }
    }
}
