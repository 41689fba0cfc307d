package org.payswitch.gateway.iso;

/**
 * Reading BCD digits out of a received message's bytes (ISO 8583 numeric fields, the MTI, the
 * LL/LLL length prefixes), for {@link IsoMessage}. Whole bytes go through a table, two digits a
 * lookup: the I/O thread checks every numeric field of every request.
 */
final class BcdDigits
{
    /** {@link #read} result: a nibble is not a digit, or the digits run past the message. */
    static final int NOT_DIGITS = -2;

    /** Most digits {@link #read} returns as a number; longer runs are checked, and read as 0. */
    private static final int MAX_READ_DIGITS = 9;

    /** The two digits of a BCD byte as a number 0..99, or -1 when either nibble is not a digit. */
    private static final int[] BCD_BYTE = bcdBytes();

    private BcdDigits()
    {
    }

    /** Digit {@code index} (0-based, high nibble first) of the BCD run at {@code offset}. */
    static int nibble(final byte[] raw, final int offset, final int index)
    {
        final int b = raw[offset + index / 2];
        return (index & 1) == 0 ? (b >>> 4) & 0x0F : b & 0x0F;
    }

    /**
     * Reads {@code digits} BCD digits at {@code offset} of {@code raw} (of which {@code length}
     * bytes are the message), after {@code skip} (0 or 1) pad nibbles: their value, or
     * {@link #NOT_DIGITS} when a nibble is not a digit or the run passes the end; 0 for more than
     * {@value #MAX_READ_DIGITS} digits (checked, not read).
     */
    static int read(final byte[] raw, final int length, final int offset, final int digits, final int skip)
    {
        if (offset + (digits + skip + 1) / 2 > length)
        {
            return NOT_DIGITS;
        }
        final boolean read = digits <= MAX_READ_DIGITS;
        final int last = digits + skip;
        int value = 0;
        int i = skip;
        if ((i & 1) == 1 && i < last)
        {
            final int n = raw[offset + i / 2] & 0x0F;
            if (n > 9)
            {
                return NOT_DIGITS;
            }
            value = n;
            i++;
        }
        for (; i + 1 < last; i += 2)
        {
            final int pair = BCD_BYTE[raw[offset + i / 2] & 0xFF];
            if (pair < 0)
            {
                return NOT_DIGITS;
            }
            value = read ? value * 100 + pair : 0;
        }
        if (i < last)
        {
            final int n = (raw[offset + i / 2] >>> 4) & 0x0F;
            if (n > 9)
            {
                return NOT_DIGITS;
            }
            value = read ? value * 10 + n : 0;
        }
        return value;
    }

    private static int[] bcdBytes()
    {
        final int[] values = new int[256];
        for (int b = 0; b < 256; b++)
        {
            values[b] = (b >>> 4) > 9 || (b & 0x0F) > 9 ? -1 : (b >>> 4) * 10 + (b & 0x0F);
        }
        return values;
    }
}
