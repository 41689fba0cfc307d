package org.payswitch.core.engine;

/**
 * What a {@link SwitchCommand} asks of the engine. Commands that change state are journaled;
 * queries travel the same ordered path but leave no journal entry. Each type has a fixed
 * {@link #code()}, the byte a journal record names it by (docs/journal.md, "Format codes"): never
 * the ordinal, so the constants may be reordered; a new type takes a new code, and a code once
 * written is never given to another type.
 */
public enum CommandType
{
    /** Hold (or, with {@code capture}, sale): ISO 0100/0200, JSON POST /v1/authorizations. */
    AUTHORIZE(0, true),
    /** Capture an authorization, in full or in part (ISO 0220). */
    CAPTURE(1, true),
    /** Reverse an authorization (ISO 0400/0420). */
    REVERSAL(2, true),
    /** Refund part or all of a captured transaction, by refund id. */
    REFUND(3, true),
    /** Advance event time, expiring holds that are due; a timer publishes it when traffic is idle. */
    EXPIRE_HOLDS(4, true),
    /** Create or replace a card ({@link CardDefinition}). */
    UPSERT_CARD(5, true),
    /** Change a card's status only. */
    SET_CARD_STATUS(6, true),
    /** Create or replace a merchant ({@link MerchantDefinition}). */
    UPSERT_MERCHANT(7, true),
    /** Create a campaign ({@code CampaignDefinition}). */
    CREATE_CAMPAIGN(8, true),
    /** Pause a campaign by id. */
    PAUSE_CAMPAIGN(9, true),
    /** Resume a paused campaign by id. */
    RESUME_CAMPAIGN(10, true),
    /** Load docs/api.md's demo data ({@code amount} cards); journaled as one record, not a million. */
    LOAD_DEMO_DATA(11, true),
    /**
     * Write a snapshot of all state at this point of the command stream ({@code amount} is the
     * snapshot id); journaled as the marker recovery starts the journal's tail after.
     */
    TAKE_SNAPSHOT(12, true),
    /** A transaction by id or by (merchantId, orderId). */
    GET_TRANSACTION(13, false),
    /** A card's status, limit and available credit, by PAN. */
    LOOKUP_CARD(14, false),
    /** One campaign (by id) or all, with live figures. */
    GET_CAMPAIGNS(15, false),
    /** What each campaign granted and gave back, by funder: what banks settle on. */
    DISCOUNT_REPORT(16, false),
    /** Every merchant's transaction totals by currency since the journal began: what reconcile checks. */
    TRANSACTION_REPORT(17, false);

    private static final CommandType[] BY_CODE = byCode();

    private final byte code;
    private final boolean changesState;

    CommandType(final int code, final boolean changesState)
    {
        this.code = (byte)code;
        this.changesState = changesState;
    }

    /** The type's code in journal records: fixed, whatever the constants' order. */
    public byte code()
    {
        return code;
    }

    /** True when the command may change state, so it must be journaled before it is answered. */
    public boolean changesState()
    {
        return changesState;
    }

    /**
     * The type whose {@link #code()} is the low 8 bits of {@code code} (a byte as read, signed or
     * not), or null when no type has that code: a record of another build, or a damaged one.
     */
    public static CommandType fromCode(final int code)
    {
        return BY_CODE[code & 0xFF];
    }

    private static CommandType[] byCode()
    {
        final CommandType[] table = new CommandType[256];
        for (final CommandType type : values())
        {
            if (table[type.code & 0xFF] != null)
            {
                throw new IllegalStateException(type + " has the code of " + table[type.code & 0xFF]);
            }
            table[type.code & 0xFF] = type;
        }
        return table;
    }
}
