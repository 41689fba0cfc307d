package org.payswitch.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import org.payswitch.gateway.Transports;
import org.payswitch.gateway.iso.IsoFrameDecoder;

/**
 * Drives one run: opens the connections, starts them together, and then, second by second,
 * closes the {@link Timeline}'s second, prints its progress line, starts and ends the closed
 * loop's measured period, and once the schedule (or the closed loop's duration) is over waits at
 * most the grace period for the answers still due. Returns the totals once the event loops are
 * shut down, so every counter it reads was last written before.
 */
final class LoadRun
{
    private static final long NANOS = 1_000_000_000L;

    private final LoadGenerator options;
    private final LoadPlan plan;
    private final String[] merchantIds;
    private final PrintStream out;
    private final PrintStream progress;
    private final CountDownLatch done;
    private final List<LoadConnection<?>> connections = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();

    /** @param progress where the progress lines go, null for none */
    LoadRun(final LoadGenerator options, final LoadPlan plan, final String[] merchantIds, final PrintStream out,
        final PrintStream progress)
    {
        this.options = options;
        this.plan = plan;
        this.merchantIds = merchantIds;
        this.out = out;
        this.progress = progress;
        this.done = new CountDownLatch(plan.connections());
    }

    /** Runs; null when a connection could not be opened (said on {@code out}). */
    LoadResult run() throws InterruptedException
    {
        final SslContext tls;
        try
        {
            tls = options.tls ? LoadTls.client(options.tlsTrust) : null;
        }
        catch (final SSLException | IllegalArgumentException e)
        {
            out.println("loadgen: cannot set up TLS: " + e.getMessage());
            return null;
        }
        final EventLoopGroup group = Transports.group(options.threads);
        final long measuredNanos;
        try
        {
            if (!connect(group, tls))
            {
                return null;
            }
            measuredNanos = drive();
        }
        finally
        {
            connections.forEach(LoadConnection::stopSending);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        return LoadResult.of(connections, measuredNanos, done.getCount() == 0);
    }

    /** Opens the connections, each with TLS first in its pipeline when {@code tls} is not null. */
    private boolean connect(final EventLoopGroup group, final SslContext tls)
    {
        for (int c = 0; c < plan.connections(); c++)
        {
            final RequestSource requests = new RequestSource(options.seed, c, options.runId, options.cards,
                options.merchants, options.hotSharePercent());
            final LoadConnection<?> handler = options.protocol == LoadGenerator.Protocol.ISO ?
                new IsoLoadConnection(plan, c, requests, merchantIds, done) :
                new HttpLoadConnection(plan, c, requests, merchantIds, done, options.host + ":" + options.port,
                    options.apiKey());
            connections.add(handler);
            final ChannelFuture connected = new Bootstrap().group(group).channel(Transports.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel ch)
                    {
                        if (tls != null)
                        {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc(), options.host, options.port));
                        }
                        if (options.protocol == LoadGenerator.Protocol.ISO)
                        {
                            ch.pipeline().addLast(new IsoFrameDecoder(), handler);
                        }
                        else
                        {
                            ch.pipeline().addLast(new HttpAnswerDecoder(), handler);
                        }
                    }
                })
                .connect(options.host, options.port).awaitUninterruptibly();
            if (!connected.isSuccess())
            {
                out.println("loadgen: cannot connect to " + options.host + ":" + options.port + ": " +
                    connected.cause().getMessage());
                return false;
            }
            final SslHandler handshake = connected.channel().pipeline().get(SslHandler.class);
            if (handshake != null && !handshake.handshakeFuture().awaitUninterruptibly().isSuccess())
            {
                out.println("loadgen: TLS handshake with " + options.host + ":" + options.port + " failed: " +
                    handshake.handshakeFuture().cause().getMessage());
                return false;
            }
            channels.add(connected.channel());
        }
        return true;
    }

    /** The seconds of the run; returns the length of the measured period, nanoseconds. */
    private long drive() throws InterruptedException
    {
        final int warmup = options.warmupSeconds;
        final int end = warmup + options.durationSeconds;
        final long start = plan.now();
        plan.timeline().start(start);
        if (warmup == 0)
        {
            connections.forEach(c -> c.measuring = true);
        }
        for (int c = 0; c < connections.size(); c++)
        {
            connections.get(c).begin(channels.get(c));
        }
        long measuredFrom = start;
        long measuredTo = start + end * NANOS;
        for (int second = 0; ; second++)
        {
            final long secondEnds = start + (second + 1) * NANOS;
            final boolean finished = done.await(Math.max(0, secondEnds - plan.now()), TimeUnit.NANOSECONDS);
            plan.timeline().closeSecond(second);
            if (progress != null)
            {
                progress.println(line(second));
            }
            if (!plan.openLoop() && second + 1 == warmup)
            {
                measuredFrom = plan.now();
                connections.forEach(c -> c.measuring = true);
            }
            if (!plan.openLoop() && second + 1 == end)
            {
                connections.forEach(c -> c.measuring = false);
                measuredTo = plan.now();
                connections.forEach(LoadConnection::stopSending);
            }
            if (finished || second + 1 >= end + options.graceSeconds)
            {
                if (!plan.openLoop() && second + 1 < end)
                {
                    measuredTo = plan.now();
                }
                break;
            }
        }
        return plan.openLoop() ? options.durationSeconds * NANOS : measuredTo - measuredFrom;
    }

    /** The progress line of a closed second: sent/s, answered/s, answers by code, discounted, p99. */
    private String line(final int second)
    {
        final Timeline t = plan.timeline();
        final StringBuilder line = new StringBuilder(String.format("loadgen: %3d s  sent %d/s  answered %d/s ",
            second + 1, t.sent(second), t.answered(second)));
        for (int code = 0; code < 100; code++)
        {
            if (t.answers(second, code) > 0)
            {
                line.append(String.format(" %02d=%d", code, t.answers(second, code)));
            }
        }
        if (t.notSent(second) > 0)
        {
            line.append("  not sent ").append(t.notSent(second));
        }
        line.append("  discounted ").append(t.discounted(second));
        line.append(String.format("  p99 %.3f ms", t.percentile(second, 1) / 1e6));
        return line.toString();
    }
}
