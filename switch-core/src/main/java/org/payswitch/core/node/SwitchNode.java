package org.payswitch.core.node;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalRetention;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.journal.Recovery;
import org.payswitch.core.pipeline.ReplySink;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.core.snapshot.SnapshotStore;
import org.payswitch.core.snapshot.SnapshotWriter;
import org.payswitch.core.util.OwnerOnly;

/**
 * A running switch without its network: recovers the engine (newest snapshot + journal tail),
 * loads the demo data on an empty data folder (as one journaled command), runs the pipeline,
 * publishes a clock tick every second so holds expire when traffic is idle, takes a snapshot
 * every {@code snapshot-interval} and at a graceful stop, and keeps two snapshots and the
 * journal they need. The gateway publishes into
 * {@link #pipeline()} and answers from its {@link ReplySink}.
 */
public final class SwitchNode implements RunningNode
{
    private static final System.Logger LOG = System.getLogger(SwitchNode.class.getName());
    private static final long DRAIN_TIMEOUT_MILLIS = 30_000;

    private static final SlotFiller<Long> TICK = (event, now) ->
    {
        event.reset();
        event.command.type = CommandType.EXPIRE_HOLDS;
        event.command.timestamp = now;
    };

    private static final SlotFiller<Long> SNAPSHOT = (event, id) ->
    {
        event.reset();
        event.command.type = CommandType.TAKE_SNAPSHOT;
        event.command.timestamp = System.currentTimeMillis();
        event.command.amount = id;
    };

    private static final SlotFiller<DemoLoad> LOAD_DEMO = (event, load) ->
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
    private final JournalConfig journalConfig;
    private final SnapshotStore store;
    private final SnapshotWriter snapshots;
    private final SwitchEngine engine;
    private final Recovery.Result recovery;
    private final AtomicLong nextSnapshotId;
    private final ConcurrentLinkedDeque<Integer> snapshotCycles = new ConcurrentLinkedDeque<>();
    private volatile boolean ready;

    private SwitchNode(final SwitchConfig config, final ReplySink sink, final Supplier<Object> attachments)
    {
        this.config = config;
        try
        {
            OwnerOnly.folderIfMissing(config.dataDir());
        }
        catch (final UncheckedIOException e)
        {
            throw new UncheckedIOException("data-dir: cannot create " + config.dataDir(), e.getCause());
        }
        engine = new SwitchEngine(new EngineConfig(config.zone(), config.holdExpiry(),
            Math.max(1024, config.demoCards()), 1 << 20));
        final CardKeys keys = config.cardData().keys(config.dataDir());
        journalConfig = new JournalConfig(config.dataDir().resolve("journal"), config.journalSync(), keys);
        final DataKeyRing ring = openKeys(keys);
        store = new SnapshotStore(config.dataDir().resolve("snapshots"), keys, ring);
        final int unfinished = store.deleteUnfinished();
        if (unfinished > 0)
        {
            LOG.log(System.Logger.Level.WARNING, () -> "deleted " + unfinished + " unfinished snapshot file(s) of an earlier run");
        }
        snapshots = SnapshotWriter.background(store);
        final CommandExecutor executor = new CommandExecutor(engine, DemoData::load, snapshots::take);
        recovery = Recovery.recover(journalConfig, store, executor);
        snapshots.prepare(engine.snapshotSizeHint());
        nextSnapshotId = new AtomicLong(recovery.lastSnapshotId() + 1);
        LOG.log(System.Logger.Level.INFO, () -> String.format(
            "recovered in %d ms: snapshot %s + %d journal records; %d cards, %d transactions", recovery.millis(),
            recovery.snapshotId() < 0 ? "none" : Long.toString(recovery.snapshotId()), recovery.replayedRecords(),
            engine.cardCount(), engine.transactionCount()));
        pipeline = new SwitchPipeline(executor, new JournalWriter(journalConfig, ring), new InternalReplies(sink, this),
            config.pipeline(), attachments);
        ticker = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "switch-clock");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Recovery's check of the keys first (a missing or wrong key file refuses the start, naming
     * it), then the ring with this run's new data key, which the journal and snapshots seal under.
     */
    static DataKeyRing openKeys(final CardKeys keys)
    {
        if (Files.exists(keys.ringFolder().resolve(DataKeyRing.FILE_NAME)))
        {
            keys.openForReading();
        }
        return keys.openForWriting();
    }

    /** Recovers, starts the pipeline and the clock, loads demo data if the folder was empty; returns when ready. */
    public static SwitchNode start(final SwitchConfig config, final ReplySink sink, final Supplier<Object> attachments)
    {
        final SwitchNode node = new SwitchNode(config, sink, attachments);
        node.pipeline.start();
        if (node.recovery.snapshotId() < 0 && node.recovery.replayedRecords() == 0 && config.demoCards() > 0)
        {
            node.loadDemoData();
        }
        node.ticker.scheduleAtFixedRate(node::tick, 1, 1, TimeUnit.SECONDS);
        final long interval = config.snapshotInterval().toMillis();
        node.ticker.scheduleAtFixedRate(node::snapshot, interval, interval, TimeUnit.MILLISECONDS);
        node.ready = true;
        return node;
    }

    /** True once recovery is done and the pipeline accepts requests. */
    @Override
    public boolean isReady()
    {
        return ready && pipeline.isAccepting();
    }

    /** The pipeline to publish into. */
    @Override
    public SwitchPipeline pipeline()
    {
        return pipeline;
    }

    /** The configuration the node runs with. */
    public SwitchConfig config()
    {
        return config;
    }

    /** What recovery found and did at start. */
    public Recovery.Result recovery()
    {
        return recovery;
    }

    /** Asks for a snapshot now (it is taken when the business stage reaches it); false if the ring refused. */
    public boolean snapshot()
    {
        return pipeline.tryPublish(SNAPSHOT, nextSnapshotId.getAndIncrement());
    }

    /**
     * Stops gracefully: no new requests, every request already in the ring executed, journaled
     * and answered, then a snapshot, written before this returns. Returns false if the ring did
     * not drain or the snapshot was not written in time.
     */
    @Override
    public boolean stop()
    {
        ready = false;
        ticker.shutdownNow();
        pipeline.stopAccepting();
        pipeline.publishInternal(SNAPSHOT, nextSnapshotId.getAndIncrement());
        final boolean drained = pipeline.shutdown(DRAIN_TIMEOUT_MILLIS);
        final boolean written = snapshots.awaitWrites(DRAIN_TIMEOUT_MILLIS);
        snapshots.close();
        return drained && written;
    }

    /** After a snapshot's marker is journaled: keep two snapshots and the journal back to the older one's marker. */
    private void retain(final SwitchEvent snapshot)
    {
        if (snapshot.journalIndex < 0 || !snapshot.command.responseCode.isApproved())
        {
            return;
        }
        snapshotCycles.addLast(JournalRetention.cycleOf(snapshot.journalIndex));
        while (snapshotCycles.size() > 2)
        {
            snapshotCycles.pollFirst();
        }
        final int firstNeeded = snapshotCycles.peekFirst();
        final long id = snapshot.command.amount;
        final int today = (int)(System.currentTimeMillis() / TimeUnit.DAYS.toMillis(1));
        snapshots.afterWrites(() ->
        {
            if (store.ids().contains(id))
            {
                store.retain(2);
                JournalRetention.deleteBefore(journalConfig, firstNeeded, today, config.journalRetentionDays());
            }
        });
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

    /** Every second: a clock tick through the ring, and memory for the next snapshot reserved ahead. */
    private void tick()
    {
        pipeline.tryPublish(TICK, System.currentTimeMillis());
        snapshots.prepare(engine.snapshotSizeHint());
    }

    /** The node's own commands (demo load, ticks) are answered here; everything else goes to the gateway's sink. */
    private record InternalReplies(ReplySink gateway, SwitchNode node) implements ReplySink
    {
        @Override
        public void reply(final SwitchEvent event, final boolean endOfBatch)
        {
            if (event.replyTo instanceof CountDownLatch done)
            {
                done.countDown();
            }
            else if (event.command.type == CommandType.TAKE_SNAPSHOT)
            {
                node.retain(event);
            }
            else if (event.replyTo != null)
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
