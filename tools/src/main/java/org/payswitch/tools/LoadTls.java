package org.payswitch.tools;

import java.nio.file.Path;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import org.payswitch.gateway.tls.ServerTlsContext;

/**
 * The load generator's TLS client, for measuring what TLS costs the switch, not for talking to a
 * switch one must trust: the JDK provider and the switch's own protocols, and either any server
 * certificate (trust-all) or the certificates of a PEM file; host names are never checked. No
 * client certificate is shown, so a port with {@code tls-client-auth REQUIRE} refuses it.
 */
final class LoadTls
{
    private LoadTls()
    {
    }

    /** A client context trusting the PEM certificates in {@code trusted}, or any certificate when it is null. */
    static SslContext client(final Path trusted) throws SSLException
    {
        final SslContextBuilder builder = SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .protocols(ServerTlsContext.PROTOCOLS)
            .endpointIdentificationAlgorithm(null);
        if (trusted == null)
        {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        }
        else
        {
            builder.trustManager(trusted.toFile());
        }
        return builder.build();
    }
}
