package org.payswitch.core.pipeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.payswitch.core.engine.SwitchCommand;

/**
 * A ring slot: the command with its answer, where the answer goes, and the gateway's own
 * per-slot attachment (echo fields of an ISO 8583 request, say). Preallocated once per slot
 * and reused; publishers fill it with static translators that capture nothing.
 */
public final class SwitchEvent
{
    /** Cluster mode, {@link #clusterAnswer}: no answer is awaited. */
    static final long NOT_AWAITED = -1;
    /** Cluster mode: the member's service is writing the answer into this slot. */
    static final long CLAIMED = -2;
    /** Cluster mode: the answer is in the slot, executed after the cluster committed the command. */
    static final long ANSWERED = -3;
    /** Cluster mode: no answer will come into the slot (the cluster did not take the command). */
    static final long GIVEN_UP = -4;
    private static final VarHandle CLUSTER_ANSWER;

    static
    {
        try
        {
            CLUSTER_ANSWER = MethodHandles.lookup().findVarHandle(SwitchEvent.class, "clusterAnswer", long.class);
        }
        catch (final ReflectiveOperationException e)
        {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The request and, after stage 1, its answer. */
    public final SwitchCommand command = new SwitchCommand();
    /** Created once per slot by the pipeline's attachment factory; null when there is none. */
    public final Object attachment;
    /** The gateway's handle for the answer (a connection, say); set by the publisher. */
    public Object replyTo;
    /** The gateway's correlation for the answer; set by the publisher. */
    public long replyToken;
    /**
     * {@code System.nanoTime()} when the gateway received the request, for latency figures; 0 for a
     * command of the switch's own (demo data, a snapshot, the operations page's sampling), which is
     * not a request: it is neither counted among the answers, nor timed, nor shed.
     */
    public long receivedNanos;
    /** Chronicle index of the command's journal record, set by stage 2; -1 when not journaled. */
    public long journalIndex = -1;
    /** Set by stage 1 when the engine threw: answered 96, journaled so a replay does the same. */
    public boolean failed;
    /**
     * Set by stage 1 when the request waited in the ring longer than the pipeline's queue delay:
     * answered 91 without being executed or journaled, as if the ring had been full.
     */
    public boolean shed;
    /**
     * Cluster mode: the slot's sequence while its forwarded command awaits the cluster's answer,
     * else one of {@link #NOT_AWAITED}, {@link #CLAIMED}, {@link #ANSWERED}, {@link #GIVEN_UP}. The
     * forwarding stage and the member's service hand the slot over through it: the service may
     * write the answer only after claiming the slot for the very sequence it forwarded, so a late
     * answer never lands in a slot that has moved on to another request.
     */
    @SuppressWarnings("unused")
    private volatile long clusterAnswer = NOT_AWAITED;

    SwitchEvent(final Object attachment)
    {
        this.attachment = attachment;
    }

    /** True for a gateway's request: it has somewhere to answer and a receipt time. */
    public boolean isRequest()
    {
        return replyTo != null && receivedNanos != 0;
    }

    /** Cluster mode: the forwarding stage marks the slot as awaiting the answer to {@code sequence}. */
    void awaitAnswer(final long sequence)
    {
        CLUSTER_ANSWER.setRelease(this, sequence);
    }

    /**
     * Cluster mode, the member's service: true when the slot still awaits the answer to
     * {@code sequence}, which it now owns until {@link #answered()}; false when it gave up waiting.
     */
    public boolean claimAnswer(final long sequence)
    {
        return CLUSTER_ANSWER.compareAndSet(this, sequence, CLAIMED);
    }

    /** Cluster mode, the member's service: the claimed slot's answer is written; the stage may send it. */
    public void answered()
    {
        CLUSTER_ANSWER.setRelease(this, ANSWERED);
    }

    /** Cluster mode: true while the slot awaits the answer to {@code sequence}, unclaimed. */
    boolean awaits(final long sequence)
    {
        return (long)CLUSTER_ANSWER.getAcquire(this) == sequence;
    }

    /** Cluster mode, the forwarding stage: stops awaiting {@code sequence} (never sent); false when the service claimed it first. */
    boolean giveUp(final long sequence)
    {
        return CLUSTER_ANSWER.compareAndSet(this, sequence, GIVEN_UP);
    }

    /** Cluster mode: true once the slot's answer is in, or no answer is awaited any more. */
    boolean settled()
    {
        final long state = (long)CLUSTER_ANSWER.getAcquire(this);
        return state == ANSWERED || state == GIVEN_UP || state == NOT_AWAITED;
    }

    /** Clears the slot before it is filled again. */
    public void reset()
    {
        command.reset();
        replyTo = null;
        replyToken = 0;
        receivedNanos = 0;
        journalIndex = -1;
        failed = false;
        shed = false;
    }
}
