package org.payswitch.core.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/** Only reached by an exception a stage did not catch itself: counted and logged, the ring goes on. */
final class LastResortHandler implements ExceptionHandler<SwitchEvent>
{
    private static final System.Logger LOG = System.getLogger(SwitchPipeline.class.getName());
    private final PipelineMetrics metrics;

    LastResortHandler(final PipelineMetrics metrics)
    {
        this.metrics = metrics;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final SwitchEvent event)
    {
        metrics.countException();
        LOG.log(System.Logger.Level.ERROR, "uncaught exception in a stage at sequence " + sequence, ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        LOG.log(System.Logger.Level.ERROR, "stage failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        LOG.log(System.Logger.Level.ERROR, "stage failed to stop", ex);
    }
}
