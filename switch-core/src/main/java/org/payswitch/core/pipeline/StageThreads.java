package org.payswitch.core.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the stage threads: {@code switch-pipeline} when fused, one name per stage when staged, {@code switch-forward} and {@code switch-answer} on a cluster member. */
final class StageThreads implements ThreadFactory
{
    private static final String[] FUSED = {"switch-pipeline"};
    private static final String[] STAGED = {"switch-business", "switch-journal", "switch-reply"};
    private final String[] names;
    private final AtomicInteger created = new AtomicInteger();

    StageThreads(final String[] names)
    {
        this.names = names;
    }

    static String[] names(final PipelineConfig.Layout layout)
    {
        return layout == PipelineConfig.Layout.FUSED ? FUSED : STAGED;
    }

    @Override
    public Thread newThread(final Runnable runnable)
    {
        final int n = created.getAndIncrement();
        final Thread thread = new Thread(runnable, n < names.length ? names[n] : "switch-stage-" + n);
        thread.setDaemon(false);
        return thread;
    }
}
