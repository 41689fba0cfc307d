package org.payswitch.core.node;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.payswitch.core.cluster.ClusterMember;
import org.payswitch.core.cluster.IngressForwarder;
import org.payswitch.core.cluster.SwitchClusteredService;
import org.payswitch.core.config.ClusterConfig;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.ClusterSecret;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.pipeline.ReplySink;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.core.util.OwnerOnly;

/**
 * A switch that is one member of a cluster (docs/cluster.md): Aeron's media driver, archive and
 * consensus module ({@link ClusterMember}), the switch's replicated service in a service
 * container ({@link SwitchClusteredService}: the engine and this member's audit journal), and a
 * ring whose one stage forwards every request to the cluster and answers it once the service has
 * executed it after the cluster committed it ({@link SwitchPipeline#forwarding}).
 *
 * <p>Every member runs the same engine from the same log; the leader orders the log. While this
 * member leads it also sends the clock tick (hold expiry) each second and asks the cluster for a
 * snapshot every {@code snapshot-interval}; both are commands in the log, so every member applies
 * them at the same point. At start, with {@code demo-cards} above 0, it sends the demo data, which
 * the service loads only into an empty engine: whichever member's arrives first loads it.
 */
public final class ClusterNode implements RunningNode
{
    private static final System.Logger LOG = System.getLogger(ClusterNode.class.getName());
    private static final long DRAIN_TIMEOUT_MILLIS = 30_000;
    /**
     * After how many heartbeat timeouts without an answer the member counts itself cut off and
     * refuses new requests: an election takes about one and a half.
     */
    private static final int STALL_HEARTBEATS = 3;
    /** How often the demo data is sent again while the cluster has no leader. */
    private static final long DEMO_RETRY_MILLIS = 200;

    private static final SlotFiller<Long> TICK = (event, now) ->
    {
        event.reset();
        event.command.type = CommandType.EXPIRE_HOLDS;
        event.command.timestamp = now;
    };

    private static final SlotFiller<DemoLoad> LOAD_DEMO = (event, load) ->
    {
        event.reset();
        event.command.type = load.cards > 0 ? CommandType.LOAD_DEMO_DATA : CommandType.GET_CAMPAIGNS;
        event.command.timestamp = load.timestamp;
        event.command.amount = load.cards;
        event.replyTo = load;
    };

    private final SwitchConfig config;
    private final SwitchPipeline pipeline;
    private final IngressForwarder forwarder;
    private final SwitchClusteredService service;
    private final ClusterMember member;
    private final ScheduledExecutorService ticker;
    private volatile boolean ready;

    private ClusterNode(final SwitchConfig config, final ReplySink sink, final Supplier<Object> attachments)
    {
        this.config = config;
        final ClusterConfig cluster = config.cluster();
        try
        {
            OwnerOnly.folderIfMissing(config.dataDir());
        }
        catch (final UncheckedIOException e)
        {
            throw new UncheckedIOException("data-dir: cannot create " + config.dataDir(), e.getCause());
        }
        final SwitchEngine engine = new SwitchEngine(new EngineConfig(config.zone(), config.holdExpiry(),
            Math.max(1024, config.demoCards()), 1 << 20));
        final CardKeys keys = config.cardData().keys(config.dataDir());
        final JournalConfig journalConfig = new JournalConfig(config.dataDir().resolve("journal"), config.journalSync(), keys);
        final SecureRandom random = new SecureRandom();
        final ClusterSecret secret = ClusterSecret.openOrCreate(cluster.keyFile(), random);
        final long incarnation = random.nextLong();
        final Path folder = config.dataDir().resolve("cluster");
        final String aeronDirectory = ClusterMember.aeronDirectory(cluster);
        forwarder = new IngressForwarder(aeronDirectory, cluster, incarnation,
            JournalCards.forWriting(secret.ringFor(ClusterSecret.LOG, incarnation)));
        pipeline = SwitchPipeline.forwarding(forwarder, new OwnReplies(sink), config.ringSize(),
            cluster.heartbeatTimeout().toNanos() * STALL_HEARTBEATS, attachments);
        service = new SwitchClusteredService(cluster.memberId(), new CommandExecutor(engine, DemoData::load),
            journalConfig, SwitchNode.openKeys(keys), secret, pipeline::slot, incarnation,
            pipeline.metrics()::journalPosition);
        member = ClusterMember.launch(cluster, folder, service);
        ticker = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "switch-clock");
            thread.setDaemon(true);
            return thread;
        });
        if (!cluster.onLoopback())
        {
            LOG.log(System.Logger.Level.WARNING, "the cluster's members talk over UDP that Aeron neither authenticates " +
                "nor encrypts (card data in it is sealed; the rest is not): keep the cluster's ports on a private " +
                "network that only the members reach (docs/security.md)");
        }
        LOG.log(System.Logger.Level.INFO, () -> String.format("cluster member %d of %d started: cluster folders %s, " +
            "media driver %s", cluster.memberId(), cluster.members().size(), folder.toAbsolutePath(), aeronDirectory));
    }

    /** Starts the member, waits until it reaches the cluster (and the demo data is in), then returns. */
    public static ClusterNode start(final SwitchConfig config, final ReplySink sink, final Supplier<Object> attachments)
    {
        final ClusterNode node = new ClusterNode(config, sink, attachments);
        try
        {
            node.pipeline.start();
            node.joinCluster();
            node.ticker.scheduleAtFixedRate(node::tick, 1, 1, TimeUnit.SECONDS);
            final long interval = config.snapshotInterval().toMillis();
            node.ticker.scheduleAtFixedRate(node::snapshotIfLeading, interval, interval, TimeUnit.MILLISECONDS);
            node.ready = true;
            return node;
        }
        catch (final RuntimeException e)
        {
            node.stop();
            throw e;
        }
    }

    /**
     * Sends the demo data (or, without demo data, a no-op query) until the cluster answers it: the
     * member is then connected and a leader is elected.
     */
    private void joinCluster()
    {
        final long started = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "waiting for the cluster: a majority of its members must be running");
        while (true)
        {
            final DemoLoad load = new DemoLoad(config.demoCards(), System.currentTimeMillis());
            if (pipeline.tryPublish(LOAD_DEMO, load))
            {
                final ResponseCode code = load.await();
                if (code == ResponseCode.APPROVED)
                {
                    break;
                }
            }
            sleep(DEMO_RETRY_MILLIS);
        }
        LOG.log(System.Logger.Level.INFO, () -> String.format("joined the cluster in %d ms: %s",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
            config.demoCards() > 0 ? "demo data of " + config.demoCards() + " cards in place" : "no demo data"));
    }

    @Override
    public SwitchPipeline pipeline()
    {
        return pipeline;
    }

    @Override
    public boolean isReady()
    {
        return ready && pipeline.isAccepting() && forwarder.connected();
    }

    /** True while this member leads the cluster, as the cluster last told its service. */
    public boolean leads()
    {
        return service.leads();
    }

    @Override
    public synchronized boolean stop()
    {
        ready = false;
        ticker.shutdownNow();
        pipeline.stopAccepting();
        final boolean drained = pipeline.shutdown(DRAIN_TIMEOUT_MILLIS);
        member.close();
        service.closeJournal();
        return drained;
    }

    /** Each second, on the leader only: the clock tick, a command in the log like any other. */
    private void tick()
    {
        if (service.leads())
        {
            pipeline.tryPublishOwn(TICK, System.currentTimeMillis());
        }
    }

    /** Every snapshot-interval, on the leader only: asks the consensus module for a snapshot of every member. */
    private void snapshotIfLeading()
    {
        if (service.leads())
        {
            final boolean asked = member.askForSnapshot();
            LOG.log(System.Logger.Level.INFO, () -> asked ? "asked the cluster for a snapshot" :
                "no snapshot asked: the cluster is busy with another control action");
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while joining the cluster", e);
        }
    }

    /** Answers of the node's own commands (the demo data) come here; everything else goes to the gateway's sink. */
    private record OwnReplies(ReplySink gateway) implements ReplySink
    {
        @Override
        public void reply(final SwitchEvent event, final boolean endOfBatch)
        {
            if (event.replyTo instanceof DemoLoad load)
            {
                load.answered.complete(event.command.responseCode);
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

    /** The demo data command; with 0 cards a query instead, which only proves the cluster answers. */
    private static final class DemoLoad
    {
        final int cards;
        final long timestamp;
        final CompletableFuture<ResponseCode> answered = new CompletableFuture<>();

        DemoLoad(final int cards, final long timestamp)
        {
            this.cards = cards;
            this.timestamp = timestamp;
        }

        ResponseCode await()
        {
            try
            {
                return answered.get(1, TimeUnit.MINUTES);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while joining the cluster", e);
            }
            catch (final ExecutionException | TimeoutException e)
            {
                return ResponseCode.SWITCH_UNAVAILABLE;
            }
        }
    }
}
