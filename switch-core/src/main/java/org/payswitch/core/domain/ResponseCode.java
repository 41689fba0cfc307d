package org.payswitch.core.domain;

/**
 * The response codes of the wire contract (ISO 8583 DE 39, {@code responseCode} in JSON).
 * Business outcomes travel as one of these, never as exceptions.
 */
public enum ResponseCode
{
    APPROVED("00"),
    INVALID_MERCHANT("03"),
    DO_NOT_HONOUR("05"),
    INVALID_TRANSACTION("12"),
    INVALID_AMOUNT("13"),
    INVALID_CARD_NUMBER("14"),
    UNABLE_TO_LOCATE_ORIGINAL("25"),
    FORMAT_ERROR("30"),
    LOST_CARD("41"),
    STOLEN_CARD("43"),
    INSUFFICIENT_FUNDS("51"),
    EXPIRED_CARD("54"),
    NOT_PERMITTED_TO_CARDHOLDER("57"),
    EXCEEDS_AMOUNT_LIMIT("61"),
    SWITCH_UNAVAILABLE("91"),
    DUPLICATE_TRANSMISSION("94"),
    SYSTEM_MALFUNCTION("96");

    private static final ResponseCode[] VALUES = values();

    private final String code;
    private final byte firstDigit;
    private final byte secondDigit;

    ResponseCode(final String code)
    {
        this.code = code;
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

    /** The code with the given ordinal, as stored in compact tables. */
    public static ResponseCode fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
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
}
