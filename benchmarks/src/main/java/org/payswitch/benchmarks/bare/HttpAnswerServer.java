package org.payswitch.benchmarks.bare;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import org.payswitch.gateway.Transports;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The bare limit of the switch's HTTP/JSON path: a Netty HTTP/1.1 keep-alive server (native epoll
 * when available, as the switch's {@link Transports}; {@code HttpServerCodec} and a 64 KiB
 * {@code HttpObjectAggregator}, as the switch reads a body) that answers every POST with a fixed
 * JSON body of the size of the switch's authorization answer ({@link FixedAnswerHandler}), on the
 * event loop: no parsing, no ring, no engine, no journal.
 * <p>It is what the same client can get from the same HTTP stack on the same machine: the
 * switch's HTTP throughput in the same run is judged as a fraction of it. With one request in
 * flight per connection, both are mostly the kernel's and the client's costs (reads, writes and
 * wake-ups per request), which is why the ratio, not the absolute figure, says something.
 */
@Command(name = "http-answer-server", mixinStandardHelpOptions = true,
    description = "Bare limit of the HTTP/JSON path: answers every POST with a fixed JSON body the size of the " +
        "switch's authorization answer, no logic.")
public final class HttpAnswerServer implements Callable<Integer>
{
    @Option(names = "--port", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Mixin
    ListenOptions listen = new ListenOptions();

    public static void main(final String[] args)
    {
        final int status = new CommandLine(new HttpAnswerServer()).execute(args);
        if (status != 0)
        {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final EventLoopGroup boss = Transports.group(1);
        final EventLoopGroup io = Transports.group(listen.ioThreads);
        final Channel server = new ServerBootstrap()
            .group(boss, io)
            .channel(Transports.serverChannel())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(FixedAnswerHandler.INSTANCE);
                }
            })
            .bind(listen.bind, port).sync().channel();
        System.out.printf("http-answer-server listening on %s (%s, %d I/O thread(s), answer of %d bytes)%n",
            server.localAddress(), Transports.epoll() ? "epoll" : "nio", listen.ioThreads,
            FixedAnswerHandler.ANSWER.length());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            server.close().syncUninterruptibly();
            io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }, "http-answer-stop"));
        server.closeFuture().syncUninterruptibly();
        return 0;
    }
}
