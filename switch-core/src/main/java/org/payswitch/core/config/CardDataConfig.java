package org.payswitch.core.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.payswitch.core.crypto.CardKeys;

/**
 * The keys of the card data at rest (PCI DSS 3.5.1, docs/security.md): {@code card-key-file}
 * names the key-encryption key file, kept outside the data folder. Without it, on loopback, a
 * demo key file is made beside the data folder (with a warning at each start); bound to any other
 * address, the switch refuses to start without it, as it refuses the demo admin token.
 *
 * @param keyFile the key-encryption key file, or null for the demo key file beside the data folder
 */
public record CardDataConfig(Path keyFile)
{
    /** The setting and its default (none) as text. */
    public static Map<String, String> defaults()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("card-key-file", "");
        return defaults;
    }

    /**
     * The setting from the switch's textual values ({@code bind} and {@code data-dir} among
     * them); refused off loopback without a key file, or with one inside the data folder.
     */
    public static CardDataConfig from(final Map<String, String> values)
    {
        final String file = values.getOrDefault("card-key-file", "").trim();
        final String bind = values.getOrDefault("bind", "").trim();
        if (file.isEmpty())
        {
            if (!AuthConfig.isLoopback(bind))
            {
                throw new ConfigException("card-key-file: required when bind is " + bind + " (not loopback): " +
                    "the key file that encrypts card data in the journal and snapshots, kept outside the data " +
                    "folder (docs/operations.md)");
            }
            return new CardDataConfig(null);
        }
        final Path keyFile = Path.of(file).toAbsolutePath().normalize();
        final Path dataDir = Path.of(values.getOrDefault("data-dir", ".").trim()).toAbsolutePath().normalize();
        if (keyFile.startsWith(dataDir))
        {
            throw new ConfigException("card-key-file: " + keyFile + " is inside the data folder " + dataDir +
                ": keep the key file apart from the data it protects");
        }
        return new CardDataConfig(keyFile);
    }

    /** The keys of {@code dataDir}: the configured key file, else the demo key file beside it. */
    public CardKeys keys(final Path dataDir)
    {
        return keyFile == null ? CardKeys.demo(dataDir) : CardKeys.of(keyFile, dataDir);
    }
}
