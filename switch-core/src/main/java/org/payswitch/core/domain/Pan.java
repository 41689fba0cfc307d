package org.payswitch.core.domain;

/**
 * Primary account numbers held as numbers, not Strings: a PAN of 12 to 19 digits is its
 * value as an unsigned {@code long} (10^19 &lt; 2^64) plus its length. Masking shows at most
 * the first 6 and last 4 digits (PCI DSS 3.4.1).
 */
public final class Pan
{
    /** Shortest PAN accepted. */
    public static final int MIN_LENGTH = 12;
    /** Longest PAN accepted. */
    public static final int MAX_LENGTH = 19;
    /** Returned by parsers when the text is not a PAN. */
    public static final long INVALID = -1L;

    /** 10^0 .. 10^18, the powers of ten a signed {@code long} holds. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private Pan()
    {
    }

    /**
     * The value of a PAN written as 12 to 19 ASCII digits, or {@link #INVALID}. The length is
     * the text's length. Note the sign: a 19-digit PAN may be negative as a signed long.
     */
    public static long parse(final CharSequence digits)
    {
        final int length = digits.length();
        if (length < MIN_LENGTH || length > MAX_LENGTH)
        {
            return INVALID;
        }
        long value = 0;
        for (int i = 0; i < length; i++)
        {
            final char c = digits.charAt(i);
            if (c < '0' || c > '9')
            {
                return INVALID;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** True when the length is one a PAN may have. */
    public static boolean isValidLength(final int length)
    {
        return length >= MIN_LENGTH && length <= MAX_LENGTH;
    }

    /** True when the PAN passes the Luhn (mod 10) check. */
    public static boolean isLuhnValid(final long pan, final int length)
    {
        long value = pan;
        int sum = 0;
        boolean twice = false;
        for (int i = 0; i < length; i++)
        {
            int digit = (int)Long.remainderUnsigned(value, 10);
            value = Long.divideUnsigned(value, 10);
            if (twice)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return value == 0 && sum % 10 == 0;
    }

    /** The Luhn check digit to append to the given payload of {@code payloadLength} digits. */
    public static int luhnCheckDigit(final long payload, final int payloadLength)
    {
        long value = payload;
        int sum = 0;
        boolean twice = true;
        for (int i = 0; i < payloadLength; i++)
        {
            int digit = (int)Long.remainderUnsigned(value, 10);
            value = Long.divideUnsigned(value, 10);
            if (twice)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * The leading {@code count} digits of the PAN as a number, e.g. the BIN 622260 for
     * {@code count} 6; used to match campaigns by BIN prefix. One division by a power of ten
     * (not one per dropped digit): this runs on every authorization.
     */
    public static long prefix(final long pan, final int length, final int count)
    {
        final int drop = length - count;
        if (drop <= 0)
        {
            return pan;
        }
        if (drop < POWERS_OF_TEN.length)
        {
            final long divisor = POWERS_OF_TEN[drop];
            return pan >= 0 ? pan / divisor : Long.divideUnsigned(pan, divisor);
        }
        long value = pan;
        for (int i = length; i > count; i--)
        {
            value = Long.divideUnsigned(value, 10);
        }
        return value;
    }

    /**
     * The PAN truncated as PCI DSS allows it in clear: its first six digits times 10 000 plus its
     * last four ({@code 6222600006} for 6222600000000006), or 0 for a PAN of no valid length. One
     * division by a power of ten and one by a constant: the journal computes it per authorization.
     */
    public static long truncated(final long pan, final int length)
    {
        if (!isValidLength(length))
        {
            return 0;
        }
        return prefix(pan, length, 6) * 10_000 + Long.remainderUnsigned(pan, 10_000);
    }

    /** The masked PAN of a truncated one ({@link #truncated}) and its length, e.g. {@code 622260******0006}. */
    public static String maskTruncated(final long truncated, final int length)
    {
        if (!isValidLength(length))
        {
            return "";
        }
        final String first = String.format("%06d", truncated / 10_000);
        return first + "*".repeat(length - 10) + String.format("%04d", truncated % 10_000);
    }

    /** Writes the PAN's digits, zero-padded to its length, into {@code out} from {@code offset}. */
    public static void writeDigits(final long pan, final int length, final byte[] out, final int offset)
    {
        long value = pan;
        for (int i = offset + length - 1; i >= offset; i--)
        {
            out[i] = (byte)('0' + Long.remainderUnsigned(value, 10));
            value = Long.divideUnsigned(value, 10);
        }
    }

    /** The full PAN as text. Only for the journal's own tools; never log or show it. */
    public static String toDigits(final long pan, final int length)
    {
        final byte[] digits = new byte[length];
        writeDigits(pan, length, digits, 0);
        return new String(digits, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Writes the masked PAN (first 6 and last 4 digits, {@code *} between) into {@code out};
     * returns the number of bytes written, which is the PAN's length.
     */
    public static int writeMasked(final long pan, final int length, final byte[] out, final int offset)
    {
        writeDigits(pan, length, out, offset);
        for (int i = offset + 6; i < offset + length - 4; i++)
        {
            out[i] = '*';
        }
        return length;
    }

    /** The masked PAN as text, e.g. {@code 622260******0006}. Allocates: for answers and logs, not the hot path. */
    public static String mask(final long pan, final int length)
    {
        if (!isValidLength(length))
        {
            return "";
        }
        final byte[] masked = new byte[length];
        writeMasked(pan, length, masked, 0);
        return new String(masked, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Masks a PAN given as text, for logs of input that may not even be a valid PAN. */
    public static String mask(final CharSequence text)
    {
        if (text == null)
        {
            return "";
        }
        final int length = text.length();
        final StringBuilder masked = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            masked.append(i < 6 || i >= Math.max(6, length - 4) ? text.charAt(i) : '*');
        }
        return masked.toString();
    }
}
