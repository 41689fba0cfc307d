package org.payswitch.core.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventProcessorFactory;
import com.lmax.disruptor.dsl.ProducerType;
import org.agrona.concurrent.SystemNanoClock;
import org.payswitch.core.engine.CommandProcessor;
import org.payswitch.core.journal.Journal;

/**
 * The one wiring class of the switch's pipeline: a Disruptor ring that gateway threads publish
 * into, and three stages that every command passes in order:
 * <pre>
 *   publishers (Netty I/O threads, timers) --tryPublish--&gt; ring
 *     1. business logic  BusinessLogicHandler: the single writer (authorize, discount, lifecycle, operator)
 *     2. journal         JournalHandler: request + decision to Chronicle Queue, state-changing commands only
 *     3. reply           ReplyHandler: answers to the gateway's ReplySink, never before stage 2 wrote them
 * </pre>
 * {@link PipelineConfig.Layout#FUSED} (the default) runs the three on one thread, one event at a
 * time ({@link FusedStageHandler}); {@link PipelineConfig.Layout#STAGED} gives each its own thread,
 * chained. Either way a stage ends its batch after at most {@link PipelineConfig#MAX_BATCH} events,
 * so answers leave in bounded time however full the ring is. A full ring is answered at once
 * ({@link #tryPublish} returns false: the gateway says 91), never queued. {@link #shutdown()}
 * stops accepting, drains the ring (every published command executed, journaled and answered)
 * and closes the journal. A journal append or sync that fails stops the switch deciding
 * ({@link FailStop}): every answer from then on is 96, and {@link #isAccepting()} is false.
 */
public final class SwitchPipeline implements AutoCloseable
{
    /** Business logic, journal, reply: each counts itself started, on whichever thread it runs. */
    private static final int STAGES = 3;
    /** How often an idle forwarding stage lets its cluster client do its background work. */
    private static final long FORWARDER_POLL_MILLIS = 10;
    private static final System.Logger LOG = System.getLogger(SwitchPipeline.class.getName());
    /** Longest wait for the stage threads to run their loops at start. */
    private static final long START_TIMEOUT_SECONDS = 10;
    /** Longest wait for the ring to drain when closed without a timeout of the caller's. */
    private static final long CLOSE_DRAIN_TIMEOUT_MILLIS = 30_000;
    /**
     * The ring admits what the writer decides in half the queue delay: the other half is left for
     * the time a request spends in the kernel and on the I/O thread before it is published.
     */
    private static final long ADMITTED_SHARE_OF_QUEUE_DELAY = 2;

    /** Adapts a {@link SlotFiller} to the Disruptor's translator: one static instance, no allocation. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final EventTranslatorTwoArg<SwitchEvent, SlotFiller, Object> FILL =
        (slot, sequence, filler, source) -> filler.fill(slot, source);

    private final Disruptor<SwitchEvent> disruptor;
    private final RingBuffer<SwitchEvent> ring;
    /** The journal stage 2 writes; null on a cluster member's ring, whose service journals. */
    private final Journal journal;
    private final PipelineMetrics metrics;
    private final FailStop failStop = new FailStop();
    private final AdmissionGate admission;
    private final int stages;
    /** The answering stage of a cluster member's ring, null standalone. */
    private final ClusterAnswerHandler forwarding;
    private volatile boolean accepting;
    private volatile boolean started;

    /**
     * Wires the stages; call {@link #start()} to run them.
     *
     * @param executor    the engine, owned by stage 1 from now on
     * @param journal     the journal, owned by stage 2
     * @param sink        where stage 3 sends answers
     * @param config      ring size, layout and wait strategy
     * @param attachments creates the gateway's attachment of each slot (may return null)
     */
    public SwitchPipeline(
        final CommandProcessor executor,
        final Journal journal,
        final ReplySink sink,
        final PipelineConfig config,
        final Supplier<Object> attachments)
    {
        this.journal = journal;
        this.metrics = new PipelineMetrics();
        this.stages = STAGES;
        this.forwarding = null;
        final LastResortHandler lastResort = new LastResortHandler(metrics);
        disruptor = new Disruptor<>(() -> new SwitchEvent(attachments.get()), config.ringSize(),
            new StageThreads(StageThreads.names(config.layout())), ProducerType.MULTI, config.waiting().create());
        disruptor.setDefaultExceptionHandler(lastResort);
        ring = disruptor.getRingBuffer();
        admission = new AdmissionGate(config.maxQueueDelayNanos() / ADMITTED_SHARE_OF_QUEUE_DELAY, config.ringSize(),
            sequence -> ring.get(sequence).receivedNanos, SystemNanoClock.INSTANCE);
        final BusinessLogicHandler business = new BusinessLogicHandler(executor, metrics, ring,
            config.maxQueueDelayNanos(), SystemNanoClock.INSTANCE, failStop, admission);
        final JournalHandler journaling = new JournalHandler(journal, metrics, failStop, ring);
        final ReplyHandler reply = new ReplyHandler(sink, metrics);
        switch (config.layout())
        {
            case FUSED -> disruptor.handleEventsWith(
                stage(new FusedStageHandler(business, journaling, reply, ring, journal.syncsToDisk()), lastResort));
            case STAGED -> disruptor
                .handleEventsWith(stage(business, lastResort))
                .then(stage(journaling, lastResort))
                .then(stage(reply, lastResort));
        }
    }

    /**
     * A cluster member's ring: stage 1, on thread {@code switch-forward}, forwards each command to
     * the cluster ({@link ClusterForwardHandler}); stage 2, {@code switch-answer}, answers each in
     * ring order once the member's service has written the committed answer into its slot
     * ({@link ClusterAnswerHandler}). Nothing is executed or journaled on the ring: the service does
     * both, on every member, in the order of the cluster's log.
     *
     * @param forwarder   the cluster's client, owned by the stage from now on
     * @param sink        where the answers go
     * @param ringSize    slots: requests in flight before 91
     * @param stallNanos  once a sent command has waited this long, new requests are refused (91) until it is answered
     * @param attachments creates the gateway's attachment of each slot (may return null)
     */
    public static SwitchPipeline forwarding(
        final CommandForwarder forwarder, final ReplySink sink, final int ringSize, final long stallNanos,
        final Supplier<Object> attachments)
    {
        return new SwitchPipeline(forwarder, sink, ringSize, stallNanos, attachments);
    }

    private SwitchPipeline(
        final CommandForwarder forwarder, final ReplySink sink, final int ringSize, final long stallNanos,
        final Supplier<Object> attachments)
    {
        this.journal = null;
        this.metrics = new PipelineMetrics();
        this.stages = 2;
        final LastResortHandler lastResort = new LastResortHandler(metrics);
        disruptor = new Disruptor<>(() -> new SwitchEvent(attachments.get()), ringSize,
            new StageThreads(new String[] {"switch-forward", "switch-answer"}), ProducerType.MULTI,
            new LiteTimeoutBlockingWaitStrategy(FORWARDER_POLL_MILLIS, TimeUnit.MILLISECONDS));
        disruptor.setDefaultExceptionHandler(lastResort);
        ring = disruptor.getRingBuffer();
        admission = new AdmissionGate(PipelineConfig.DEFAULT_MAX_QUEUE_DELAY_NANOS, ringSize);
        forwarding = new ClusterAnswerHandler(new ReplyHandler(sink, metrics), metrics, stallNanos);
        disruptor.handleEventsWith(stage(new ClusterForwardHandler(forwarder, forwarding, ring, metrics), lastResort))
            .then(stage(forwarding, lastResort));
    }

    /**
     * Cluster mode, the member's service: the slot of {@code sequence}, for writing the answer of
     * the command forwarded from it once {@link SwitchEvent#claimAnswer} succeeds.
     */
    public SwitchEvent slot(final long sequence)
    {
        return ring.get(sequence);
    }

    /** A stage's processor: batches capped at {@link PipelineConfig#MAX_BATCH}, the last-resort handler set. */
    private static EventProcessorFactory<SwitchEvent> stage(
        final EventHandler<SwitchEvent> handler, final LastResortHandler lastResort)
    {
        return (ring, barrierSequences) ->
        {
            final BatchEventProcessor<SwitchEvent> processor = new BatchEventProcessorBuilder()
                .setMaxBatchSize(PipelineConfig.MAX_BATCH)
                .build(ring, ring.newBarrier(barrierSequences), handler);
            processor.setExceptionHandler(lastResort);
            return processor;
        };
    }

    /**
     * Starts the stages and begins accepting requests once all three stage threads run their
     * loops. Waiting matters: the Disruptor's drain at shutdown only waits for stages that are
     * running, so a shutdown right after a start would otherwise drop what was published.
     */
    public void start()
    {
        disruptor.start();
        started = true;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (metrics.stagesRunning() < stages)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("the pipeline's stages did not start within 10 s");
            }
            Thread.yield();
        }
        accepting = true;
    }

    /**
     * Publishes a command filled by {@code filler} from {@code source} (see {@link SlotFiller}).
     * Returns false, publishing nothing, when the switch is not accepting, when the ring already
     * holds what the writer can decide within half the queue delay ({@link AdmissionGate}), or
     * when it is full: the caller answers 91.
     */
    public <A> boolean tryPublish(final SlotFiller<A> filler, final A source)
    {
        if (!admitting() || !ring.tryPublishEvent(FILL, filler, source))
        {
            metrics.countRefused();
            return false;
        }
        return true;
    }

    /**
     * True when a request would be admitted now: the switch is accepting and the ring holds less
     * than the writer decides within half the queue delay ({@link AdmissionGate}). When false the
     * request is counted refused and the caller answers 91 without publishing it (nor running
     * the checks that come before publishing): past capacity, the I/O thread's cheapest path.
     * {@link #tryPublish} checks again, so a true here is a hint, not a reservation.
     */
    public boolean tryAdmit()
    {
        if (admitting())
        {
            return true;
        }
        metrics.countRefused();
        return false;
    }

    /**
     * Accepting, and a slot claimed now would be within the {@link AdmissionGate}'s limit; on a
     * cluster member, also not cut off from the cluster ({@link ClusterAnswerHandler#stalled()}).
     */
    private boolean admitting()
    {
        return accepting && admission.admits(ring.getCursor()) && (forwarding == null || !forwarding.stalled());
    }

    /**
     * Publishes a command of the switch's own (a snapshot marker at shutdown, say) even when
     * requests are no longer accepted; waits for a free slot. Not for requests.
     */
    public <A> void publishInternal(final SlotFiller<A> filler, final A source)
    {
        ring.publishEvent(FILL, filler, source);
    }

    /**
     * Publishes a query of the switch's own (the operations page's sampling, say) when a slot is
     * free now; false, publishing nothing and counting nothing, when the ring is full or requests are
     * no longer accepted. Neither waits nor goes through the admission gate: it is not a request.
     */
    public <A> boolean tryPublishOwn(final SlotFiller<A> filler, final A source)
    {
        return accepting && ring.tryPublishEvent(FILL, filler, source);
    }

    /** Stops accepting requests ({@link #tryPublish} refuses); what is in the ring is still processed. */
    public void stopAccepting()
    {
        accepting = false;
        if (forwarding != null)
        {
            forwarding.stopping();
        }
    }

    /**
     * True while requests are accepted and decided: started, not shutting down, journal healthy.
     * After a journal failure requests are still taken, and answered 96 ({@link #failedStop()}).
     */
    public boolean isAccepting()
    {
        return accepting && !failStop.tripped();
    }

    /**
     * True once a journal append or sync failed: from then on every request is answered 96 and
     * nothing is executed, until the switch is restarted (docs/journal.md, "Fail-stop").
     */
    public boolean failedStop()
    {
        return failStop.tripped();
    }

    /** The counters of the stages. */
    public PipelineMetrics metrics()
    {
        return metrics;
    }

    /** Slots in use: published but not yet answered. */
    public long occupancy()
    {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    /**
     * The slots admitted ahead of the writer: what it decides within half the queue delay at the
     * service time it last measured (the ring's size until it has measured).
     */
    public int admissionLimit()
    {
        return admission.limit();
    }

    /** Number of slots. */
    public int ringSize()
    {
        return ring.getBufferSize();
    }

    /**
     * Stops accepting, waits until every published command is executed, journaled and answered
     * (up to {@code timeoutMillis}), then stops the stages and closes the journal. Returns false
     * when the ring did not drain in time.
     */
    public boolean shutdown(final long timeoutMillis)
    {
        stopAccepting();
        boolean drained = true;
        if (started)
        {
            try
            {
                disruptor.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            catch (final TimeoutException e)
            {
                drained = false;
                if (forwarding != null)
                {
                    forwarding.halt();
                }
                disruptor.halt();
            }
            started = false;
        }
        try
        {
            if (journal != null)
            {
                journal.close();
            }
        }
        catch (final Throwable e)
        {
            LOG.log(System.Logger.Level.ERROR, "closing the journal failed (" + e + ")");
        }
        return drained;
    }

    @Override
    public void close()
    {
        shutdown(CLOSE_DRAIN_TIMEOUT_MILLIS);
    }
}
