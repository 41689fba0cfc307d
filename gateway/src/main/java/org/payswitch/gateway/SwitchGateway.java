package org.payswitch.gateway;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import org.payswitch.core.config.AuthConfig;
import org.payswitch.core.config.GatewayLimits;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.config.TlsConfig;
import org.payswitch.core.node.ClusterNode;
import org.payswitch.core.node.RunningNode;
import org.payswitch.core.node.SwitchNode;
import org.payswitch.gateway.auth.ApiKeys;
import org.payswitch.gateway.guard.ConnectionLimiter;
import org.payswitch.gateway.guard.PortConnections;
import org.payswitch.gateway.http.HttpContext;
import org.payswitch.gateway.http.HttpServerInitializer;
import org.payswitch.gateway.iso.Acquirers;
import org.payswitch.gateway.iso.IsoServerInitializer;
import org.payswitch.gateway.ops.OpsHistory;
import org.payswitch.gateway.ops.OpsSampler;
import org.payswitch.gateway.reply.GatewayReplySink;
import org.payswitch.gateway.tls.ServerTlsContext;
import org.payswitch.gateway.tls.TlsInitializer;

/**
 * The whole switch: the node (engine, pipeline, journal) behind Netty servers for HTTP/JSON and
 * ISO 8583. Ready when recovery is done and both ports are open; stops gracefully. A port with TLS
 * configured gets it in front of its own pipeline ({@link TlsInitializer}); in front of both, each
 * port's connection caps ({@link ConnectionLimiter}), and in each pipeline its deadlines. The
 * operations page's sampler ({@link OpsSampler}) runs from start to stop.
 */
public final class SwitchGateway implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(SwitchGateway.class.getName());

    private final RunningNode node;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final Channel http;
    private final Channel iso;
    private final OpsSampler opsSampler;
    private volatile boolean open;
    private boolean stopped;
    private boolean drainedAtStop;

    private SwitchGateway(final SwitchConfig config)
    {
        final TlsConfig tls = config.tls();
        final SslContext tlsContext = tls.enabled() ? ServerTlsContext.of(tls) : null;
        final GatewayReplySink sink = new GatewayReplySink();
        node = config.cluster().enabled() ?
            ClusterNode.start(config, sink, IsoServerInitializer::newSlotAttachment) :
            SwitchNode.start(config, sink, IsoServerInitializer::newSlotAttachment);
        acceptors = Transports.group(1);
        workers = Transports.group(config.ioThreads());
        final GatewayLimits limits = config.limits();
        final AuthConfig auth = config.auth();
        final PortConnections httpConnections = new PortConnections("http", limits.maxConnections(),
            limits.maxConnectionsPerAddress());
        final PortConnections isoConnections = new PortConnections("iso", limits.maxConnections(),
            limits.maxConnectionsPerAddress());
        final OpsHistory opsHistory = new OpsHistory(OpsHistory.DEFAULT_CAPACITY);
        final HttpContext httpContext = new HttpContext(node.pipeline(), auth.adminToken(), ApiKeys.of(auth.apiKeys()),
            config.zone(), this::isReady, List.of(httpConnections, isoConnections), opsHistory);
        http = bind(config.bind(), config.httpPort(), new ConnectionLimiter(httpConnections,
            withTls(tls.http(), tlsContext, new HttpServerInitializer(httpContext, limits, httpConnections))));
        iso = bind(config.bind(), config.isoPort(), new ConnectionLimiter(isoConnections,
            withTls(tls.iso(), tlsContext, new IsoServerInitializer(node.pipeline(), Acquirers.of(auth.acquirers()),
                limits, isoConnections))));
        opsSampler = new OpsSampler(node.pipeline(), System::currentTimeMillis, opsHistory);
        opsSampler.start();
        open = true;
        if (tls.enabled())
        {
            LOG.log(System.Logger.Level.INFO, () -> String.format(
                "TLS on %s, client certificates %s; certificate %s, expires %s",
                tls.http() && tls.iso() ? "HTTP and ISO 8583" : tls.http() ? "HTTP only" : "ISO 8583 only",
                tls.clientAuth().name().toLowerCase(Locale.ROOT), tls.key().subject(), tls.key().notAfter()));
        }
        LOG.log(System.Logger.Level.INFO, () -> String.format(
            "callers: %s; %s", auth.checkoutKeysRequired() ? auth.apiKeys().size() + " checkout API keys required" :
                "checkout endpoints open (no api-keys-file, loopback only)",
            auth.acquirersRequired() ? auth.acquirers().size() + " acquirers served" :
                "any acquirer served (no acquirers-file, loopback only)"));
        LOG.log(System.Logger.Level.INFO, () -> String.format(
            "payment switch ready: HTTP %s, ISO 8583 %s, data %s, transport %s", http.localAddress(),
            iso.localAddress(), config.dataDir().toAbsolutePath(), Transports.epoll() ? "epoll" : "nio"));
    }

    /** Recovers, starts the pipeline and opens both ports. */
    public static SwitchGateway start(final SwitchConfig config)
    {
        return new SwitchGateway(config);
    }

    /** True when recovery is done, both ports are open and the pipeline accepts requests. */
    public boolean isReady()
    {
        return open && node.isReady();
    }

    /** The HTTP port actually bound (useful with port 0). */
    public int httpPort()
    {
        return ((InetSocketAddress)http.localAddress()).getPort();
    }

    /** The ISO 8583 port actually bound. */
    public int isoPort()
    {
        return ((InetSocketAddress)iso.localAddress()).getPort();
    }

    /** The node behind the servers: standalone, or a member of a cluster. */
    public RunningNode node()
    {
        return node;
    }

    /**
     * Stops gracefully: closes the listening ports, stops accepting requests (91), executes,
     * journals and answers everything in the ring, lets the answers flush, closes connections.
     * Returns true when the ring drained. A second call waits for the first and returns its result.
     */
    public synchronized boolean stop()
    {
        if (stopped)
        {
            return drainedAtStop;
        }
        stopped = true;
        open = false;
        opsSampler.close();
        http.close().syncUninterruptibly();
        iso.close().syncUninterruptibly();
        final boolean drained = node.stop();
        drainedAtStop = drained;
        workers.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        acceptors.shutdownGracefully(0, 1_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        LOG.log(System.Logger.Level.INFO, drained ? "payment switch stopped: every request answered" :
            "payment switch stopped: the ring did not drain in time");
        return drained;
    }

    @Override
    public void close()
    {
        stop();
    }

    private static ChannelInitializer<SocketChannel> withTls(final boolean on, final SslContext context,
        final ChannelInitializer<SocketChannel> plaintext)
    {
        return on ? new TlsInitializer(context, plaintext) : plaintext;
    }

    private Channel bind(final String address, final int port, final ChannelInitializer<Channel> initializer)
    {
        return new ServerBootstrap()
            .group(acceptors, workers)
            .channel(Transports.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
            .childHandler(initializer)
            .bind(address, port)
            .syncUninterruptibly()
            .channel();
    }
}
