package org.payswitch.core.cluster;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;
import org.payswitch.core.config.ClusterConfig;

/**
 * How one member's Aeron parts are set up: a media driver, archive and consensus module sharing
 * one thread each way ({@code SHARED}: a member runs beside two others on few cores), loopback or
 * the members' own addresses from {@code cluster}, folders under the member's data folder, and
 * the fail-over timing from {@code cluster-heartbeat-timeout} (docs/cluster.md gives the
 * measurements). Every idle loop backs off to parking, so an idle member costs little CPU.
 */
final class ClusterMemberContexts
{
    private static final System.Logger LOG = System.getLogger(ClusterMemberContexts.class.getName());
    /** The log's term: a term holds at most this much of the log between two of the archive's rotations. */
    private static final String LOG_CHANNEL = "aeron:udp?term-length=16m";
    /** A follower waits this share of the heartbeat timeout between heartbeats (Aeron's default ratio). */
    private static final int HEARTBEATS_PER_TIMEOUT = 10;
    /** The election's own timeout, in tenths of the heartbeat timeout. */
    private static final int ELECTION_TENTHS_OF_HEARTBEAT = 3;
    /**
     * Datagrams of up to 8 KiB (Aeron's default is 1 408 bytes): the log and the ingress carry
     * messages of some 250 bytes, so a datagram carries ~30 instead of ~5, and each driver's sender
     * and receiver make that many fewer system calls. With the socket buffers and the receiver
     * window below, it took the cluster from 27-38 000 to 44-58 000 answers/s on the 2-vCPU VM
     * (docs/cluster.md, "Its price, measured").
     */
    private static final int MTU = 8 * 1024;
    /** Socket buffers and receiver window of 2 MiB (Linux caps them at net.core.rmem_max/wmem_max). */
    private static final int SOCKET_BUFFER = 2 * 1024 * 1024;
    /** At first start, how long members wait for all of the others before a majority elects. */
    private static final long STARTUP_CANVASS_MIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ClusterConfig cluster;
    private final Path folder;
    private final String aeronDirectory;

    /**
     * @param cluster        the members and this member's id
     * @param folder         this member's cluster folder ({@code <data-dir>/cluster})
     * @param aeronDirectory this member's media driver's folder
     */
    ClusterMemberContexts(final ClusterConfig cluster, final Path folder, final String aeronDirectory)
    {
        this.cluster = cluster;
        this.folder = folder;
        this.aeronDirectory = aeronDirectory;
    }

    /** The media driver: its folder wiped at start and at stop (it holds only this run's buffers). */
    MediaDriver.Context driver()
    {
        return new MediaDriver.Context()
            .aeronDirectoryName(aeronDirectory)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idle().get())
            .termBufferSparseFile(true)
            .mtuLength(MTU)
            .socketSndbufLength(SOCKET_BUFFER)
            .socketRcvbufLength(SOCKET_BUFFER)
            .initialWindowLength(SOCKET_BUFFER)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true)
            .errorHandler(e -> error("media driver", e));
    }

    /** The archive: the log and the snapshots, on disk in {@code <data-dir>/cluster/archive}. */
    Archive.Context archive()
    {
        final String host = cluster.self().host();
        return new Archive.Context()
            .aeronDirectoryName(aeronDirectory)
            .archiveDir(folder.resolve("archive").toFile())
            .archiveId(cluster.memberId())
            .controlChannel("aeron:udp?endpoint=" + cluster.self().endpoint(ClusterConfig.ARCHIVE))
            .localControlChannel("aeron:ipc?term-length=64k")
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .archiveClientContext(new AeronArchive.Context().controlResponseChannel("aeron:udp?endpoint=" + host + ":0"))
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(idle())
            .deleteArchiveOnStart(false)
            .errorHandler(e -> error("archive", e));
    }

    /** The consensus module: elections, the log, its replication and the snapshots' timing. */
    ConsensusModule.Context consensus()
    {
        final long heartbeatTimeout = cluster.heartbeatTimeout().toNanos();
        return new ConsensusModule.Context()
            .clusterMemberId(cluster.memberId())
            .clusterMembers(members())
            .clusterDir(folder.resolve("consensus").toFile())
            .aeronDirectoryName(aeronDirectory)
            .archiveContext(localArchive())
            .serviceCount(1)
            .ingressChannel("aeron:udp")
            .logChannel(LOG_CHANNEL)
            .replicationChannel("aeron:udp?endpoint=" + cluster.self().host() + ":0")
            .leaderHeartbeatTimeoutNs(heartbeatTimeout)
            .leaderHeartbeatIntervalNs(heartbeatTimeout / HEARTBEATS_PER_TIMEOUT)
            .electionTimeoutNs(heartbeatTimeout * ELECTION_TENTHS_OF_HEARTBEAT / 10)
            .startupCanvassTimeoutNs(Math.max(STARTUP_CANVASS_MIN_NANOS, 2 * heartbeatTimeout))
            .idleStrategySupplier(idle())
            .deleteDirOnStart(false)
            .errorHandler(e -> error("consensus module", e));
    }

    /** The container the switch's service runs in, on its own thread: the engine's single writer. */
    ClusteredServiceContainer.Context service(final ClusteredService service)
    {
        return new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDirectory)
            .archiveContext(localArchive())
            .clusterDir(folder.resolve("consensus").toFile())
            .clusteredService(service)
            .idleStrategySupplier(idle())
            .errorHandler(e -> error("service container", e));
    }

    /**
     * Every member's five endpoints in Aeron's form,
     * {@code id,ingress,consensus,log,catchup,archive|...}.
     */
    String members()
    {
        final StringBuilder text = new StringBuilder();
        for (int id = 0; id < cluster.members().size(); id++)
        {
            final ClusterConfig.Member member = cluster.members().get(id);
            text.append(id)
                .append(',').append(member.endpoint(ClusterConfig.INGRESS))
                .append(',').append(member.endpoint(ClusterConfig.CONSENSUS))
                .append(',').append(member.endpoint(ClusterConfig.LOG))
                .append(',').append(member.endpoint(ClusterConfig.CATCHUP))
                .append(',').append(member.endpoint(ClusterConfig.ARCHIVE))
                .append('|');
        }
        return text.toString();
    }

    private AeronArchive.Context localArchive()
    {
        return new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel("aeron:ipc?term-length=64k")
            .controlResponseChannel("aeron:ipc?term-length=64k")
            .aeronDirectoryName(aeronDirectory);
    }

    /** Spins a little, yields, then parks from 1 us up to 1 ms. */
    private static Supplier<IdleStrategy> idle()
    {
        return () -> new BackoffIdleStrategy(10, 20, 1_000, 1_000_000);
    }

    private void error(final String part, final Throwable e)
    {
        LOG.log(System.Logger.Level.WARNING, () -> "cluster member " + cluster.memberId() + ", " + part + ": " + e);
    }
}
