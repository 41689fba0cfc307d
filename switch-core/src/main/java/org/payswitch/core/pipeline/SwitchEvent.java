package org.payswitch.core.pipeline;

import org.payswitch.core.engine.SwitchCommand;

/**
 * A ring slot: the command with its answer, where the answer goes, and the gateway's own
 * per-slot attachment (echo fields of an ISO 8583 request, say). Preallocated once per slot
 * and reused; publishers fill it with static translators that capture nothing.
 */
public final class SwitchEvent
{
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

    SwitchEvent(final Object attachment)
    {
        this.attachment = attachment;
    }

    /** True for a gateway's request: it has somewhere to answer and a receipt time. */
    public boolean isRequest()
    {
        return replyTo != null && receivedNanos != 0;
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
