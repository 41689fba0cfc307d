package org.payswitch.core.domain;

/**
 * The response codes of the wire contract (ISO 8583 DE 39, {@code responseCode} in JSON).
 * Business outcomes travel as one of these, never as exceptions. Besides its two characters on
 * the wire ({@link #code()}), each has a fixed one-byte {@link #storedCode()}, which journal
 * records and the transaction store's records (hence snapshots) hold (docs/journal.md, "Format
 * codes"): never the ordinal, so the constants may be reordered; a new code takes a new stored
 * code, and 0xFF is never one (the journal's "no decision").
 */
public enum ResponseCode
{
    APPROVED("00", 0),
    INVALID_MERCHANT("03", 1),
    DO_NOT_HONOUR("05", 2),
    INVALID_TRANSACTION("12", 3),
    INVALID_AMOUNT("13", 4),
    INVALID_CARD_NUMBER("14", 5),
    UNABLE_TO_LOCATE_ORIGINAL("25", 6),
    FORMAT_ERROR("30", 7),
    LOST_CARD("41", 8),
    STOLEN_CARD("43", 9),
    INSUFFICIENT_FUNDS("51", 10),
    EXPIRED_CARD("54", 11),
    NOT_PERMITTED_TO_CARDHOLDER("57", 12),
    EXCEEDS_AMOUNT_LIMIT("61", 13),
    SWITCH_UNAVAILABLE("91", 14),
    DUPLICATE_TRANSMISSION("94", 15),
    SYSTEM_MALFUNCTION("96", 16);

    private static final ResponseCode[] VALUES = values();
    private static final ResponseCode[] BY_STORED_CODE = byStoredCode();

    private final String code;
    private final byte storedCode;
    private final byte firstDigit;
    private final byte secondDigit;

    ResponseCode(final String code, final int storedCode)
    {
        this.code = code;
        this.storedCode = (byte)storedCode;
        this.firstDigit = (byte)code.charAt(0);
        this.secondDigit = (byte)code.charAt(1);
    }

    /** The two-character code as it goes on the wire. */
    public String code()
    {
        return code;
    }

    /** First ASCII byte of the code, for encoders that write bytes in place. */
    public byte firstDigit()
    {
        return firstDigit;
    }

    /** Second ASCII byte of the code. */
    public byte secondDigit()
    {
        return secondDigit;
    }

    /** True only for {@link #APPROVED}. */
    public boolean isApproved()
    {
        return this == APPROVED;
    }

    /**
     * The byte this code is stored as in journal records and the transaction store: fixed,
     * whatever the constants' order.
     */
    public byte storedCode()
    {
        return storedCode;
    }

    /**
     * The code whose {@link #storedCode()} is the low 8 bits of {@code storedCode} (a byte as read,
     * signed or not), or null when none has it: data of another build, or damaged.
     */
    public static ResponseCode fromStoredCode(final int storedCode)
    {
        return BY_STORED_CODE[storedCode & 0xFF];
    }

    /** The code written as two characters, or null when there is none. */
    public static ResponseCode fromCode(final CharSequence code)
    {
        for (final ResponseCode value : VALUES)
        {
            if (value.code.contentEquals(code))
            {
                return value;
            }
        }
        return null;
    }

    private static ResponseCode[] byStoredCode()
    {
        final ResponseCode[] table = new ResponseCode[256];
        for (final ResponseCode value : VALUES)
        {
            if (table[value.storedCode & 0xFF] != null || value.storedCode == (byte)0xFF)
            {
                throw new IllegalStateException(value + " has a stored code taken or reserved: " + value.storedCode);
            }
            table[value.storedCode & 0xFF] = value;
        }
        return table;
    }
}
