package org.payswitch.gateway.auth;

import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;
import org.payswitch.core.config.ApiKey;
import org.payswitch.core.domain.AsciiIdSet;

/**
 * The checkout API keys, arranged for the hot path: each key's hash found by its first 8 bytes as
 * a {@code long} (no boxing, no String), its full hash then compared in constant time by
 * {@link CheckoutGuard}. Built once at start and only read afterwards, by every I/O thread.
 */
public final class ApiKeys
{
    /** No keys: the checkout endpoints are open (contract version 1, loopback only). */
    public static final ApiKeys NONE = new ApiKeys(List.of());

    /** A configured key's hash and the merchants it may act for (null: every merchant). */
    record Entry(String id, byte[] sha256, AsciiIdSet merchants)
    {
    }

    private final Long2ObjectHashMap<Entry> byPrefix = new Long2ObjectHashMap<>();

    private ApiKeys(final List<ApiKey> keys)
    {
        for (final ApiKey key : keys)
        {
            byPrefix.put(key.hashPrefix(), new Entry(key.id(), key.sha256(), key.merchants()));
        }
    }

    /** The keys of the configuration ({@code AuthConfig.apiKeys()}). */
    public static ApiKeys of(final List<ApiKey> keys)
    {
        return keys.isEmpty() ? NONE : new ApiKeys(keys);
    }

    /** True when checkout calls must carry a key. */
    public boolean required()
    {
        return !byPrefix.isEmpty();
    }

    /** The entry whose hash starts with these 8 bytes, or null. Allocates nothing. */
    Entry candidate(final long hashPrefix)
    {
        return byPrefix.get(hashPrefix);
    }
}
