package org.payswitch.core.domain;

/** A card's status on file, and the decline it causes when not active. */
public enum CardStatus
{
    ACTIVE(ResponseCode.APPROVED),
    BLOCKED(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER),
    LOST(ResponseCode.LOST_CARD),
    STOLEN(ResponseCode.STOLEN_CARD);

    private static final CardStatus[] VALUES = values();

    private final ResponseCode declineCode;

    CardStatus(final ResponseCode declineCode)
    {
        this.declineCode = declineCode;
    }

    /** The response code an authorization on a card of this status gets; APPROVED for ACTIVE. */
    public ResponseCode declineCode()
    {
        return declineCode;
    }

    /** The status with the given ordinal, as stored in compact tables. */
    public static CardStatus fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
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
}
