package org.payswitch.gateway.tls;

import java.util.List;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import org.payswitch.core.config.TlsConfig;

/**
 * The server side of TLS, one context for both ports: the JDK's provider, TLS 1.3 and 1.2 only, and
 * only forward-secret AEAD cipher suites (ECDHE with AES-GCM or ChaCha20-Poly1305 for 1.2), those the
 * running JDK lacks left out. With client auth the client's certificate must chain to the trust store.
 */
public final class ServerTlsContext
{
    /** The protocol versions offered, newest first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** The cipher suites offered, preferred first. */
    public static final List<String> CIPHERS = List.of(
        "TLS_AES_128_GCM_SHA256",
        "TLS_AES_256_GCM_SHA384",
        "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private ServerTlsContext()
    {
    }

    /** The context for {@code tls}, which must have a key ({@link TlsConfig#enabled()}). */
    public static SslContext of(final TlsConfig tls)
    {
        final SslContextBuilder builder = SslContextBuilder.forServer(tls.key().privateKey(), tls.key().chain())
            .sslProvider(SslProvider.JDK)
            .protocols(PROTOCOLS)
            .ciphers(CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
            .clientAuth(clientAuth(tls.clientAuth()));
        if (!tls.trusted().isEmpty())
        {
            builder.trustManager(tls.trusted());
        }
        try
        {
            return builder.build();
        }
        catch (final SSLException e)
        {
            throw new IllegalStateException("TLS: cannot build the server context: " + e.getMessage(), e);
        }
    }

    private static ClientAuth clientAuth(final TlsConfig.ClientAuth clientAuth)
    {
        return switch (clientAuth)
        {
            case NONE -> ClientAuth.NONE;
            case OPTIONAL -> ClientAuth.OPTIONAL;
            case REQUIRE -> ClientAuth.REQUIRE;
        };
    }
}
