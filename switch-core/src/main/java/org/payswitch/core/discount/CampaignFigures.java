package org.payswitch.core.discount;

/**
 * A campaign's definition with its live figures at one moment of event time, as operators
 * read them. {@code redemptions} and {@code discountGranted} are net of what RESTORE gave back.
 */
public record CampaignFigures(
    CampaignDefinition definition,
    CampaignStatus status,
    long redemptions,
    long discountGranted,
    long remainingBudget,
    long grossRedemptions,
    long grossDiscount,
    long restoredRedemptions,
    long restoredDiscount)
{
}
