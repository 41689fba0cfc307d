package org.payswitch.core.config;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The certificates of a PKCS12 trust store (its certificate entries): what client certificates must chain to. */
final class TrustedCertificates
{
    private static final String KEY = "tls-trust-store";

    private TrustedCertificates()
    {
    }

    /** Loads every certificate entry; refuses a store with none. Clears {@code password}. */
    static List<X509Certificate> load(final Path file, final char[] password)
    {
        try
        {
            final KeyStore store = Pkcs12.open(KEY, file, password);
            final List<X509Certificate> trusted = new ArrayList<>();
            for (final String alias : Collections.list(store.aliases()))
            {
                final Certificate certificate = store.getCertificate(alias);
                if (store.isCertificateEntry(alias) && certificate instanceof X509Certificate)
                {
                    trusted.add((X509Certificate)certificate);
                }
            }
            if (trusted.isEmpty())
            {
                throw new ConfigException(KEY + ": no trusted certificate entry in " + file.toAbsolutePath() +
                    " (add one with keytool -importcert)");
            }
            return trusted;
        }
        catch (final KeyStoreException e)
        {
            throw new ConfigException(KEY + ": cannot read " + file.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        finally
        {
            Arrays.fill(password, '\0');
        }
    }
}
