package org.payswitch.core.domain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A reusable, fixed-capacity ASCII text field (a merchant id, an order id, a refund id) so the
 * hot path can carry identifiers without creating Strings.
 */
public final class AsciiField implements CharSequence
{
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Which byte values may appear in an identifier: [A-Za-z0-9_-]. */
    private static final boolean[] IDENTIFIER = new boolean[256];

    static
    {
        for (int b = 0; b < 256; b++)
        {
            IDENTIFIER[b] = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                b == '_' || b == '-';
        }
    }

    private final byte[] bytes;
    private int length;

    /** A field that holds up to {@code capacity} characters. */
    public AsciiField(final int capacity)
    {
        this.bytes = new byte[capacity];
    }

    /** The most characters the field can hold. */
    public int capacity()
    {
        return bytes.length;
    }

    @Override
    public int length()
    {
        return length;
    }

    @Override
    public char charAt(final int index)
    {
        return (char)(bytes[index] & 0xFF);
    }

    /** The byte at {@code index}. */
    public byte byteAt(final int index)
    {
        return bytes[index];
    }

    /** The backing bytes; valid up to {@link #length()}. */
    public byte[] bytes()
    {
        return bytes;
    }

    /** Empties the field. */
    public void clear()
    {
        length = 0;
    }

    /**
     * Sets the field from text. Returns false, leaving the field empty, when the text is longer
     * than the capacity or has a character outside printable ASCII.
     */
    public boolean set(final CharSequence text)
    {
        length = 0;
        final int textLength = text.length();
        if (textLength > bytes.length)
        {
            return false;
        }
        for (int i = 0; i < textLength; i++)
        {
            final char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E)
            {
                length = 0;
                return false;
            }
            bytes[i] = (byte)c;
        }
        length = textLength;
        return true;
    }

    /** Copies {@code count} bytes from {@code source}; false, leaving the field empty, when they do not fit. */
    public boolean set(final byte[] source, final int offset, final int count)
    {
        if (count > bytes.length)
        {
            length = 0;
            return false;
        }
        System.arraycopy(source, offset, bytes, 0, count);
        length = count;
        return true;
    }

    /** Copies another field. */
    public void set(final AsciiField other)
    {
        System.arraycopy(other.bytes, 0, bytes, 0, other.length);
        length = other.length;
    }

    /** Drops trailing spaces, as fixed-width ISO 8583 fields are padded with them. */
    public void trimTrailingSpaces()
    {
        while (length > 0 && bytes[length - 1] == ' ')
        {
            length--;
        }
    }

    /** True when every character is in [A-Za-z0-9_-]. */
    public boolean isIdentifier()
    {
        for (int i = 0; i < length; i++)
        {
            if (!IDENTIFIER[bytes[i] & 0xFF])
            {
                return false;
            }
        }
        return true;
    }

    /** True when this field holds the same characters as {@code source[offset, offset+count)}. */
    public boolean contentEquals(final byte[] source, final int offset, final int count)
    {
        if (count != length)
        {
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            if (bytes[i] != source[offset + i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * A 64-bit hash of the content, stable across runs and JVMs (used by in-memory indexes):
     * eight bytes at a time, then splitmix64's finaliser.
     */
    public long hash64()
    {
        long h = 0x84222325CBF29CE4L ^ length;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            h = Long.rotateLeft((h ^ (long)LONGS.get(bytes, i)) * 0x9E3779B97F4A7C15L, 31);
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 8)
        {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = (h ^ tail) * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().subSequence(start, end);
    }

    /** The content as a String. Allocates: not for the hot path. */
    @Override
    public String toString()
    {
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
}
