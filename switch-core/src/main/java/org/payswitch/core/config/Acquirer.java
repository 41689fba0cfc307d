package org.payswitch.core.config;

import java.util.Arrays;
import java.util.Objects;

import org.payswitch.core.domain.AsciiIdSet;

/**
 * An acquirer the ISO 8583 port serves: its institution id (DE 32), the terminals (DE 41) and
 * merchants (DE 42) it may send for, the subject of the TLS client certificate it must present, if
 * any, and the key its requests' MAC (DE 64/128) is made with, if any. {@link #toString()} never
 * shows the key.
 *
 * @param institutionId the DE 32 digits, 1..11
 * @param merchants     the merchants it may send for; null for any merchant
 * @param terminals     the terminals it may send for; null for any terminal
 * @param clientSubject the subject its verified client certificate must carry, in X500Principal's canonical
 *                      form; null when not required
 * @param macKey        the HMAC-SHA256 key of its requests' MAC, 16..64 bytes; null when its requests carry none
 */
public record Acquirer(String institutionId, AsciiIdSet merchants, AsciiIdSet terminals, String clientSubject,
    byte[] macKey)
{
    public Acquirer
    {
        macKey = macKey == null ? null : macKey.clone();
    }

    /** Longest DE 32 (LL numeric, 11 digits). */
    public static final int MAX_ID_DIGITS = 11;
    /** Longest terminal id (DE 41 is 8 characters). */
    public static final int MAX_TERMINAL_LENGTH = 8;

    /**
     * The key an acquirer is found by: its DE 32 value and digit count together, so {@code 012}
     * and {@code 12} stay two acquirers. Computed from a message's field without allocation.
     */
    public static long key(final long value, final int digits)
    {
        return value * 16 + digits;
    }

    /** The MAC key (a copy), or null. */
    @Override
    public byte[] macKey()
    {
        return macKey == null ? null : macKey.clone();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Acquirer a && institutionId.equals(a.institutionId) &&
            String.valueOf(merchants).equals(String.valueOf(a.merchants)) &&
            String.valueOf(terminals).equals(String.valueOf(a.terminals)) &&
            Objects.equals(clientSubject, a.clientSubject) && Arrays.equals(macKey, a.macKey);
    }

    @Override
    public int hashCode()
    {
        return institutionId.hashCode();
    }

    /** The scope and subject; of the MAC key only whether there is one. */
    @Override
    public String toString()
    {
        return "Acquirer[" + institutionId + ", merchants=" + (merchants == null ? "*" : merchants) + ", terminals=" +
            (terminals == null ? "*" : terminals) + ", clientSubject=" + clientSubject + ", mac=" +
            (macKey == null ? "none" : "HMAC-SHA256") + "]";
    }

    /** This acquirer's {@link #key}. */
    public long key()
    {
        return key(Long.parseLong(institutionId), institutionId.length());
    }
}
