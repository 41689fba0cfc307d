package org.payswitch.gateway.reply;

import org.payswitch.core.pipeline.SwitchEvent;

/**
 * Where one answer goes: the connection handler that published the request. Called on the
 * pipeline's reply thread; implementations encode the answer there and hand it to Netty.
 */
public interface ReplyTarget
{
    /** Encodes and writes the answer of {@code event}. */
    void answer(SwitchEvent event);

    /** Flushes what {@link #answer} wrote; called once per batch per target. */
    void flush();
}
