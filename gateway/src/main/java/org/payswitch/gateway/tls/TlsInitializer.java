package org.payswitch.gateway.tls;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;

/**
 * Puts TLS in front of a port's own pipeline: the {@code SslHandler} first, then the
 * {@link TlsHandshakeHandler}, then whatever the port's plaintext initializer adds. The port's
 * handlers see decrypted bytes and need no change; the plaintext initializer stays the only place
 * its pipeline is described.
 */
public final class TlsInitializer extends ChannelInitializer<SocketChannel>
{
    /** Name of the TLS handler in the pipeline. */
    public static final String TLS_HANDLER = "tls";

    private final SslContext context;
    private final ChannelInitializer<SocketChannel> plaintext;

    public TlsInitializer(final SslContext context, final ChannelInitializer<SocketChannel> plaintext)
    {
        this.context = context;
        this.plaintext = plaintext;
    }

    @Override
    protected void initChannel(final SocketChannel channel)
    {
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(TLS_HANDLER, context.newHandler(channel.alloc()));
        pipeline.addLast(TlsHandshakeHandler.INSTANCE);
        pipeline.addLast(plaintext);
    }
}
