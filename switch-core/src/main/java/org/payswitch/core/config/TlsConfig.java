package org.payswitch.core.config;

import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * TLS on the switch's ports: which ports speak it, the server's key and certificate, and whether
 * clients must show a certificate signed by (or equal to) one of {@code trusted}. Off by default,
 * so the demo start stays one command. The key store and trust store are loaded and checked when
 * the configuration is read, so a bad file or password stops the switch at start with a message
 * naming its key; passwords come from a file or the environment, never from the command line, and
 * are not kept once the stores are read.
 *
 * @param http       TLS on the HTTP/JSON port
 * @param iso        TLS on the ISO 8583 port
 * @param clientAuth whether clients must show a certificate
 * @param key        the server's key and certificate chain; null when neither port speaks TLS
 * @param trusted    the certificates a client's certificate must chain to; empty with {@link ClientAuth#NONE}
 */
public record TlsConfig(boolean http, boolean iso, ClientAuth clientAuth, ServerKey key, List<X509Certificate> trusted)
{
    /** Environment variable read for the key store's password when {@code tls-key-store-password-file} is not set. */
    public static final String KEY_STORE_PASSWORD_ENV = "PAYSWITCH_TLS_KEY_STORE_PASSWORD";
    /** Environment variable read for the trust store's password when {@code tls-trust-store-password-file} is not set. */
    public static final String TRUST_STORE_PASSWORD_ENV = "PAYSWITCH_TLS_TRUST_STORE_PASSWORD";

    /** No TLS anywhere: the default. */
    public static final TlsConfig OFF = new TlsConfig(false, false, ClientAuth.NONE, null, List.of());

    /** Whether a client must (or may) authenticate itself with a certificate during the handshake. */
    public enum ClientAuth
    {
        /** No client certificate is asked for. */
        NONE,
        /** A certificate is asked for; a client without one is served, one with an untrusted one refused. */
        OPTIONAL,
        /** A client without a certificate trusted by the trust store is refused at the handshake. */
        REQUIRE
    }

    public TlsConfig
    {
        trusted = List.copyOf(trusted);
    }

    /** The TLS keys and their defaults as text, in the order they are documented. */
    public static Map<String, String> defaults()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("tls-http", "false");
        defaults.put("tls-iso", "false");
        defaults.put("tls-key-store", "");
        defaults.put("tls-key-store-password-file", "");
        defaults.put("tls-client-auth", "NONE");
        defaults.put("tls-trust-store", "");
        defaults.put("tls-trust-store-password-file", "");
        return defaults;
    }

    /**
     * The TLS settings from the switch's textual values, loading and checking the stores they name.
     *
     * @param environment looks up environment variables (the passwords' fallback); {@code System::getenv} in the switch
     */
    public static TlsConfig from(final Map<String, String> values, final UnaryOperator<String> environment)
    {
        final TlsSettings settings = new TlsSettings(values, environment);
        final boolean http = settings.bool("tls-http");
        final boolean iso = settings.bool("tls-iso");
        final ClientAuth clientAuth = settings.clientAuth("tls-client-auth");
        final boolean trustStoreSet = settings.isSet("tls-trust-store");
        if (!http && !iso)
        {
            if (clientAuth != ClientAuth.NONE)
            {
                throw new ConfigException("tls-client-auth: " + clientAuth + " needs tls-http or tls-iso true");
            }
            return OFF;
        }
        if (clientAuth == ClientAuth.NONE && trustStoreSet)
        {
            throw new ConfigException("tls-trust-store: set, but tls-client-auth is NONE: set tls-client-auth to " +
                "OPTIONAL or REQUIRE, or remove tls-trust-store");
        }
        if (clientAuth != ClientAuth.NONE && !trustStoreSet)
        {
            throw new ConfigException("tls-trust-store: required with tls-client-auth " + clientAuth +
                " (a PKCS12 file of the certificates client certificates must chain to)");
        }
        final ServerKey key = ServerKey.load(settings.file("tls-key-store",
            "required with tls-http or tls-iso true (a PKCS12 file with the server's key and certificate)"),
            settings.password("tls-key-store-password-file", KEY_STORE_PASSWORD_ENV));
        final List<X509Certificate> trusted = clientAuth == ClientAuth.NONE ? List.of() :
            TrustedCertificates.load(settings.file("tls-trust-store", "required"),
                settings.password("tls-trust-store-password-file", TRUST_STORE_PASSWORD_ENV));
        return new TlsConfig(http, iso, clientAuth, key, trusted);
    }

    /** True when at least one port speaks TLS. */
    public boolean enabled()
    {
        return http || iso;
    }

    /** Names what is configured, never a secret: the certificates are summarised, the key is not shown. */
    @Override
    public String toString()
    {
        return "TlsConfig[http=" + http + ", iso=" + iso + ", clientAuth=" + clientAuth + ", key=" + key +
            ", trusted=" + trusted.size() + " certificates]";
    }
}
