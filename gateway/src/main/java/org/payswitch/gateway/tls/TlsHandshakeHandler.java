package org.payswitch.gateway.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Right behind the {@code SslHandler}: when the handshake succeeds, sets the verified client
 * certificate's {@link ClientIdentity} on the channel (if the client showed one); when it fails
 * (a plaintext client, an untrusted or missing client certificate, no common protocol) says so in
 * one line and lets the connection close, without a stack trace. TLS errors after the handshake
 * close the connection the same way; other errors go on to the port's handlers. The line never
 * shows what a plaintext client sent (Netty's message would dump it: card numbers, tokens).
 */
@ChannelHandler.Sharable
public final class TlsHandshakeHandler extends ChannelInboundHandlerAdapter
{
    /** Stateless: one for all connections. */
    public static final TlsHandshakeHandler INSTANCE = new TlsHandshakeHandler();

    private static final System.Logger LOG = System.getLogger(TlsHandshakeHandler.class.getName());

    private TlsHandshakeHandler()
    {
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof SslHandshakeCompletionEvent completion)
        {
            if (completion.isSuccess())
            {
                identify(ctx);
            }
            else
            {
                LOG.log(System.Logger.Level.INFO, () -> "closing " + ctx.channel().remoteAddress() +
                    ": TLS handshake failed: " + describe(completion.cause()));
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!isTls(cause))
        {
            ctx.fireExceptionCaught(cause);
            return;
        }
        final SslHandler tls = ctx.pipeline().get(SslHandler.class);
        if (tls != null && tls.handshakeFuture().isSuccess())
        {
            LOG.log(System.Logger.Level.INFO, () -> "closing " + ctx.channel().remoteAddress() + ": TLS: " +
                describe(cause));
        }
        ctx.close();
    }

    private static void identify(final ChannelHandlerContext ctx)
    {
        final SslHandler tls = ctx.pipeline().get(SslHandler.class);
        try
        {
            final Certificate[] peer = tls.engine().getSession().getPeerCertificates();
            if (peer.length > 0 && peer[0] instanceof X509Certificate certificate)
            {
                ctx.channel().attr(ClientIdentity.KEY).set(
                    new ClientIdentity(certificate.getSubjectX500Principal().getName(), certificate));
            }
        }
        catch (final SSLPeerUnverifiedException e)
        {
            ctx.channel().attr(ClientIdentity.KEY).set(null);
        }
    }

    private static boolean isTls(final Throwable cause)
    {
        for (Throwable t = cause; t != null; t = t.getCause())
        {
            if (t instanceof SSLException)
            {
                return true;
            }
        }
        return false;
    }

    private static String describe(final Throwable cause)
    {
        for (Throwable t = cause; t != null; t = t.getCause())
        {
            if (t instanceof NotSslRecordException)
            {
                return "not a TLS record (a plaintext client?)";
            }
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
