package org.payswitch.core.domain;

/**
 * A card's status on file, and the decline it causes when not active. Each status has a fixed
 * {@link #code()}, the byte journal payloads and the card book's records (hence snapshots) hold
 * (docs/journal.md, "Format codes"): never the ordinal, so the constants may be reordered; a new
 * status takes a new code.
 */
public enum CardStatus
{
    ACTIVE(0, ResponseCode.APPROVED),
    BLOCKED(1, ResponseCode.NOT_PERMITTED_TO_CARDHOLDER),
    LOST(2, ResponseCode.LOST_CARD),
    STOLEN(3, ResponseCode.STOLEN_CARD);

    private static final CardStatus[] VALUES = values();
    private static final CardStatus[] BY_CODE = byCode();

    private final byte code;
    private final ResponseCode declineCode;

    CardStatus(final int code, final ResponseCode declineCode)
    {
        this.code = (byte)code;
        this.declineCode = declineCode;
    }

    /** The response code an authorization on a card of this status gets; APPROVED for ACTIVE. */
    public ResponseCode declineCode()
    {
        return declineCode;
    }

    /** The status's code where it is stored: fixed, whatever the constants' order. */
    public byte code()
    {
        return code;
    }

    /**
     * The status whose {@link #code()} is the low 8 bits of {@code code} (a byte as read, signed or
     * not), or null when no status has that code: data of another build, or damaged.
     */
    public static CardStatus fromCode(final int code)
    {
        return BY_CODE[code & 0xFF];
    }

    /** The status of that name, or null when the name is none of them. */
    public static CardStatus parse(final String name)
    {
        for (final CardStatus value : VALUES)
        {
            if (value.name().equals(name))
            {
                return value;
            }
        }
        return null;
    }

    private static CardStatus[] byCode()
    {
        final CardStatus[] table = new CardStatus[256];
        for (final CardStatus status : VALUES)
        {
            if (table[status.code & 0xFF] != null)
            {
                throw new IllegalStateException(status + " has the code of " + table[status.code & 0xFF]);
            }
            table[status.code & 0xFF] = status;
        }
        return table;
    }
}
