package org.payswitch.core.cluster;

import java.util.concurrent.TimeUnit;

import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.exceptions.AeronException;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.payswitch.core.config.ClusterConfig;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.pipeline.CommandForwarder;
import org.payswitch.core.pipeline.SwitchEvent;

/**
 * This member's client of the cluster: puts each command of its ring into the cluster's log
 * through the leader's ingress ({@link ClusterMessage}), whichever member leads. Answers do not
 * come back on the egress: the member's own service decides each command into the slot it came
 * from. The client connects, and connects again after losing its session, in {@link #poll},
 * without blocking the ring: until it is connected, {@link #forward} says no and the ring answers 91.
 * <p>On the forwarding stage's thread only.
 */
public final class IngressForwarder implements CommandForwarder, EgressListener
{
    private static final System.Logger LOG = System.getLogger(IngressForwarder.class.getName());
    /** Offers tried while the leader's ingress pushes back, before the command is answered 91. */
    private static final int BACK_PRESSURE_TRIES = 1_000;
    /** A session that sent nothing for this long sends a keep-alive (Aeron closes it after 10 s). */
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Longest wait for a leader when connecting, before trying again. */
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final String aeronDirectory;
    private final ClusterConfig cluster;
    private final ClusterMessage.Encoder encoder;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[ClusterMessage.MAX_LENGTH]);
    private AeronCluster.AsyncConnect connecting;
    private AeronCluster client;
    private long lastSentNanos;
    private volatile boolean connected;
    private long leadership;

    /**
     * @param aeronDirectory the member's media driver
     * @param cluster        the members' addresses
     * @param incarnation    this run's id in every message, and its log key's salt
     * @param cards          seals card data under this run's log key
     */
    public IngressForwarder(final String aeronDirectory, final ClusterConfig cluster, final long incarnation,
        final JournalCards cards)
    {
        this.aeronDirectory = aeronDirectory;
        this.cluster = cluster;
        this.encoder = new ClusterMessage.Encoder(incarnation, cards);
    }

    /** True while the client has a session with the cluster. */
    public boolean connected()
    {
        return connected;
    }

    /**
     * Offers the command; false, sending nothing, when there is no session (connecting happens in
     * {@link #poll}), when the ingress pushes back past a bounded wait, or when the leader changes
     * during that wait (the forwarding stage must first send again what waits).
     */
    @Override
    public boolean forward(final SwitchEvent event, final long sequence)
    {
        if (client == null || client.isClosed())
        {
            return false;
        }
        final long leadershipBefore = leadership;
        final int length = encoder.encode(event.command, sequence, message);
        for (int tries = 0; tries < BACK_PRESSURE_TRIES && leadership == leadershipBefore; tries++)
        {
            final long result = client.offer(message, 0, length);
            if (result > 0)
            {
                lastSentNanos = System.nanoTime();
                return true;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED || client.isClosed())
            {
                lost("its ingress closed");
                return false;
            }
            if (result == Publication.NOT_CONNECTED)
            {
                return false;
            }
            client.pollEgress();
            Thread.onSpinWait();
        }
        return false;
    }

    @Override
    public long leadership()
    {
        return leadership;
    }

    @Override
    public int poll()
    {
        if (!ready())
        {
            return 0;
        }
        final int work = client.pollEgress();
        if (System.nanoTime() - lastSentNanos > KEEP_ALIVE_NANOS && client.sendKeepAlive())
        {
            lastSentNanos = System.nanoTime();
        }
        return work;
    }

    /** True once connected; steps a connection attempt (starting one when none runs) otherwise. */
    private boolean ready()
    {
        if (client != null && !client.isClosed())
        {
            return true;
        }
        if (client != null)
        {
            lost("the cluster closed its session");
        }
        try
        {
            if (connecting == null)
            {
                connecting = AeronCluster.asyncConnect(context());
            }
            client = connecting.poll();
        }
        catch (final AeronException e)
        {
            CloseHelper.quietClose(connecting);
            connecting = null;
            LOG.log(System.Logger.Level.WARNING, () -> "cluster member " + cluster.memberId() +
                ": no connection to the cluster yet (" + e.getMessage() + "); trying again");
            return false;
        }
        if (client == null)
        {
            return false;
        }
        connecting = null;
        connected = true;
        lastSentNanos = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, () -> "cluster member " + cluster.memberId() + ": connected to the cluster, " +
            "leader " + client.leaderMemberId() + ", session " + client.clusterSessionId());
        return true;
    }

    private AeronCluster.Context context()
    {
        final StringBuilder ingress = new StringBuilder();
        for (int id = 0; id < cluster.members().size(); id++)
        {
            ingress.append(id == 0 ? "" : ",").append(id).append('=')
                .append(cluster.members().get(id).endpoint(ClusterConfig.INGRESS));
        }
        return new AeronCluster.Context()
            .aeronDirectoryName(aeronDirectory)
            .ingressChannel("aeron:udp")
            .ingressEndpoints(ingress.toString())
            .egressChannel("aeron:udp?endpoint=" + cluster.self().host() + ":0")
            .egressListener(this)
            .messageTimeoutNs(CONNECT_TIMEOUT_NANOS);
    }

    private void lost(final String why)
    {
        leadership++;
        connected = false;
        CloseHelper.quietClose(client);
        client = null;
        LOG.log(System.Logger.Level.WARNING, () -> "cluster member " + cluster.memberId() + ": lost the cluster (" +
            why + "); connecting again");
    }

    @Override
    public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
    }

    @Override
    public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
        final String ingressEndpoints)
    {
        leadership++;
        LOG.log(System.Logger.Level.INFO, () -> "cluster member " + cluster.memberId() + ": the cluster's leader is now " +
            "member " + leaderMemberId + " (term " + leadershipTermId + ")");
    }

    @Override
    public void close()
    {
        connected = false;
        CloseHelper.quietCloseAll(connecting, client);
        client = null;
        connecting = null;
    }
}
