package org.payswitch.tools;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import org.payswitch.core.demo.DemoData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end peak load generator: authorizations to a running switch, as ISO 8583 0100s over
 * TCP (acquirers) or HTTP/JSON {@code POST /v1/authorizations} (checkout systems), on several connections, each keeping a window of requests in flight (closed loop), for a warm-up
 * and then a measured period; prints answers per second, the answers by response code and the
 * latency percentiles of the measured period. Exit status 0 when every request sent was answered
 * and matched, 1 otherwise, 2 when the switch cannot be reached. It is the tools jar's main
 * command; {@code journal} ({@link JournalTool}) is its one subcommand. tools/README.md shows how to run it against a switch with its demo data.
 */
@Command(name = "payment-switch-tools", mixinStandardHelpOptions = true, subcommands = JournalTool.class,
    description = {"Without a command: the load generator. Sends authorizations (ISO 8583 or HTTP/JSON) to a " +
        "payment switch and reports throughput and latency.", "journal: prints a switch's journal (PANs masked)."})
public final class LoadGenerator implements Callable<Integer>
{
    @Option(names = "--host", description = "switch host (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    /** The switch's protocols. */
    enum Protocol
    {
        ISO, HTTP
    }

    @Option(names = "--protocol", description = "ISO (8583 over TCP) or HTTP (JSON) (default: ${DEFAULT-VALUE})")
    Protocol protocol = Protocol.ISO;

    @Option(names = "--port", description = "switch port (default: 8583 for ISO, 8080 for HTTP)")
    Integer port;

    @Option(names = "--connections", description = "TCP connections (default: ${DEFAULT-VALUE})")
    int connections = 4;

    @Option(names = "--window", description = "requests in flight per connection (default: ${DEFAULT-VALUE})")
    int window = 64;

    @Option(names = "--warmup", description = "seconds sent before measuring (default: ${DEFAULT-VALUE})")
    int warmupSeconds = 5;

    @Option(names = "--duration", description = "seconds measured (default: ${DEFAULT-VALUE})")
    int durationSeconds = 20;

    @Option(names = "--cards", description = "demo cards the switch holds, 0..N-1 (default: ${DEFAULT-VALUE})")
    int cards = 1_000_000;

    @Option(names = "--merchants", description = "demo merchants the switch holds (default: ${DEFAULT-VALUE})")
    int merchants = DemoData.MERCHANTS;

    @Option(names = "--threads", description = "client event loop threads (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--seed", description = "random seed of cards, merchants and amounts (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--run-id", description = "4 characters [0-9A-Z] that start every DE 37 of this run (default: from the clock)")
    String runId = defaultRunId();

    /** Chronicle's INFO lines (banner, mappings) held back, as the switch's launcher does; warnings still show. */
    private static final Logger CHRONICLE = Logger.getLogger("net.openhft");

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private LoadResult result;

    public LoadGenerator()
    {
        this(System.out);
    }

    LoadGenerator(final PrintStream out)
    {
        this.out = out;
    }

    public static void main(final String[] args)
    {
        CHRONICLE.setLevel(Level.WARNING);
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final String problem = validate();
        if (problem != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        final String[] merchantIds = new String[merchants];
        for (int j = 0; j < merchants; j++)
        {
            merchantIds[j] = DemoData.merchantId(j);
        }
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        final CountDownLatch done = new CountDownLatch(connections);
        final List<LoadConnection<?>> handlers = new ArrayList<>();
        if (port == null)
        {
            port = protocol == Protocol.ISO ? 8583 : 8080;
        }
        try
        {
            for (int c = 0; c < connections; c++)
            {
                final RequestSource requests = new RequestSource(seed, c, runId, cards, merchants);
                final LoadConnection<?> handler = protocol == Protocol.ISO ?
                    new IsoLoadConnection(window, requests, merchantIds, done) :
                    new HttpLoadConnection(window, requests, merchantIds, done, host + ":" + port);
                handlers.add(handler);
                final ChannelFuture connected = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>()
                    {
                        @Override
                        protected void initChannel(final SocketChannel ch)
                        {
                            if (protocol == Protocol.ISO)
                            {
                                ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(4098, 0, 2, 0, 2, true), handler);
                            }
                            else
                            {
                                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536), handler);
                            }
                        }
                    })
                    .connect(host, port).awaitUninterruptibly();
                if (!connected.isSuccess())
                {
                    out.println("loadgen: cannot connect to " + host + ":" + port + ": " + connected.cause().getMessage());
                    return 2;
                }
            }
            TimeUnit.SECONDS.sleep(warmupSeconds);
            handlers.forEach(h -> h.measuring = true);
            final long started = System.nanoTime();
            TimeUnit.SECONDS.sleep(durationSeconds);
            handlers.forEach(h -> h.measuring = false);
            final long measuredNanos = System.nanoTime() - started;
            handlers.forEach(LoadConnection::stopSending);
            final boolean drained = done.await(30, TimeUnit.SECONDS);
            result = LoadResult.of(handlers, measuredNanos, drained);
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        out.println(describe());
        out.print(result.report());
        return result.complete() ? 0 : 1;
    }

    /** What the last run measured; null before a run. */
    LoadResult result()
    {
        return result;
    }

    private String describe()
    {
        return String.format("loadgen: %s, %d connection(s) x %d in flight to %s:%d, %d s warm-up + %d s measured, " +
            "%d demo cards, %d merchants, run id %s", protocol, connections, window, host, port, warmupSeconds,
            durationSeconds, cards, merchants, runId);
    }

    private String validate()
    {
        if (connections < 1 || connections > 1_000)
        {
            return "--connections: 1..1000";
        }
        if (window < 1 || window > 100_000)
        {
            return "--window: 1..100000";
        }
        if (warmupSeconds < 0 || durationSeconds < 1)
        {
            return "--warmup: >= 0, --duration: >= 1";
        }
        if (cards < 1 || merchants < 1 || merchants > DemoData.MERCHANTS || threads < 1)
        {
            return "--cards: >= 1, --merchants: 1.." + DemoData.MERCHANTS + ", --threads: >= 1";
        }
        if (runId == null || !runId.matches("[0-9A-Z]{4}"))
        {
            return "--run-id: 4 characters [0-9A-Z]";
        }
        return null;
    }

    private static String defaultRunId()
    {
        final String seconds = Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase();
        return seconds.substring(seconds.length() - 4);
    }
}
