package org.payswitch.core.config;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The switch's TLS identity: the private key and certificate chain of the one key entry of a
 * PKCS12 key store. {@link #toString()} names the certificate, never the key.
 */
public final class ServerKey
{
    private static final String KEY = "tls-key-store";

    private final Path source;
    private final String alias;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private ServerKey(final Path source, final String alias, final PrivateKey privateKey,
        final List<X509Certificate> chain)
    {
        this.source = source;
        this.alias = alias;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /**
     * Loads the store's only key entry (the store's password also opens the key, as keytool makes
     * it) and refuses a store without one, with several, or whose certificate is not valid now.
     * Clears {@code password}.
     */
    static ServerKey load(final Path file, final char[] password)
    {
        try
        {
            final KeyStore store = Pkcs12.open(KEY, file, password);
            final List<String> keys = new ArrayList<>();
            for (final String alias : Collections.list(store.aliases()))
            {
                if (store.isKeyEntry(alias))
                {
                    keys.add(alias);
                }
            }
            if (keys.isEmpty())
            {
                throw new ConfigException(KEY + ": no key entry (a private key with its certificate chain) in " +
                    file.toAbsolutePath());
            }
            if (keys.size() > 1)
            {
                throw new ConfigException(KEY + ": " + keys.size() + " key entries in " + file.toAbsolutePath() +
                    " (" + String.join(", ", keys) + "): keep only the switch's");
            }
            final String alias = keys.get(0);
            final PrivateKey privateKey = (PrivateKey)store.getKey(alias, password);
            final List<X509Certificate> chain = new ArrayList<>();
            for (final Certificate certificate : store.getCertificateChain(alias))
            {
                chain.add((X509Certificate)certificate);
            }
            checkValidNow(file, chain.get(0));
            return new ServerKey(file, alias, privateKey, chain);
        }
        catch (final GeneralSecurityException e)
        {
            throw new ConfigException(KEY + ": cannot read the key entry of " + file.toAbsolutePath() +
                " with the store's password (" + e.getMessage() + ")");
        }
        finally
        {
            Arrays.fill(password, '\0');
        }
    }

    private static void checkValidNow(final Path file, final X509Certificate certificate)
    {
        try
        {
            certificate.checkValidity();
        }
        catch (final CertificateExpiredException e)
        {
            throw new ConfigException(KEY + ": the certificate in " + file.toAbsolutePath() + " expired on " +
                certificate.getNotAfter().toInstant());
        }
        catch (final CertificateNotYetValidException e)
        {
            throw new ConfigException(KEY + ": the certificate in " + file.toAbsolutePath() + " is valid only from " +
                certificate.getNotBefore().toInstant());
        }
    }

    /** The private key, for the TLS engine only. */
    public PrivateKey privateKey()
    {
        return privateKey;
    }

    /** The certificate chain, the switch's own certificate first. */
    public List<X509Certificate> chain()
    {
        return chain;
    }

    /** The subject of the switch's certificate (RFC 2253). */
    public String subject()
    {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /** When the switch's certificate expires. */
    public Instant notAfter()
    {
        return chain.get(0).getNotAfter().toInstant();
    }

    @Override
    public String toString()
    {
        return "ServerKey[" + source + " '" + alias + "', subject=" + subject() + ", notAfter=" + notAfter() + "]";
    }
}
