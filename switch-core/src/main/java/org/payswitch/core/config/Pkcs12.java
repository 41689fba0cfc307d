package org.payswitch.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;

/** Opens a PKCS12 store for a setting, telling a wrong password apart from a file that is not a store. */
final class Pkcs12
{
    private Pkcs12()
    {
    }

    /** The store in {@code file}, checked with {@code password}; refusals start with {@code key}. */
    static KeyStore open(final String key, final Path file, final char[] password)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        }
        catch (final IOException e)
        {
            if (e.getCause() instanceof UnrecoverableKeyException)
            {
                throw new ConfigException(key + ": wrong password for " + file.toAbsolutePath());
            }
            throw new ConfigException(key + ": not a readable PKCS12 store: " + file.toAbsolutePath() + " (" +
                e.getMessage() + ")");
        }
        catch (final GeneralSecurityException e)
        {
            throw new ConfigException(key + ": cannot read the PKCS12 store " + file.toAbsolutePath() + " (" +
                e.getMessage() + ")");
        }
    }
}
