package org.payswitch.core.config;

import java.util.Arrays;
import java.util.HexFormat;

import org.payswitch.core.domain.AsciiIdSet;

/**
 * One checkout system's API key as the switch keeps it: its id (for logs and the operator, never
 * secret), the SHA-256 of the key (the key itself is never stored) and the merchants it may act
 * for.
 *
 * @param id        the key's name in the credentials file, e.g. {@code shop-1}
 * @param sha256    the 32-byte SHA-256 of the whole key as the client sends it
 * @param merchants the merchants the key may act for; null for every merchant ({@code *})
 */
public record ApiKey(String id, byte[] sha256, AsciiIdSet merchants)
{
    public ApiKey
    {
        sha256 = sha256.clone();
    }

    /** The hash (a copy). */
    @Override
    public byte[] sha256()
    {
        return sha256.clone();
    }

    /** The first 8 bytes of the hash, big-endian: what the switch finds a presented key's entry by. */
    public long hashPrefix()
    {
        long prefix = 0;
        for (int i = 0; i < Long.BYTES; i++)
        {
            prefix = (prefix << 8) | (sha256[i] & 0xFF);
        }
        return prefix;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof ApiKey key && id.equals(key.id) && Arrays.equals(sha256, key.sha256) &&
            String.valueOf(merchants).equals(String.valueOf(key.merchants));
    }

    @Override
    public int hashCode()
    {
        return id.hashCode();
    }

    /** The id and scope; the hash only as its first 4 hex digits, enough to tell keys apart. */
    @Override
    public String toString()
    {
        return "ApiKey[" + id + ", sha256=" + HexFormat.of().formatHex(sha256, 0, 2) + "..., merchants=" +
            (merchants == null ? "*" : merchants) + "]";
    }
}
