package org.payswitch.core.engine;

/**
 * What a {@link SwitchCommand} asks of the engine. Commands that change state are journaled;
 * queries travel the same ordered path but leave no journal entry.
 */
public enum CommandType
{
    /** Hold (or, with {@code capture}, sale): ISO 0100/0200, JSON POST /v1/authorizations. */
    AUTHORIZE(true),
    /** Capture an authorization, in full or in part (ISO 0220). */
    CAPTURE(true),
    /** Reverse an authorization (ISO 0400/0420). */
    REVERSAL(true),
    /** Refund part or all of a captured transaction, by refund id. */
    REFUND(true),
    /** Advance event time, expiring holds that are due; a timer publishes it when traffic is idle. */
    EXPIRE_HOLDS(true),
    /** Create or replace a card ({@link CardDefinition}). */
    UPSERT_CARD(true),
    /** Change a card's status only. */
    SET_CARD_STATUS(true),
    /** Create or replace a merchant ({@link MerchantDefinition}). */
    UPSERT_MERCHANT(true),
    /** Create a campaign ({@code CampaignDefinition}). */
    CREATE_CAMPAIGN(true),
    /** Pause a campaign by id. */
    PAUSE_CAMPAIGN(true),
    /** Resume a paused campaign by id. */
    RESUME_CAMPAIGN(true),
    /** Load docs/api.md's demo data ({@code amount} cards); journaled as one record, not a million. */
    LOAD_DEMO_DATA(true),
    /**
     * Write a snapshot of all state at this point of the command stream ({@code amount} is the
     * snapshot id); journaled as the marker recovery starts the journal's tail after.
     */
    TAKE_SNAPSHOT(true),
    /** A transaction by id or by (merchantId, orderId). */
    GET_TRANSACTION(false),
    /** A card's status, limit and available credit, by PAN. */
    LOOKUP_CARD(false),
    /** One campaign (by id) or all, with live figures. */
    GET_CAMPAIGNS(false),
    /** What each campaign granted and gave back, by funder: what banks settle on. */
    DISCOUNT_REPORT(false);

    private static final CommandType[] VALUES = values();

    private final boolean changesState;

    CommandType(final boolean changesState)
    {
        this.changesState = changesState;
    }

    /** True when the command may change state, so it must be journaled before it is answered. */
    public boolean changesState()
    {
        return changesState;
    }

    /** The type with the given ordinal, as stored in the journal. */
    public static CommandType fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
