package org.payswitch.benchmarks.bare;

import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import org.payswitch.gateway.Transports;

/**
 * A bare server's listening socket: the switch's transport (epoll where available, one acceptor,
 * {@code --io-threads} I/O threads, TCP_NODELAY), each connection's pipeline given by the server.
 * Both bare servers open theirs the same way, so their figures differ only by what they do.
 */
final class BareListener
{
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private final Channel server;

    private BareListener(final EventLoopGroup boss, final EventLoopGroup io, final Channel server)
    {
        this.boss = boss;
        this.io = io;
        this.server = server;
    }

    /** Binds {@code options.bind:port}; every accepted connection's pipeline is built by {@code handlers}. */
    static BareListener open(final ListenOptions options, final int port, final Consumer<ChannelPipeline> handlers)
        throws InterruptedException
    {
        final EventLoopGroup boss = Transports.group(1);
        final EventLoopGroup io = Transports.group(options.ioThreads);
        final Channel server = new ServerBootstrap()
            .group(boss, io)
            .channel(Transports.serverChannel())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    handlers.accept(channel.pipeline());
                }
            })
            .bind(options.bind, port).sync().channel();
        return new BareListener(boss, io, server);
    }

    /** The address actually bound (useful with port 0). */
    SocketAddress localAddress()
    {
        return server.localAddress();
    }

    /** The transport's name, for the start line. */
    static String transport()
    {
        return Transports.epoll() ? "epoll" : "nio";
    }

    /** Closes the socket and stops the event loops. */
    void close()
    {
        server.close().syncUninterruptibly();
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Waits until the socket is closed (by {@link #close} from a shutdown hook). */
    void awaitClose()
    {
        server.closeFuture().syncUninterruptibly();
    }
}
