package org.payswitch.core.engine;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.util.Hashing;

/**
 * Authorization codes: six characters of [0-9A-Z] derived from the transaction id, so a replay
 * or a retry produces the same code and nothing needs storing.
 */
public final class AuthCodes
{
    /** Characters in an auth code (ISO 8583 DE 38). */
    public static final int LENGTH = 6;

    private static final byte[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII);
    private static final long SALT = 0x5DEECE66DL;

    private AuthCodes()
    {
    }

    /** Writes the auth code of the transaction into {@code out}. */
    public static void write(final long transactionId, final AsciiField out)
    {
        long bits = Hashing.mix(transactionId ^ SALT) >>> 1;
        final byte[] code = out.bytes();
        for (int i = 0; i < LENGTH; i++)
        {
            code[i] = ALPHABET[(int)(bits % ALPHABET.length)];
            bits /= ALPHABET.length;
        }
        out.set(code, 0, LENGTH);
    }
}
