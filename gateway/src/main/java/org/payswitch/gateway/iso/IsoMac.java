package org.payswitch.gateway.iso;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;


/**
 * Checks the MAC of an ISO 8583 request: HMAC-SHA256 (RFC 2104) with the acquirer's key over every
 * byte of the message before the MAC field (MTI, bitmaps, fields), truncated to its first 8 bytes,
 * in DE 64, or in DE 128 when the message has a secondary bitmap; the MAC field must be the
 * message's last. HMAC is computed from the key's pads ({@link #pads}, made once at start) with two
 * reused SHA-256 digests rather than {@code javax.crypto.Mac}, whose {@code doFinal} allocates: so
 * a check allocates nothing. One instance per connection (I/O thread only).
 */
final class IsoMac
{
    /** Bytes of the MAC field. */
    static final int LENGTH = 8;
    private static final int BLOCK = 64;

    private final MessageDigest inner = sha256();
    private final MessageDigest outer = sha256();
    private final byte[] innerHash = new byte[32];
    private final byte[] mac = new byte[32];

    /** HMAC's inner and outer padded keys of {@code key} (at most 64 bytes), made once per acquirer. */
    static byte[][] pads(final byte[] key)
    {
        if (key.length > BLOCK)
        {
            throw new IllegalArgumentException("a MAC key of at most " + BLOCK + " bytes");
        }
        final byte[] innerPad = new byte[BLOCK];
        final byte[] outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++)
        {
            final byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte)(k ^ 0x36);
            outerPad[i] = (byte)(k ^ 0x5C);
        }
        return new byte[][] {innerPad, outerPad};
    }

    /** True when {@code request} ends with a MAC field holding its MAC under the key of these pads. */
    boolean verifies(final IsoMessage request, final byte[] innerPad, final byte[] outerPad)
    {
        final int field = request.trailingMac();
        if (field == 0)
        {
            return false;
        }
        try
        {
            inner.update(innerPad);
            request.digestBefore(field, inner);
            inner.digest(innerHash, 0, innerHash.length);
            outer.update(outerPad);
            outer.update(innerHash);
            outer.digest(mac, 0, mac.length);
        }
        catch (final DigestException e)
        {
            inner.reset();
            outer.reset();
            return false;
        }
        return request.binaryEquals(field, mac, LENGTH);
    }

    private static MessageDigest sha256()
    {
        try
        {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
