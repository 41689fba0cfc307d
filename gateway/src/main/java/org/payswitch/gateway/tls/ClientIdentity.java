package org.payswitch.gateway.tls;

import java.security.cert.X509Certificate;
import java.util.Optional;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * Who the client of a TLS connection proved to be: its verified certificate, set on the channel
 * (attribute {@link #KEY}) when the handshake succeeds with a client certificate the trust store
 * accepted. Handlers read it with {@link #of(Channel)}, e.g. to scope an acquirer by its certificate.
 *
 * @param subject     the certificate's subject, RFC 2253 ({@code CN=acquirer-1,O=Demo Acquirer})
 * @param certificate the client's own certificate, first of the chain it sent
 */
public record ClientIdentity(String subject, X509Certificate certificate)
{
    /** The channel attribute holding a connection's identity. */
    public static final AttributeKey<ClientIdentity> KEY = AttributeKey.valueOf(ClientIdentity.class, "clientIdentity");

    /** The identity proved on this connection: empty on plaintext, before the handshake, or without a client certificate. */
    public static Optional<ClientIdentity> of(final Channel channel)
    {
        return Optional.ofNullable(channel.attr(KEY).get());
    }

    /** The certificate's subject, not the certificate: short enough for a log line. */
    @Override
    public String toString()
    {
        return "ClientIdentity[" + subject + "]";
    }
}
