package org.payswitch.core.discount;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A bank-card instant-discount campaign as a bank defines it (docs/api.md, POST /v1/campaigns).
 * Limits and budgets use {@link #NO_LIMIT} for "none" (null on the wire). Lists are copied.
 */
public record CampaignDefinition(
    String campaignId,
    String funder,
    List<String> binPrefixes,
    List<Integer> mccs,
    List<String> merchantIds,
    int currency,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    long minAmount,
    DiscountRule discount,
    long perCardLimit,
    long perCardDailyLimit,
    long perCardMonthlyLimit,
    long budget,
    long dailyBudget,
    long maxRedemptions,
    long dailyMaxRedemptions,
    OnReversal onReversal)
{
    /** A limit or budget that is not set. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    /** A limit or budget as figures show it: -1 when not set ({@link #NO_LIMIT}), else itself. */
    public static long orNone(final long limit)
    {
        return limit == NO_LIMIT ? -1 : limit;
    }

    public CampaignDefinition
    {
        binPrefixes = binPrefixes == null ? List.of() : List.copyOf(binPrefixes);
        mccs = mccs == null ? List.of() : List.copyOf(mccs);
        merchantIds = merchantIds == null ? List.of() : List.copyOf(merchantIds);
    }
}
