package org.payswitch.gateway.iso;

/**
 * The ISO 8583:1987 binary field table, exactly as jPOS's {@code ISO87BPackager} packs it:
 * BCD numerics (left-padded), BCD LL/LLL length prefixes, ASCII for an/ans fields, raw binary.
 * Field numbers 2..128 index the arrays; 0 and 1 (MTI, bitmap) are handled by {@link IsoMessage}.
 */
final class IsoFields
{
    /** Fixed number of digits, BCD, left-padded to whole bytes (IFB_NUMERIC). */
    static final byte NUMERIC = 1;
    /** Up to N digits, BCD, with a one-byte BCD length in digits (IFB_LLNUM). */
    static final byte LL_NUMERIC = 2;
    /** Fixed number of ASCII characters (IF_CHAR). */
    static final byte CHAR = 3;
    /** Up to N ASCII characters with a one-byte BCD length (IFB_LLCHAR). */
    static final byte LL_CHAR = 4;
    /** Up to N ASCII characters with a two-byte BCD length (IFB_LLLCHAR). */
    static final byte LLL_CHAR = 5;
    /** Fixed number of bytes (IFB_BINARY). */
    static final byte BINARY = 6;
    /** 'C' or 'D' then N digits BCD (IFB_AMOUNT). */
    static final byte AMOUNT = 7;

    static final byte[] TYPE = new byte[129];
    static final short[] LENGTH = new short[129];

    static
    {
        numeric(3, 6);
        numeric(4, 12);
        numeric(5, 12);
        numeric(6, 12);
        numeric(7, 10);
        numeric(8, 8);
        numeric(9, 8);
        numeric(10, 8);
        numeric(11, 6);
        numeric(12, 6);
        for (int f = 13; f <= 18; f++)
        {
            numeric(f, 4);
        }
        for (int f = 19; f <= 24; f++)
        {
            numeric(f, 3);
        }
        numeric(25, 2);
        numeric(26, 2);
        numeric(27, 1);
        for (int f = 28; f <= 31; f++)
        {
            define(f, AMOUNT, 9);
        }
        define(2, LL_NUMERIC, 19);
        define(32, LL_NUMERIC, 11);
        define(33, LL_NUMERIC, 11);
        define(34, LL_CHAR, 28);
        define(35, LL_NUMERIC, 37);
        define(36, LLL_CHAR, 104);
        define(37, CHAR, 12);
        define(38, CHAR, 6);
        define(39, CHAR, 2);
        define(40, CHAR, 3);
        define(41, CHAR, 8);
        define(42, CHAR, 15);
        define(43, CHAR, 40);
        define(44, LL_CHAR, 25);
        define(45, LL_CHAR, 76);
        for (int f = 46; f <= 48; f++)
        {
            define(f, LLL_CHAR, 999);
        }
        for (int f = 49; f <= 51; f++)
        {
            define(f, CHAR, 3);
        }
        define(52, BINARY, 8);
        numeric(53, 16);
        define(54, LLL_CHAR, 120);
        for (int f = 55; f <= 63; f++)
        {
            define(f, LLL_CHAR, 999);
        }
        define(64, BINARY, 8);
        define(65, BINARY, 1);
        numeric(66, 1);
        numeric(67, 2);
        numeric(68, 3);
        numeric(69, 3);
        numeric(70, 3);
        numeric(71, 4);
        numeric(72, 4);
        numeric(73, 6);
        for (int f = 74; f <= 81; f++)
        {
            numeric(f, 10);
        }
        for (int f = 82; f <= 85; f++)
        {
            numeric(f, 12);
        }
        for (int f = 86; f <= 89; f++)
        {
            numeric(f, 16);
        }
        numeric(90, 42);
        define(91, CHAR, 1);
        define(92, CHAR, 2);
        define(93, CHAR, 6);
        define(94, CHAR, 7);
        define(95, CHAR, 42);
        define(96, BINARY, 16);
        define(97, AMOUNT, 17);
        define(98, CHAR, 25);
        define(99, LL_NUMERIC, 11);
        define(100, LL_NUMERIC, 11);
        define(101, LL_CHAR, 17);
        define(102, LL_CHAR, 28);
        define(103, LL_CHAR, 28);
        define(104, LLL_CHAR, 100);
        for (int f = 105; f <= 127; f++)
        {
            define(f, LLL_CHAR, 999);
        }
        define(128, BINARY, 8);
    }

    private IsoFields()
    {
    }

    /** The most bytes a field takes on the wire, length prefix included. */
    static int maxEncodedLength(final int field)
    {
        final int declared = LENGTH[field];
        return switch (TYPE[field])
        {
            case NUMERIC -> (declared + 1) / 2;
            case LL_NUMERIC -> 1 + (declared + 1) / 2;
            case CHAR, BINARY -> declared;
            case LL_CHAR -> 1 + declared;
            case LLL_CHAR -> 2 + declared;
            case AMOUNT -> 1 + declared / 2;
            default -> throw new IllegalArgumentException("field " + field + " is not defined");
        };
    }

    private static void numeric(final int field, final int digits)
    {
        define(field, NUMERIC, digits);
    }

    private static void define(final int field, final byte type, final int length)
    {
        TYPE[field] = type;
        LENGTH[field] = (short)length;
    }
}
