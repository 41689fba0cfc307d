package org.payswitch.core.pipeline;

/**
 * Cluster mode: hands each command of the ring to the cluster, whose committed log the member's
 * service executes; the service then writes the answer into the slot the command came from
 * ({@link SwitchEvent#claimAnswer}). The pipeline's own interface, so the ring knows nothing of
 * the consensus library behind it. Called on the forwarding stage's thread only.
 */
public interface CommandForwarder
{
    /**
     * Sends the command of {@code event}, from ring slot {@code sequence}; false when the cluster
     * could not take it now (no leader, back-pressure past a bounded wait), and then it was not sent.
     * The same slot may be sent again: the service executes the first copy in the log only.
     */
    boolean forward(SwitchEvent event, long sequence);

    /**
     * A number that changes each time the cluster's leader (or the client's session) changes: the
     * commands not yet answered may have been lost with the old one, and are sent again.
     */
    long leadership();

    /** Lets the client do its background work (heartbeats, a new leader's news); returns work done. */
    int poll();

    /** Called when the stage stops. */
    default void close()
    {
    }
}
