package org.payswitch.gateway.auth;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.payswitch.core.engine.SwitchCommand;

/**
 * One HTTP connection's check of a checkout call (contract version 2): the request must carry
 * {@code Authorization: Bearer <API key>} of a configured key, and then acts only within that
 * key's merchants. The key is hashed (SHA-256) into this guard's own buffers, its entry found by
 * the hash's first 8 bytes and the whole hash compared in constant time
 * ({@link MessageDigest#isEqual}), so the check allocates nothing and takes no lock. Without
 * configured keys every call is admitted unscoped, as in contract version 1. One instance per
 * connection (I/O thread only).
 */
public final class CheckoutGuard
{
    /** Outcome of {@link #admit}: the call may go on. */
    public static final int ADMITTED = 0;
    /** Outcome of {@link #admit}: no key, or not a configured one: HTTP 401. */
    public static final int UNAUTHENTICATED = 1;

    /** Longest key accepted (the documented keys are 47 characters). */
    static final int MAX_KEY_LENGTH = 128;
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final MessageDigest sha256;
    private final byte[] presented = new byte[MAX_KEY_LENGTH];
    private final byte[] hash = new byte[32];

    public CheckoutGuard(final ApiKeys keys)
    {
        this.keys = keys;
        try
        {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Authenticates a checkout call by its {@code Authorization} header (null when absent) and puts
     * its key's merchants on {@code request} ({@link SwitchCommand#merchantScope}, null for a key of
     * every merchant or when no keys are configured).
     *
     * @return {@link #ADMITTED} or {@link #UNAUTHENTICATED}
     */
    public int admit(final CharSequence authorization, final SwitchCommand request)
    {
        request.merchantScope = null;
        if (!keys.required())
        {
            return ADMITTED;
        }
        final ApiKeys.Entry entry = authenticate(authorization);
        if (entry == null)
        {
            return UNAUTHENTICATED;
        }
        request.merchantScope = entry.merchants();
        return ADMITTED;
    }

    /** True when the admitted caller may act for the merchant {@code request} names (an authorization's). */
    public static boolean covers(final SwitchCommand request)
    {
        return request.merchantScope == null || request.merchantScope.contains(request.merchantId);
    }

    private ApiKeys.Entry authenticate(final CharSequence authorization)
    {
        if (authorization == null || !hasBearerScheme(authorization))
        {
            return null;
        }
        final int length = authorization.length() - BEARER.length();
        if (length <= 0 || length > MAX_KEY_LENGTH)
        {
            return null;
        }
        for (int i = 0; i < length; i++)
        {
            final char c = authorization.charAt(BEARER.length() + i);
            if (c <= 0x20 || c > 0x7E)
            {
                return null;
            }
            presented[i] = (byte)c;
        }
        sha256.update(presented, 0, length);
        try
        {
            sha256.digest(hash, 0, hash.length);
        }
        catch (final DigestException e)
        {
            sha256.reset();
            return null;
        }
        final ApiKeys.Entry entry = keys.candidate(prefix(hash));
        return entry != null && MessageDigest.isEqual(entry.sha256(), hash) ? entry : null;
    }

    private static boolean hasBearerScheme(final CharSequence authorization)
    {
        if (authorization.length() < BEARER.length())
        {
            return false;
        }
        for (int i = 0; i < BEARER.length(); i++)
        {
            if (Character.toLowerCase(authorization.charAt(i)) != Character.toLowerCase(BEARER.charAt(i)))
            {
                return false;
            }
        }
        return true;
    }

    private static long prefix(final byte[] hash)
    {
        long prefix = 0;
        for (int i = 0; i < Long.BYTES; i++)
        {
            prefix = (prefix << 8) | (hash[i] & 0xFF);
        }
        return prefix;
    }
}
