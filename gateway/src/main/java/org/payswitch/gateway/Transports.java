package org.payswitch.gateway;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** Native epoll where it is available (Linux x86_64), NIO elsewhere: for the servers and the load generator. */
public final class Transports
{
    private Transports()
    {
    }

    /** True when the native epoll transport loads on this machine. */
    public static boolean epoll()
    {
        return Epoll.isAvailable();
    }

    /** An event loop group of {@code threads} threads on the best transport. */
    public static EventLoopGroup group(final int threads)
    {
        final IoHandlerFactory factory = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    /** The client socket channel class matching {@link #group} (the load generator's). */
    public static Class<? extends Channel> socketChannel()
    {
        return epoll() ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The server channel class matching {@link #group}. */
    public static Class<? extends ServerChannel> serverChannel()
    {
        return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
