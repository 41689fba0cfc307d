package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import org.payswitch.core.domain.ResponseCode;

/**
 * Stage 1 of a cluster member's ring: forwards each command to the cluster
 * ({@link CommandForwarder}) and moves on without waiting; stage 2 ({@link ClusterAnswerHandler})
 * waits for the answers in ring order. So many batches are in the cluster at once, as many as the
 * ring holds: the cluster's round trip is paid once per burst, not once per batch.
 *
 * <p>It is the only user of the cluster's client: it also lets it do its background work (after
 * each batch, and every few milliseconds while the ring is idle) and sends again what the cluster
 * may have lost. When the leader (or the client's session) changes, and whenever stage 2 has seen
 * no answer for {@value #RESEND_MILLIS} ms while commands wait, it sends the waiting commands
 * again, oldest first, and sends no new command before all of them are sent: the service executes
 * a (run, slot) only above the highest slot of that run it executed, so a newer command committed
 * first would make it skip an older one for good. The copies are safe for the same reason: a copy
 * of a command already executed is skipped. A command the cluster does not take (no leader during
 * an election, or copies still to send) is not sent: it is answered 91, truthfully "nothing was applied".
 */
final class ClusterForwardHandler implements EventHandler<SwitchEvent>
{
    /** Waiting commands are sent again after this long without an answer, and at once when the leader changes. */
    static final long RESEND_MILLIS = 1_000;
    private static final long RESEND_NANOS = RESEND_MILLIS * 1_000_000;

    private final CommandForwarder forwarder;
    private final ClusterAnswerHandler answers;
    private final RingBuffer<SwitchEvent> ring;
    private final PipelineMetrics metrics;
    private long lastForwarded = -1;
    private long leadership;
    private long progressSeen = -1;
    private long progressSeenNanos = System.nanoTime();
    private boolean resendPending;

    ClusterForwardHandler(final CommandForwarder forwarder, final ClusterAnswerHandler answers,
        final RingBuffer<SwitchEvent> ring, final PipelineMetrics metrics)
    {
        this.forwarder = forwarder;
        this.answers = answers;
        this.ring = ring;
        this.metrics = metrics;
    }

    @Override
    public void onStart()
    {
        leadership = forwarder.leadership();
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
        noteLeaderChange();
        if (resendPending)
        {
            resendPending = !resend(answers.answeredUpTo() + 1, lastForwarded);
        }
        event.awaitAnswer(sequence);
        if ((resendPending || !forwarder.forward(event, sequence)) && event.giveUp(sequence))
        {
            event.command.clearAnswer();
            event.command.responseCode = ResponseCode.SWITCH_UNAVAILABLE;
        }
        lastForwarded = sequence;
        if (endOfBatch)
        {
            forwarder.poll();
            resendIfLost();
        }
    }

    /** Nothing in the ring for a while: the client still needs its heartbeats, and lost commands their copies. */
    @Override
    public void onTimeout(final long sequence)
    {
        forwarder.poll();
        resendIfLost();
    }

    /** Sends the waiting commands again after a leader change, or when no answer came for a while. */
    private void resendIfLost()
    {
        final long answered = answers.answeredUpTo();
        final long now = System.nanoTime();
        if (answered != progressSeen || answered >= lastForwarded)
        {
            progressSeen = answered;
            progressSeenNanos = now;
        }
        noteLeaderChange();
        if (now - progressSeenNanos > RESEND_NANOS)
        {
            progressSeenNanos = now;
            resendPending = true;
        }
        if (resendPending)
        {
            resendPending = !resend(answered + 1, lastForwarded);
        }
    }

    /** A new leader or session: what waits must be sent again before anything new. */
    private void noteLeaderChange()
    {
        if (forwarder.leadership() != leadership)
        {
            leadership = forwarder.leadership();
            resendPending = true;
        }
    }

    /**
     * Sends again, in ring order, the commands from {@code from} to {@code last} that still await
     * their answers; false when the cluster did not take one (the rest then wait for the next try).
     */
    private boolean resend(final long from, final long last)
    {
        for (long sequence = from; sequence <= last; sequence++)
        {
            final SwitchEvent event = ring.get(sequence);
            if (event.awaits(sequence) && !forwarder.forward(event, sequence))
            {
                return false;
            }
        }
        return true;
    }
}
