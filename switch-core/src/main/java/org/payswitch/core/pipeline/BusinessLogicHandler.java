package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.NanoClock;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandProcessor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Stage 1, the single writer: executes each command on the engine. A request that waited in the
 * ring longer than the pipeline's queue delay (measured from its receipt to the start of the
 * batch that holds it) is not executed: it is answered 91 and not journaled, as a full ring would
 * have answered it, so past capacity the switch refuses at once instead of answering late. The
 * clock is the gateway's ({@code System.nanoTime()}, the receipt stamps' clock), read once a
 * batch; it decides only whether a request is executed, never what the engine decides.
 *
 * <p>An exception is a bug: the command is answered 96, counted, logged once with context (PAN
 * masked), and the switch goes on. The command is still journaled (marked failed) so a replay
 * meets the same state. Answers to requests ({@link SwitchEvent#isRequest()}) are counted by
 * response code; the switch's own commands are not.
 *
 * <p>Once the journal has failed ({@link FailStop}) nothing more is executed: every command is
 * answered 96 as it comes, so no answer is decided from state the journal does not hold.
 *
 * <p>At the end of each batch it tells the {@link AdmissionGate} how long the batch kept it busy,
 * so that publishers admit only what it can decide within the admitted wait.
 *
 * <p>Before deciding the authorizations of a batch the Disruptor hands over, it lets the
 * processor prefetch up to {@value #PREFETCH} of them at a time (read-only: their slots are
 * published, and this stage is their first reader), so the cache misses of a burst overlap
 * instead of queueing one behind the other (docs/pipeline.md gives the measurement).
 */
final class BusinessLogicHandler implements EventHandler<SwitchEvent>
{
    private static final System.Logger LOG = System.getLogger(BusinessLogicHandler.class.getName());

    static final int PREFETCH = 32;

    private final CommandProcessor executor;
    private final PipelineMetrics metrics;
    private final RingBuffer<SwitchEvent> ring;
    private final long maxQueueDelayNanos;
    private final NanoClock clock;
    private final FailStop failStop;
    private final AdmissionGate admission;
    private long batchStartNanos;
    private long batchSize;
    private final SwitchCommand[] ahead = new SwitchCommand[PREFETCH];
    private long nextSequence;
    private long batchEnd;
    private long prefetchedUpTo;
    private boolean prefetching = true;

    BusinessLogicHandler(
        final CommandProcessor executor, final PipelineMetrics metrics, final RingBuffer<SwitchEvent> ring,
        final long maxQueueDelayNanos, final NanoClock clock, final FailStop failStop, final AdmissionGate admission)
    {
        this.admission = admission;
        this.failStop = failStop;
        this.executor = executor;
        this.metrics = metrics;
        this.ring = ring;
        this.maxQueueDelayNanos = maxQueueDelayNanos;
        this.clock = clock;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        batchEnd = nextSequence + batchSize;
        this.batchSize = batchSize;
        batchStartNanos = clock.nanoTime();
    }

    @Override
    public void onStart()
    {
        metrics.countStageStarted();
    }

    @Override
    public void onEvent(final SwitchEvent event, final long sequence, final boolean endOfBatch)
    {
        decide(event, sequence);
        if (endOfBatch)
        {
            batchEnded(sequence);
        }
    }

    /**
     * The end of the batch that {@code lastSequence} closes, called once every stage that shares
     * this thread is done with it: its busy time goes to the {@link AdmissionGate}.
     */
    void batchEnded(final long lastSequence)
    {
        admission.batchEnded(batchSize, clock.nanoTime() - batchStartNanos, lastSequence);
    }

    /** Executes one command (or refuses it: fail-stop, waited too long). */
    void decide(final SwitchEvent event, final long sequence)
    {
        final SwitchCommand command = event.command;
        nextSequence = sequence + 1;
        if (failStop.tripped())
        {
            command.clearAnswer();
            command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
            if (event.isRequest())
            {
                metrics.countAnswer(command.responseCode);
            }
            return;
        }
        if (waitedTooLong(event))
        {
            shed(event, command);
            return;
        }
        if (prefetching && sequence >= prefetchedUpTo && batchEnd - sequence > 1)
        {
            prefetchFrom(sequence);
        }
        try
        {
            executor.execute(command);
        }
        catch (final RuntimeException | StackOverflowError e)
        {
            event.failed = true;
            command.clearAnswer();
            command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
            metrics.countException();
            LOG.log(System.Logger.Level.ERROR, () -> "command failed: type=" + command.type + " pan=" +
                Pan.mask(command.pan, command.panLength) + " merchantId=" + command.merchantId + " orderId=" +
                command.orderId + " transactionId=" + command.transactionId, e);
        }
        if (event.isRequest())
        {
            metrics.countAnswer(command.responseCode);
        }
    }

    /** A gateway's request that waited past the queue delay. */
    private boolean waitedTooLong(final SwitchEvent event)
    {
        return event.isRequest() && batchStartNanos - event.receivedNanos > maxQueueDelayNanos;
    }

    /** Refuses a request that waited too long: 91, nothing executed, nothing journaled. */
    private void shed(final SwitchEvent event, final SwitchCommand command)
    {
        event.shed = true;
        command.clearAnswer();
        command.responseCode = ResponseCode.SWITCH_UNAVAILABLE;
        metrics.countShed();
        metrics.countAnswer(command.responseCode);
    }

    /** Hands the processor the authorizations among the next {@value #PREFETCH} published slots. */
    private void prefetchFrom(final long from)
    {
        final long to = Math.min(batchEnd, from + PREFETCH);
        int count = 0;
        for (long sequence = from; sequence < to; sequence++)
        {
            final SwitchCommand upcoming = ring.get(sequence).command;
            if (upcoming.type == CommandType.AUTHORIZE)
            {
                ahead[count++] = upcoming;
            }
        }
        prefetchedUpTo = to;
        if (count > 1)
        {
            try
            {
                executor.prefetch(ahead, count);
            }
            catch (final RuntimeException e)
            {
                prefetching = false;
                LOG.log(System.Logger.Level.ERROR, "prefetch failed; it changes nothing, so commands go on " +
                    "being executed, without prefetching from now on", e);
            }
        }
    }
}
