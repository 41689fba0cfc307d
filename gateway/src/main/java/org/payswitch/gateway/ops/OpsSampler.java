package org.payswitch.gateway.ops;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.guard.RateLimitedLog;
import org.payswitch.gateway.reply.ReplyTarget;

/**
 * Takes the operations page's sample once a second on its own thread: asks the engine for every
 * campaign's figures through the ring (a query of the switch's own: not counted among the
 * answers, never waiting for a slot; engine state is read on the engine's thread only), waits
 * for the answer on the reply thread, then reads the pipeline's counters and adds the sample to
 * the {@link OpsHistory}. When the ring is full or the answer is late, the sample keeps the
 * campaigns of the one before. One query a second, whether anyone watches or not: ten minutes of
 * history are there when the page is opened in the middle of the peak.
 */
public final class OpsSampler implements ReplyTarget, AutoCloseable
{
    /** Time between samples. */
    public static final long SAMPLE_MILLIS = 1000;
    /** How long a sample waits for the engine's answer before keeping the campaigns it had. */
    private static final long ANSWER_WAIT_MILLIS = 500;
    private static final RateLimitedLog FAILURES = RateLimitedLog.warnings(OpsSampler.class);

    private static final SlotFiller<OpsSampler> ASK_CAMPAIGNS = (event, sampler) ->
    {
        event.reset();
        event.command.type = CommandType.GET_CAMPAIGNS;
        event.command.timestamp = sampler.askedAtMillis;
        event.replyTo = sampler;
        event.replyToken = sampler.asked;
    };

    /** The engine's answer to one query, handed from the reply thread. */
    private record CampaignAnswer(long query, List<CampaignFigures> campaigns)
    {
    }

    private final SwitchPipeline pipeline;
    private final LongSupplier clock;
    private final OpsHistory history;
    private final SampleMaker maker = new SampleMaker();
    private final BlockingQueue<CampaignAnswer> answers = new ArrayBlockingQueue<>(4);
    private ScheduledExecutorService timer;
    /** The number and time of the query in flight; written and read by the sampling thread. */
    private long asked;
    private long askedAtMillis;
    private List<CampaignFigures> campaigns = List.of();

    /** Samples {@code pipeline} into {@code history}; {@code clock} gives epoch milliseconds. */
    public OpsSampler(final SwitchPipeline pipeline, final LongSupplier clock, final OpsHistory history)
    {
        this.pipeline = pipeline;
        this.clock = clock;
        this.history = history;
    }

    /** Starts sampling: the first sample at once, then one each {@value #SAMPLE_MILLIS} ms. */
    public synchronized void start()
    {
        if (timer != null)
        {
            throw new IllegalStateException("already started");
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "ops-sampler");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sampleOrSayWhyNot, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Takes one sample now (the sampling thread, or a test's). */
    void sample() throws InterruptedException
    {
        final long now = clock.getAsLong();
        final List<CampaignFigures> answered = askCampaigns(now);
        if (answered != null)
        {
            campaigns = answered;
        }
        history.add(maker.next(PipelineReading.of(pipeline, now), campaigns));
    }

    private void sampleOrSayWhyNot()
    {
        try
        {
            sample();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        catch (final RuntimeException e)
        {
            FAILURES.log(() -> "operations sample not taken: " + e);
        }
    }

    /** The campaigns as the engine answers them now; null when the ring is full or the answer is late. */
    private List<CampaignFigures> askCampaigns(final long now) throws InterruptedException
    {
        asked++;
        askedAtMillis = now;
        if (!pipeline.tryPublishOwn(ASK_CAMPAIGNS, this))
        {
            return null;
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ANSWER_WAIT_MILLIS);
        CampaignAnswer answer;
        while ((answer = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null)
        {
            if (answer.query() == asked)
            {
                return answer.campaigns();
            }
        }
        return null;
    }

    /** Reply thread: hands the engine's answer to the sampling thread (null campaigns: not decided, fail-stop). */
    @Override
    public void answer(final SwitchEvent event)
    {
        final List<CampaignFigures> figures = event.command.campaigns;
        if (figures != null)
        {
            answers.offer(new CampaignAnswer(event.replyToken, figures));
        }
    }

    @Override
    public void flush()
    {
    }

    /** Stops sampling; the history keeps what it has. */
    @Override
    public synchronized void close()
    {
        if (timer != null)
        {
            timer.shutdownNow();
            try
            {
                timer.awaitTermination(ANSWER_WAIT_MILLIS * 2, TimeUnit.MILLISECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
