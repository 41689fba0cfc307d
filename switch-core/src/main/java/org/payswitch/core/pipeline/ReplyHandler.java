package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;

/** Stage 3: hands each journaled answer to the {@link ReplySink}; a failing sink never stops the ring. */
final class ReplyHandler implements EventHandler<SwitchEvent>
{
    private static final System.Logger LOG = System.getLogger(ReplyHandler.class.getName());

    private final ReplySink sink;
    private final PipelineMetrics metrics;

    ReplyHandler(final ReplySink sink, final PipelineMetrics metrics)
    {
        this.sink = sink;
        this.metrics = metrics;
    }

    @Override
    public void onStart()
    {
        metrics.countStageStarted();
    }

    @Override
    public void onEvent(final SwitchEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            sink.reply(event, endOfBatch);
        }
        catch (final RuntimeException e)
        {
            metrics.countException();
            LOG.log(System.Logger.Level.ERROR, "reply failed", e);
        }
        if (event.receivedNanos != 0)
        {
            metrics.recordLatency(System.nanoTime() - event.receivedNanos);
        }
    }
}
