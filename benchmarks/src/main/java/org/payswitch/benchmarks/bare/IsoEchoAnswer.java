package org.payswitch.benchmarks.bare;

import io.netty.buffer.ByteBuf;

/**
 * Builds the bare limit's answer to an ISO 8583:1987 binary request (docs/api.md section 4, packed as
 * jPOS's {@code ISO87BPackager} packs it) without decoding it: MTI + 10, the request's bitmap with
 * bit 39 set, every field echoed byte for byte as received, and DE 39 = "00" inserted at its place.
 * Finding that place means walking the fields before 39, whose sizes follow from their ISO87B
 * formats: BCD numerics of n digits take (n + 1) / 2 bytes (an odd count carries jPOS's pad
 * nibble, echoed as it came), LL numerics a one-byte BCD digit count and then the digits, LL/LLL
 * characters a one- or two-byte BCD length and then ASCII, x+n amounts a sign and 8 BCD digits.
 * No field is interpreted; nothing is allocated.
 */
final class IsoEchoAnswer
{
    /** Largest message (docs/api.md section 4). */
    static final int MAX_LENGTH = 4096;

    private static final int NUMERIC = 1;
    private static final int LL_NUMERIC = 2;
    private static final int CHAR = 3;
    private static final int LL_CHAR = 4;
    private static final int LLL_CHAR = 5;
    private static final int AMOUNT = 6;
    private static final int RESPONSE_CODE = 39;
    private static final int MTI_LENGTH = 2;
    private static final int BITMAP_LENGTH = 8;

    private static final int[] TYPE = new int[RESPONSE_CODE];
    private static final int[] SIZE = new int[RESPONSE_CODE];

    static
    {
        define(2, LL_NUMERIC, 19);
        define(3, NUMERIC, 6);
        define(4, NUMERIC, 12);
        define(5, NUMERIC, 12);
        define(6, NUMERIC, 12);
        define(7, NUMERIC, 10);
        define(8, NUMERIC, 8);
        define(9, NUMERIC, 8);
        define(10, NUMERIC, 8);
        define(11, NUMERIC, 6);
        define(12, NUMERIC, 6);
        for (int f = 13; f <= 18; f++)
        {
            define(f, NUMERIC, 4);
        }
        for (int f = 19; f <= 24; f++)
        {
            define(f, NUMERIC, 3);
        }
        define(25, NUMERIC, 2);
        define(26, NUMERIC, 2);
        define(27, NUMERIC, 1);
        for (int f = 28; f <= 31; f++)
        {
            define(f, AMOUNT, 9);
        }
        define(32, LL_NUMERIC, 11);
        define(33, LL_NUMERIC, 11);
        define(34, LL_CHAR, 28);
        define(35, LL_NUMERIC, 37);
        define(36, LLL_CHAR, 104);
        define(37, CHAR, 12);
        define(38, CHAR, 6);
    }

    private IsoEchoAnswer()
    {
    }

    /**
     * Appends the answer to the request {@code request[0, length)} to {@code out}, with its 2-byte
     * big-endian length before it; false (and nothing written) when the fields before DE 39
     * cannot be walked: too short, a length beyond its field's maximum, or a length not in BCD.
     */
    static boolean write(final byte[] request, final int length, final ByteBuf out)
    {
        if (length < MTI_LENGTH + BITMAP_LENGTH || length > MAX_LENGTH)
        {
            return false;
        }
        final int bitmapLength = (request[MTI_LENGTH] & 0x80) != 0 ? 2 * BITMAP_LENGTH : BITMAP_LENGTH;
        int at = MTI_LENGTH + bitmapLength;
        for (int field = 2; field < RESPONSE_CODE && at <= length; field++)
        {
            if (isSet(request, field))
            {
                final int size = size(field, request, at, length);
                if (size < 0)
                {
                    return false;
                }
                at += size;
            }
        }
        if (at > length || (request[1] & 0xF0) >= 0x90)
        {
            return false;
        }
        final boolean hasCode = isSet(request, RESPONSE_CODE);
        if (hasCode && at + 2 > length)
        {
            return false;
        }
        final int rest = hasCode ? at + 2 : at;
        final int bitmapByte = MTI_LENGTH + (RESPONSE_CODE - 1) / 8;
        out.writeShort(length + (hasCode ? 0 : 2));
        out.writeByte(request[0]);
        out.writeByte(request[1] + 0x10);
        out.writeBytes(request, MTI_LENGTH, bitmapByte - MTI_LENGTH);
        out.writeByte(request[bitmapByte] | mask(RESPONSE_CODE));
        out.writeBytes(request, bitmapByte + 1, at - bitmapByte - 1);
        out.writeByte('0');
        out.writeByte('0');
        out.writeBytes(request, rest, length - rest);
        return true;
    }

    private static boolean isSet(final byte[] request, final int field)
    {
        return (request[MTI_LENGTH + (field - 1) / 8] & mask(field)) != 0;
    }

    private static int mask(final int field)
    {
        return 0x80 >>> ((field - 1) & 7);
    }

    /** Bytes field {@code field} takes at {@code at}, -1 when its length prefix cannot be read or is too long. */
    private static int size(final int field, final byte[] request, final int at, final int length)
    {
        final int max = SIZE[field];
        switch (TYPE[field])
        {
            case NUMERIC:
                return (max + 1) / 2;
            case CHAR:
                return max;
            case AMOUNT:
                return 1 + max / 2;
            case LL_NUMERIC:
            {
                final int digits = at < length ? bcd(request[at]) : -1;
                return digits < 0 || digits > max ? -1 : 1 + (digits + 1) / 2;
            }
            case LL_CHAR:
            {
                final int chars = at < length ? bcd(request[at]) : -1;
                return chars < 0 || chars > max ? -1 : 1 + chars;
            }
            case LLL_CHAR:
            {
                final int high = at + 1 < length ? bcd(request[at]) : -1;
                final int low = high < 0 ? -1 : bcd(request[at + 1]);
                final int chars = high * 100 + low;
                return low < 0 || chars > max ? -1 : 2 + chars;
            }
            default:
                return -1;
        }
    }

    /** Two BCD digits as a number, -1 when a nibble is not a digit. */
    private static int bcd(final byte b)
    {
        final int high = (b >>> 4) & 0xF;
        final int low = b & 0xF;
        return high > 9 || low > 9 ? -1 : high * 10 + low;
    }

    private static void define(final int field, final int type, final int size)
    {
        TYPE[field] = type;
        SIZE[field] = size;
    }
}
