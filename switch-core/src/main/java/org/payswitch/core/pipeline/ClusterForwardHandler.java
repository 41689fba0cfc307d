package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.payswitch.core.domain.ResponseCode;

/**
 * The one stage of a cluster member's ring: forwards each command to the cluster
 * ({@link CommandForwarder}), then, at the end of the batch, waits for the batch's answers, which
 * the member's service writes into the slots once the cluster has committed and executed them
 * (journaled too, in the member's audit journal), and hands them to the {@link ReplySink} in ring
 * order. The slots stay claimed while they wait, so the gateway's attachments (an ISO 8583
 * request's echo fields) are still there to answer with.
 *
 * <p>Every answer is the command's real outcome; none is guessed. A command the cluster does not
 * take (no leader during an election) was never sent: it is answered 91, truthfully "nothing was
 * applied". A command that was sent is waited for until its answer comes, however long: when the
 * leader changes, or every {@value #RESEND_MILLIS} ms without answers, the commands still
 * unanswered are sent again, which is safe because the service executes each (run, slot) once
 * and skips a copy it already executed. While the oldest command has waited longer than
 * {@code stallNanos} (no majority: the member is cut off), the ring refuses new requests at the
 * door with 91 ({@link #stalled()}), so what is refused was never sent.
 */
final class ClusterForwardHandler implements EventHandler<SwitchEvent>
{
    /** Unanswered commands are sent again this often, and at once when the leader changes. */
    static final long RESEND_MILLIS = 1_000;
    private static final long RESEND_NANOS = RESEND_MILLIS * 1_000_000;

    private final CommandForwarder forwarder;
    private final ReplyHandler reply;
    private final PipelineMetrics metrics;
    private final RingBuffer<SwitchEvent> ring;
    private final long stallNanos;
    private final IdleStrategy idle = new BackoffIdleStrategy(100, 10, 1_000, 100_000);
    private long batchStart = -1;
    private volatile boolean stalled;
    private volatile boolean halted;
    private volatile boolean stopping;

    ClusterForwardHandler(
        final CommandForwarder forwarder, final ReplyHandler reply, final PipelineMetrics metrics,
        final RingBuffer<SwitchEvent> ring, final long stallNanos)
    {
        this.forwarder = forwarder;
        this.reply = reply;
        this.metrics = metrics;
        this.ring = ring;
        this.stallNanos = stallNanos;
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
    public void onShutdown()
    {
        forwarder.close();
    }

    @Override
    public void onEvent(final SwitchEvent event, final long sequence, final boolean endOfBatch)
    {
        if (batchStart < 0)
        {
            batchStart = sequence;
        }
        event.awaitAnswer(sequence);
        if (!forwarder.forward(event, sequence) && event.giveUp(sequence))
        {
            event.command.clearAnswer();
            event.command.responseCode = ResponseCode.SWITCH_UNAVAILABLE;
        }
        if (endOfBatch)
        {
            answerBatch(batchStart, sequence);
            batchStart = -1;
        }
    }

    /** Nothing in the ring for a while: the cluster client still needs its heartbeats. */
    @Override
    public void onTimeout(final long sequence)
    {
        forwarder.poll();
    }

    /** Waits for each answer of the batch in ring order, sending again what the cluster may have lost, then sends it. */
    private void answerBatch(final long first, final long last)
    {
        final long started = System.nanoTime();
        long leadership = forwarder.leadership();
        long nextResend = started + RESEND_NANOS;
        for (long sequence = first; sequence <= last; sequence++)
        {
            final SwitchEvent event = ring.get(sequence);
            idle.reset();
            while (!event.settled())
            {
                if (halted)
                {
                    return;
                }
                if (stopping && !event.isRequest() && event.giveUp(sequence))
                {
                    event.command.clearAnswer();
                    event.command.responseCode = ResponseCode.SWITCH_UNAVAILABLE;
                    break;
                }
                final long now = System.nanoTime();
                if (forwarder.leadership() != leadership || now > nextResend)
                {
                    leadership = forwarder.leadership();
                    nextResend = now + RESEND_NANOS;
                    resend(sequence, last);
                }
                if (!stalled && now - started > stallNanos)
                {
                    stalled = true;
                }
                idle.idle(forwarder.poll());
            }
            if (event.isRequest())
            {
                metrics.countAnswer(event.command.responseCode);
            }
            reply.onEvent(event, sequence, sequence == last);
        }
        stalled = false;
    }

    /** Sends again the commands from {@code from} to {@code last} that still await their answers. */
    private void resend(final long from, final long last)
    {
        for (long sequence = from; sequence <= last; sequence++)
        {
            final SwitchEvent event = ring.get(sequence);
            if (event.awaits(sequence) && !forwarder.forward(event, sequence))
            {
                return;
            }
        }
    }
}
