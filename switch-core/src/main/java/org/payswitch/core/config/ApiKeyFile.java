package org.payswitch.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.engine.MerchantBook;

/**
 * Reads the checkout credentials file ({@code api-keys-file}): for each key id, the SHA-256 of the
 * key in hex and the merchants it may act for (comma-separated, or {@code *} for all):
 * <pre>
 * key.shop-1.sha256 = 3f0a...64 hex digits
 * key.shop-1.merchants = M00000000000001, M00000000000002
 * </pre>
 * The file holds no secret: a key is 32 random bytes, so its hash cannot be turned back into it.
 */
final class ApiKeyFile
{
    private static final String SETTING = "api-keys-file";
    private static final Set<String> ATTRIBUTES = new LinkedHashSet<>(List.of("sha256", "merchants"));

    private ApiKeyFile()
    {
    }

    static List<ApiKey> read(final Path file)
    {
        final List<ApiKey> keys = new ArrayList<>();
        final Map<Long, String> byPrefix = new HashMap<>();
        for (final Map.Entry<String, Map<String, String>> entry :
            GroupedProperties.read(SETTING, file, "key", ATTRIBUTES).entrySet())
        {
            final String id = entry.getKey();
            final String where = SETTING + ": " + file + ": key." + id;
            if (!id.matches("[A-Za-z0-9_-]{1,40}"))
            {
                throw new ConfigException(where + ": the id must be 1..40 characters of [A-Za-z0-9_-]");
            }
            final ApiKey key = new ApiKey(id, sha256(where, entry.getValue().get("sha256")),
                merchants(where, entry.getValue().get("merchants")));
            final String clash = byPrefix.putIfAbsent(key.hashPrefix(), id);
            if (clash != null)
            {
                throw new ConfigException(where + ".sha256: the same hash (or its first 8 bytes) as key." + clash +
                    ": give each checkout system its own random key");
            }
            keys.add(key);
        }
        return keys;
    }

    private static byte[] sha256(final String where, final String hex)
    {
        if (hex == null || !hex.matches("[0-9a-fA-F]{64}"))
        {
            throw new ConfigException(where + ".sha256: required, the SHA-256 of the key as 64 hex digits");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static AsciiIdSet merchants(final String where, final String value)
    {
        if (value == null || value.isBlank())
        {
            throw new ConfigException(where + ".merchants: required, the merchant ids the key may act for, " +
                "comma-separated (or * for every merchant)");
        }
        if ("*".equals(value))
        {
            return null;
        }
        try
        {
            return AsciiIdSet.of(GroupedProperties.list(value), MerchantBook.MAX_ID_LENGTH);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ConfigException(where + ".merchants: " + e.getMessage());
        }
    }
}
