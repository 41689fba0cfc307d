package org.payswitch.core.config;

import org.payswitch.core.domain.AsciiIdSet;

/**
 * An acquirer the ISO 8583 port serves: its institution id (DE 32), the terminals (DE 41) and
 * merchants (DE 42) it may send for, and the subject of the TLS client certificate it must present,
 * if any.
 *
 * @param institutionId the DE 32 digits, 1..11
 * @param merchants     the merchants it may send for; null for any merchant
 * @param terminals     the terminals it may send for; null for any terminal
 * @param clientSubject the subject its verified client certificate must carry, in X500Principal's canonical
 *                      form; null when not required
 */
public record Acquirer(String institutionId, AsciiIdSet merchants, AsciiIdSet terminals, String clientSubject)
{
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

    /** This acquirer's {@link #key}. */
    public long key()
    {
        return key(Long.parseLong(institutionId), institutionId.length());
    }
}
