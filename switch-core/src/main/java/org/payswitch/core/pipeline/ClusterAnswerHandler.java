package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.payswitch.core.domain.ResponseCode;

/**
 * Stage 2 of a cluster member's ring: waits, in ring order, for each forwarded command's answer,
 * which the member's service writes into the slot once the cluster has committed and executed the
 * command (journaled too, in the member's audit journal), then hands it to the {@link ReplySink}.
 * The slots stay claimed while they wait, so the gateway's attachments (an ISO 8583 request's echo
 * fields) are still there to answer with.
 *
 * <p>Every answer is the command's real outcome; none is guessed. A command that was sent is waited
 * for until its answer comes, however long (stage 1 sends it again if the cluster lost it). While
 * the oldest has waited longer than {@code stallNanos} (no majority: the member is cut off), the
 * ring refuses new requests at the door with 91 ({@link #stalled()}), so what is refused was never sent.
 */
final class ClusterAnswerHandler implements EventHandler<SwitchEvent>
{
    private static final System.Logger LOG = System.getLogger(ClusterAnswerHandler.class.getName());

    private final ReplyHandler reply;
    private final PipelineMetrics metrics;
    private final long stallNanos;
    private final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 100_000);
    private volatile long answeredUpTo = -1;
    private volatile boolean stalled;
    private volatile boolean halted;
    private volatile boolean stopping;

    ClusterAnswerHandler(final ReplyHandler reply, final PipelineMetrics metrics, final long stallNanos)
    {
        this.reply = reply;
        this.metrics = metrics;
        this.stallNanos = stallNanos;
    }

    /** The last slot answered, for stage 1's copies of what still waits. */
    long answeredUpTo()
    {
        return answeredUpTo;
    }

    /** True while a sent command has waited longer than the stall limit: new requests are refused at the door. */
    boolean stalled()
    {
        return stalled;
    }

    /**
     * The switch is stopping: its own commands still waiting (a tick, the operations page's query)
     * are not waited for any more, so a member that stops last, with no majority left to commit
     * them, still drains; requests are waited for as before.
     */
    void stopping()
    {
        stopping = true;
    }

    /**
     * The ring did not drain at shutdown: stops waiting for answers, which will not come before the
     * process ends; the requests still waiting get none (their connections close with the switch).
     */
    void halt()
    {
        halted = true;
    }

    @Override
    public void onStart()
    {
        metrics.countStageStarted();
    }

    @Override
    public void onEvent(final SwitchEvent event, final long sequence, final boolean endOfBatch)
    {
        if (!awaitAnswer(event, sequence))
        {
            return;
        }
        if (event.isRequest())
        {
            metrics.countAnswer(event.command.responseCode);
        }
        reply.onEvent(event, sequence, endOfBatch);
        answeredUpTo = sequence;
    }

    /** Waits until the slot's answer is in; false when halted. */
    private boolean awaitAnswer(final SwitchEvent event, final long sequence)
    {
        final long started = System.nanoTime();
        idle.reset();
        while (!event.settled())
        {
            if (halted)
            {
                return false;
            }
            if (stopping && !event.isRequest() && event.giveUp(sequence))
            {
                event.command.clearAnswer();
                event.command.responseCode = ResponseCode.SWITCH_UNAVAILABLE;
                break;
            }
            if (!stalled && System.nanoTime() - started > stallNanos)
            {
                stalled = true;
                LOG.log(System.Logger.Level.WARNING, () -> "no answer from the cluster for " + stallNanos / 1_000_000 +
                    " ms: cut off from its majority; refusing new requests (91) until the waiting ones are answered");
            }
            idle.idle();
        }
        if (stalled)
        {
            stalled = false;
            LOG.log(System.Logger.Level.INFO, "the cluster answers again: taking new requests");
        }
        return true;
    }
}
