package org.payswitch.core.discount;

/** Where a campaign stands at a moment of event time. */
public enum CampaignStatus
{
    /** Before its start. */
    SCHEDULED,
    /** Within its window, not paused, budget and redemptions left. */
    ACTIVE,
    /** Paused by an operator. */
    PAUSED,
    /** Budget or maximum redemptions used up. */
    EXHAUSTED,
    /** After its end. */
    ENDED
}
