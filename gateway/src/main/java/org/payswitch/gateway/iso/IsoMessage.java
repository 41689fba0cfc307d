package org.payswitch.gateway.iso;

import java.security.MessageDigest;

import io.netty.buffer.ByteBuf;
import org.payswitch.core.domain.AsciiField;

/**
 * One ISO 8583:1987 binary message (jPOS ISO87BPackager layout), decoded in place: the bytes are
 * copied once into a reused array and each present field's position recorded, so reading a field
 * creates no object. What an answer echoes travels to the pipeline in an {@link IsoEcho}. Not
 * thread-safe; reused.
 */
public final class IsoMessage
{
    /** Largest message accepted (docs/api.md: longer frames close the connection). */
    public static final int MAX_LENGTH = 4096;

    /** {@link #decode} result: the message is well formed. */
    public static final int OK = 0;
    /** {@link #decode} result: malformed, but the MTI and DE 11 were read, so it can be answered with 30. */
    public static final int ANSWERABLE_FORMAT_ERROR = 1;
    /** {@link #decode} result: not even the MTI and DE 11 could be read; close the connection. */
    public static final int UNREADABLE = 2;

    private static final int NO_FIELD = -1;
    /** Per-field tables are indexed by field number, 1..128 (0 unused). */
    private static final int FIELD_SLOTS = 129;

    private final byte[] raw = new byte[MAX_LENGTH];
    private final int[] start = new int[FIELD_SLOTS];
    private final int[] valueStart = new int[FIELD_SLOTS];
    private final int[] end = new int[FIELD_SLOTS];
    private final int[] size = new int[FIELD_SLOTS];
    private int length;
    private int mti;
    private boolean mtiRead;
    private int status = UNREADABLE;

    /** Decodes one frame body (after the 2-byte length); returns {@link #OK}, {@link #ANSWERABLE_FORMAT_ERROR} or {@link #UNREADABLE}. */
    public int decode(final ByteBuf frame)
    {
        return decode(frame, frame.readerIndex(), frame.readableBytes());
    }

    /** Decodes the frame body of {@code bytes} bytes at {@code index} of {@code buffer}, leaving its indexes alone. */
    public int decode(final ByteBuf buffer, final int index, final int bytes)
    {
        clear();
        length = bytes;
        if (length > MAX_LENGTH || length < 10)
        {
            status = UNREADABLE;
            return status;
        }
        buffer.getBytes(index, raw, 0, length);
        status = decodeRaw();
        return status;
    }

    /** What the last {@link #decode} returned. */
    public int status()
    {
        return status;
    }

    /** Bytes of the last frame decoded. */
    public int length()
    {
        return length;
    }

    private void clear()
    {
        for (int f = 0; f < start.length; f++)
        {
            start[f] = NO_FIELD;
        }
        mtiRead = false;
        mti = 0;
    }

    private int decodeRaw()
    {
        final int mtiValue = BcdDigits.read(raw, length, 0, 4, 0);
        if (mtiValue < 0)
        {
            return UNREADABLE;
        }
        mti = mtiValue;
        mtiRead = true;
        int position = 2;
        final boolean secondary = (raw[position] & 0x80) != 0;
        final int bitmapBytes = secondary ? 16 : 8;
        if (position + bitmapBytes > length)
        {
            return UNREADABLE;
        }
        final int bitmap = position;
        position += bitmapBytes;
        for (int word = 0; word < bitmapBytes / 8; word++)
        {
            long bits = bitmapWord(bitmap + word * 8);
            if (word == 0)
            {
                bits &= Long.MAX_VALUE;
            }
            while (bits != 0)
            {
                final int field = word * 64 + Long.numberOfLeadingZeros(bits) + 1;
                bits &= ~(Long.MIN_VALUE >>> (field - 1 - word * 64));
                if (field == 65)
                {
                    return failure();
                }
                final int next = readField(field, position);
                if (next < 0)
                {
                    return failure();
                }
                position = next;
            }
        }
        if (position != length)
        {
            return failure();
        }
        return has(11) ? OK : failure();
    }

    /** Eight bitmap bytes, big-endian: field 1 + n of the word is bit 63 - n. */
    private long bitmapWord(final int at)
    {
        long word = 0;
        for (int i = 0; i < 8; i++)
        {
            word = word << 8 | (raw[at + i] & 0xFF);
        }
        return word;
    }

    private int failure()
    {
        return mtiRead && has(11) ? ANSWERABLE_FORMAT_ERROR : UNREADABLE;
    }

    private int readField(final int field, final int position)
    {
        final int declared = IsoFields.LENGTH[field];
        int at = position;
        final int count;
        final int bytes;
        switch (IsoFields.TYPE[field])
        {
            case IsoFields.NUMERIC:
                count = declared;
                bytes = (declared + 1) / 2;
                if (at + bytes > length || BcdDigits.read(raw, length, at, count, (count & 1)) == BcdDigits.NOT_DIGITS)
                {
                    return -1;
                }
                break;
            case IsoFields.LL_NUMERIC:
                if (at + 1 > length)
                {
                    return -1;
                }
                count = BcdDigits.read(raw, length, at, 2, 0);
                at += 1;
                bytes = (count + 1) / 2;
                if (count < 0 || count > declared || at + bytes > length ||
                    BcdDigits.read(raw, length, at, count, 0) == BcdDigits.NOT_DIGITS)
                {
                    return -1;
                }
                break;
            case IsoFields.CHAR:
            case IsoFields.BINARY:
                count = declared;
                bytes = declared;
                break;
            case IsoFields.LL_CHAR:
                if (at + 1 > length)
                {
                    return -1;
                }
                count = BcdDigits.read(raw, length, at, 2, 0);
                at += 1;
                bytes = count;
                if (count < 0 || count > declared)
                {
                    return -1;
                }
                break;
            case IsoFields.LLL_CHAR:
                if (at + 2 > length)
                {
                    return -1;
                }
                count = BcdDigits.read(raw, length, at, 4, 0);
                at += 2;
                bytes = count;
                if (count < 0 || count > declared)
                {
                    return -1;
                }
                break;
            case IsoFields.AMOUNT:
                count = declared - 1;
                bytes = 1 + (count + 1) / 2;
                break;
            default:
                return -1;
        }
        if (at + bytes > length)
        {
            return -1;
        }
        start[field] = position;
        valueStart[field] = at;
        size[field] = count;
        end[field] = at + bytes;
        return at + bytes;
    }

    /**
     * The MAC field this message ends with: DE 128 when it has a secondary bitmap, else DE 64, and
     * only when those 8 bytes are the message's last (a MAC covers everything before it, so nothing
     * may follow it); 0 when it has no such field.
     */
    public int trailingMac()
    {
        final int field = (raw[2] & 0x80) != 0 ? 128 : 64;
        return has(field) && end[field] == length ? field : 0;
    }

    /** Feeds {@code digest} the message's bytes before {@code field}, from the MTI on: what a MAC covers. */
    public void digestBefore(final int field, final MessageDigest digest)
    {
        digest.update(raw, 0, start[field]);
    }

    /**
     * True when binary field {@code field} holds {@code expected[0, count)}, compared in constant
     * time (every byte is looked at whatever differs).
     */
    public boolean binaryEquals(final int field, final byte[] expected, final int count)
    {
        if (!has(field) || size[field] != count)
        {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < count; i++)
        {
            difference |= raw[valueStart[field] + i] ^ expected[i];
        }
        return difference == 0;
    }

    /** The MTI as a number, e.g. 100 for 0100. */
    public int mti()
    {
        return mti;
    }

    /** True when the field is present. */
    public boolean has(final int field)
    {
        return start[field] != NO_FIELD;
    }

    /**
     * A numeric field (fixed or LL) as a number; -1 when absent or longer than 18 digits.
     */
    public long numeric(final int field)
    {
        if (!has(field) || size[field] > 18)
        {
            return -1;
        }
        final int digits = size[field];
        final int pad = IsoFields.TYPE[field] == IsoFields.NUMERIC ? digits & 1 : 0;
        long value = 0;
        for (int i = 0; i < digits; i++)
        {
            value = value * 10 + BcdDigits.nibble(raw, valueStart[field], i + pad);
        }
        return value;
    }

    /** Digits of an LL numeric field (the PAN): their count. */
    public int digitCount(final int field)
    {
        return has(field) ? size[field] : 0;
    }

    /** An LL numeric field of up to 19 digits as an unsigned number (the PAN). */
    public long unsignedDigits(final int field)
    {
        long value = 0;
        for (int i = 0; i < size[field]; i++)
        {
            value = value * 10 + BcdDigits.nibble(raw, valueStart[field], i);
        }
        return value;
    }

    /** Copies an ASCII field into {@code out}, trailing spaces dropped; false if it does not fit or is not printable. */
    public boolean copyAscii(final int field, final AsciiField out)
    {
        if (!has(field) || !out.set(raw, valueStart[field], size[field]))
        {
            out.clear();
            return false;
        }
        out.trimTrailingSpaces();
        for (int i = 0; i < out.length(); i++)
        {
            final byte b = out.byteAt(i);
            if (b < 0x20 || b > 0x7E)
            {
                out.clear();
                return false;
            }
        }
        return true;
    }

    /** A fixed ASCII field of digits (DE 49, say) as a number; -1 when absent or not digits. */
    public int asciiDigits(final int field)
    {
        if (!has(field))
        {
            return -1;
        }
        int value = 0;
        for (int i = valueStart[field]; i < valueStart[field] + size[field]; i++)
        {
            final byte b = raw[i];
            if (b < '0' || b > '9')
            {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** The field's length as received, its length prefix included. */
    int encodedLength(final int field)
    {
        return end[field] - start[field];
    }

    /** Copies the field as received (length prefix included) to {@code into} at {@code at}; returns its length. */
    int copyEncoded(final int field, final byte[] into, final int at)
    {
        final int bytes = end[field] - start[field];
        System.arraycopy(raw, start[field], into, at, bytes);
        return bytes;
    }
}
