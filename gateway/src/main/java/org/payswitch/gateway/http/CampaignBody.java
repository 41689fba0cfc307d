package org.payswitch.gateway.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.gateway.json.JsonException;

/**
 * {@code POST /v1/campaigns} as Jackson maps it ({@link BodyMapper}), and its checked conversion
 * onto the engine's {@link CampaignDefinition} (docs/api.md section 3). The discount is mapped by
 * its {@code type}, so each type reads only its own members.
 */
record CampaignBody(
    String campaignId, String funder, List<String> binPrefixes, List<String> mccs, List<String> merchantIds,
    String currency, String startsAt, String endsAt, Long minAmount, Discount discount, Long perCardLimit,
    Long perCardDailyLimit, Long perCardMonthlyLimit, Long budget, Long dailyBudget, Long maxRedemptions,
    Long dailyMaxRedemptions, String onReversal)
{
    private static final String DISCOUNT_PROBLEM = "an object with a type";
    private static final String TIERS_PROBLEM = "an array of {minAmount, amount}";
    private static final String ON_REVERSAL_PROBLEM = "RESTORE or CONSUME";
    private static final int MAX_BASIS_POINTS = 10_000;

    /** What each field of a campaign body must be. */
    static final Map<String, String> FIELDS = Map.ofEntries(
        Map.entry("campaignId", BodyFields.TEXT), Map.entry("funder", BodyFields.TEXT),
        Map.entry("binPrefixes", BodyFields.STRINGS), Map.entry("mccs", BodyFields.STRINGS),
        Map.entry("merchantIds", BodyFields.STRINGS), Map.entry("currency", BodyFields.TEXT),
        Map.entry("startsAt", BodyFields.TEXT), Map.entry("endsAt", BodyFields.TEXT),
        Map.entry("minAmount", BodyFields.MINOR_UNITS), Map.entry("discount", DISCOUNT_PROBLEM),
        Map.entry("discount.type", "FIXED, PERCENT, RANDOM or TIERED"),
        Map.entry("discount.amount", BodyFields.INTEGER), Map.entry("discount.basisPoints", BodyFields.INTEGER),
        Map.entry("discount.cap", BodyFields.INTEGER), Map.entry("discount.min", BodyFields.INTEGER),
        Map.entry("discount.max", BodyFields.INTEGER), Map.entry("discount.tiers", TIERS_PROBLEM),
        Map.entry("discount.tiers.minAmount", BodyFields.INTEGER),
        Map.entry("discount.tiers.amount", BodyFields.INTEGER),
        Map.entry("perCardLimit", BodyFields.LIMIT), Map.entry("perCardDailyLimit", BodyFields.LIMIT),
        Map.entry("perCardMonthlyLimit", BodyFields.LIMIT), Map.entry("budget", BodyFields.LIMIT),
        Map.entry("dailyBudget", BodyFields.LIMIT), Map.entry("maxRedemptions", BodyFields.LIMIT),
        Map.entry("dailyMaxRedemptions", BodyFields.LIMIT), Map.entry("onReversal", ON_REVERSAL_PROBLEM));
    /** Fields a campaign may leave out (0, RESTORE) but not give as null. */
    static final String[] NOT_NULL = {"minAmount", "onReversal"};

    /** The campaign, its fields checked in the order they are listed. */
    CampaignDefinition definition()
    {
        return new CampaignDefinition(BodyFields.text(campaignId, "campaignId"), BodyFields.text(funder, "funder"),
            BodyFields.strings(binPrefixes, "binPrefixes"), BodyFields.mccs(mccs, "mccs"),
            BodyFields.strings(merchantIds, "merchantIds"), BodyFields.currency(currency, "currency"),
            BodyFields.time(startsAt, "startsAt"), BodyFields.time(endsAt, "endsAt"),
            minAmount == null ? 0 : minAmount, rule(), BodyFields.optionalLimit(perCardLimit),
            BodyFields.optionalLimit(perCardDailyLimit), BodyFields.optionalLimit(perCardMonthlyLimit),
            BodyFields.optionalLimit(budget), BodyFields.optionalLimit(dailyBudget),
            BodyFields.optionalLimit(maxRedemptions), BodyFields.optionalLimit(dailyMaxRedemptions), reversal());
    }

    private DiscountRule rule()
    {
        if (discount == null)
        {
            throw new JsonException("discount: " + DISCOUNT_PROBLEM, "discount");
        }
        return discount.rule();
    }

    private OnReversal reversal()
    {
        if (onReversal == null || "RESTORE".equals(onReversal))
        {
            return OnReversal.RESTORE;
        }
        if ("CONSUME".equals(onReversal))
        {
            return OnReversal.CONSUME;
        }
        throw new JsonException("onReversal: " + ON_REVERSAL_PROBLEM, "onReversal");
    }

    /** A campaign's discount, by its {@code type}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Fixed.class, name = "FIXED"),
        @JsonSubTypes.Type(value = Percent.class, name = "PERCENT"),
        @JsonSubTypes.Type(value = RandomAmount.class, name = "RANDOM"),
        @JsonSubTypes.Type(value = Tiered.class, name = "TIERED")})
    sealed interface Discount permits Fixed, Percent, RandomAmount, Tiered
    {
        DiscountRule rule();
    }

    /** Spend minAmount, get {@code amount} off. */
    record Fixed(Long amount) implements Discount
    {
        @Override
        public DiscountRule rule()
        {
            return new DiscountRule.Fixed(BodyFields.integer(amount, "discount.amount"));
        }
    }

    /** {@code basisPoints} off, at most {@code cap}. */
    record Percent(Long basisPoints, Long cap) implements Discount
    {
        @Override
        public DiscountRule rule()
        {
            final long points = BodyFields.integer(basisPoints, "discount.basisPoints");
            if (points < 0 || points > MAX_BASIS_POINTS)
            {
                throw new JsonException("discount.basisPoints: 1..10000", "discount.basisPoints");
            }
            return new DiscountRule.Percent((int)points, BodyFields.integer(cap, "discount.cap"));
        }
    }

    /** A random amount in [min, max] (a card red envelope). */
    record RandomAmount(Long min, Long max) implements Discount
    {
        @Override
        public DiscountRule rule()
        {
            return new DiscountRule.RandomAmount(BodyFields.integer(min, "discount.min"),
                BodyFields.integer(max, "discount.max"));
        }
    }

    /** The highest tier the amount reaches. */
    record Tiered(List<Tier> tiers) implements Discount
    {
        @Override
        public DiscountRule rule()
        {
            if (tiers == null)
            {
                throw new JsonException("discount.tiers: " + TIERS_PROBLEM, "discount.tiers");
            }
            final List<DiscountRule.Tier> rules = new ArrayList<>();
            for (final Tier tier : tiers)
            {
                if (tier == null)
                {
                    throw new JsonException("discount.tiers: " + TIERS_PROBLEM, "discount.tiers");
                }
                rules.add(new DiscountRule.Tier(BodyFields.integer(tier.minAmount(), "discount.tiers"),
                    BodyFields.integer(tier.amount(), "discount.tiers")));
            }
            return new DiscountRule.Tiered(rules);
        }
    }

    /** One tier: from {@code minAmount}, {@code amount} off. */
    record Tier(Long minAmount, Long amount)
    {
    }
}
