package org.payswitch.core.discount;

import java.util.List;

/**
 * What one funding bank owes for its campaigns: discount granted, given back (RESTORE on a
 * reversal, expiry or full refund) and the net it settles, per campaign and in total.
 */
public record FunderSettlement(
    String funder, List<CampaignFigures> campaigns, long grossDiscount, long restoredDiscount, long netDiscount)
{
    public FunderSettlement
    {
        campaigns = List.copyOf(campaigns);
    }
}
