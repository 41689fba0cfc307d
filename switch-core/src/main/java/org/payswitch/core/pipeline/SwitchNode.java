package org.payswitch.core.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.lmax.disruptor.EventTranslatorOneArg;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReplayer;
import org.payswitch.core.journal.JournalWriter;

/**
 * A running switch without its network: recovers the engine from the journal, loads the demo
 * data on an empty data folder (as one journaled command), runs the pipeline, and publishes a
 * clock tick every second so holds expire when traffic is idle. The gateway publishes into
 * {@link #pipeline()} and answers from its {@link ReplySink}.
 */
public final class SwitchNode implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(SwitchNode.class.getName());
    private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

    private static final EventTranslatorOneArg<SwitchEvent, Long> TICK = (event, sequence, now) ->
    {
        event.reset();
        event.command.type = CommandType.EXPIRE_HOLDS;
        event.command.timestamp = now;
    };

    private static final EventTranslatorOneArg<SwitchEvent, DemoLoad> LOAD_DEMO = (event, sequence, load) ->
    {
        event.reset();
        event.command.type = CommandType.LOAD_DEMO_DATA;
        event.command.timestamp = load.timestamp;
        event.command.amount = load.cards;
        event.replyTo = load.done;
    };

    private final SwitchConfig config;
    private final SwitchPipeline pipeline;
    private final ScheduledExecutorService ticker;
    private final long recoveredRecords;
    private volatile boolean ready;

    private SwitchNode(final SwitchConfig config, final ReplySink sink, final Supplier<Object> attachments)
    {
        this.config = config;
        try
        {
            Files.createDirectories(config.dataDir());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("data-dir: cannot create " + config.dataDir(), e);
        }
        final SwitchEngine engine = new SwitchEngine(new EngineConfig(config.zone(), config.holdExpiry(),
            Math.max(1024, config.demoCards()), 1 << 20));
        final CommandExecutor executor = new CommandExecutor(engine);
        final JournalConfig journalConfig = new JournalConfig(config.dataDir().resolve("journal"),
            config.journalSync());
        final long started = System.nanoTime();
        recoveredRecords = JournalReplayer.replay(journalConfig, executor);
        LOG.log(System.Logger.Level.INFO, () -> String.format("recovered %d journal records (%d transactions) in %d ms",
            recoveredRecords, engine.transactionCount(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        pipeline = new SwitchPipeline(executor, new JournalWriter(journalConfig), new InternalReplies(sink),
            new PipelineConfig(config.ringSize(), config.waitStrategy()), attachments);
        ticker = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "switch-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Recovers, starts the pipeline and the clock, loads demo data if the folder was empty; returns when ready. */
    public static SwitchNode start(final SwitchConfig config, final ReplySink sink, final Supplier<Object> attachments)
    {
        final SwitchNode node = new SwitchNode(config, sink, attachments);
        node.pipeline.start();
        if (node.recoveredRecords == 0 && config.demoCards() > 0)
        {
            node.loadDemoData();
        }
        node.ticker.scheduleAtFixedRate(node::tick, 1, 1, TimeUnit.SECONDS);
        node.ready = true;
        return node;
    }

    /** True once recovery is done and the pipeline accepts requests. */
    public boolean isReady()
    {
        return ready && pipeline.isAccepting();
    }

    /** The pipeline to publish into. */
    public SwitchPipeline pipeline()
    {
        return pipeline;
    }

    /** The configuration the node runs with. */
    public SwitchConfig config()
    {
        return config;
    }

    /** Journal records replayed at start. */
    public long recoveredRecords()
    {
        return recoveredRecords;
    }

    /**
     * Stops gracefully: no new requests, every request already in the ring executed, journaled
     * and answered. Returns false if the ring did not drain in time.
     */
    public boolean stop()
    {
        ready = false;
        ticker.shutdownNow();
        return pipeline.shutdown(DRAIN_TIMEOUT_MILLIS);
    }

    @Override
    public void close()
    {
        stop();
    }

    private void loadDemoData()
    {
        final DemoLoad load = new DemoLoad(config.demoCards(), System.currentTimeMillis());
        final long started = System.nanoTime();
        while (!pipeline.tryPublish(LOAD_DEMO, load))
        {
            Thread.onSpinWait();
        }
        try
        {
            load.done.await();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading demo data", e);
        }
        LOG.log(System.Logger.Level.INFO, () -> String.format("loaded demo data: %d cards in %d ms", load.cards,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
    }

    private void tick()
    {
        pipeline.tryPublish(TICK, System.currentTimeMillis());
    }

    /** The node's own commands (demo load, ticks) are answered here; everything else goes to the gateway's sink. */
    private record InternalReplies(ReplySink gateway) implements ReplySink
    {
        @Override
        public void reply(final SwitchEvent event, final boolean endOfBatch)
        {
            if (event.replyTo instanceof CountDownLatch done)
            {
                done.countDown();
            }
            else if (event.replyTo != null || event.command.type != CommandType.EXPIRE_HOLDS)
            {
                gateway.reply(event, endOfBatch);
                return;
            }
            if (endOfBatch)
            {
                gateway.flush();
            }
        }
    }

    private static final class DemoLoad
    {
        final int cards;
        final long timestamp;
        final CountDownLatch done = new CountDownLatch(1);

        DemoLoad(final int cards, final long timestamp)
        {
            this.cards = cards;
            this.timestamp = timestamp;
        }
    }
}
