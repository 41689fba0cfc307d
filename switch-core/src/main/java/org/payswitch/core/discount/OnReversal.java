package org.payswitch.core.discount;

/**
 * What a reversal, an expiry or a full refund does to a campaign's quota (docs/api.md). Each has
 * a fixed {@link #code()}, the byte a campaign definition holds in journal payloads and snapshots
 * (docs/journal.md, "Format codes"): never the ordinal, so the constants may be reordered.
 */
public enum OnReversal
{
    /** Give back both the cardholder's use and the budget. */
    RESTORE(0),
    /** Keep the use counted and the money spent (as many UnionPay campaigns do). */
    CONSUME(1);

    private final byte code;

    OnReversal(final int code)
    {
        this.code = (byte)code;
    }

    /** The code a campaign definition is stored with: fixed, whatever the constants' order. */
    public byte code()
    {
        return code;
    }

    /**
     * The value whose {@link #code()} is the low 8 bits of {@code code} (a byte as read, signed or
     * not), or null when none has it (data of another build, or damaged: {@link CampaignValidator}
     * then refuses the definition, naming the field).
     */
    public static OnReversal fromCode(final int code)
    {
        for (final OnReversal value : values())
        {
            if (value.code == (byte)code)
            {
                return value;
            }
        }
        return null;
    }
}
