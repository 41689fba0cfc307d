package org.payswitch.core.pipeline;

/**
 * Fills a claimed ring slot with one command: how publishers (the gateway's I/O threads, the
 * node's clock) hand a request to {@link SwitchPipeline#tryPublish}. The pipeline's own type, so
 * publishers depend on the switch and not on the Disruptor behind it.
 * <p>An implementation is a static, non-capturing lambda (no allocation per publish): it calls
 * {@link SwitchEvent#reset()} first, then copies the request from {@code source}.
 *
 * @param <A> what the request is copied from (the publishing connection, say)
 */
@FunctionalInterface
public interface SlotFiller<A>
{
    /** Writes the command of {@code source} into {@code slot}, reset first. */
    void fill(SwitchEvent slot, A source);
}
