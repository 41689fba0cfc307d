package org.payswitch.core.pipeline;

/**
 * Stage 3: where answers go once their journal entry is written. The gateway implements it:
 * encode the answer, write it to {@link SwitchEvent#replyTo}, and flush at the end of a batch.
 * Called on the reply thread only.
 */
@FunctionalInterface
public interface ReplySink
{
    /** Sends the answer of {@code event}; {@code endOfBatch} is the moment to flush. */
    void reply(SwitchEvent event, boolean endOfBatch);

    /** The batch ended on a command with no answer for the gateway (a clock tick): flush what is pending. */
    default void flush()
    {
    }
}
