package org.payswitch.core.discount;

import java.util.List;

/** How much a campaign takes off an eligible amount. Amounts are minor units. */
public sealed interface DiscountRule
    permits DiscountRule.Fixed, DiscountRule.Percent, DiscountRule.RandomAmount, DiscountRule.Tiered
{
    /** {@code amount} off. */
    record Fixed(long amount) implements DiscountRule
    {
    }

    /** {@code basisPoints} / 10 000 of the amount, rounded down, at most {@code cap}. */
    record Percent(int basisPoints, long cap) implements DiscountRule
    {
    }

    /** A "card red envelope": an amount in [min, max] drawn from the transaction, so a replay draws the same. */
    record RandomAmount(long min, long max) implements DiscountRule
    {
    }

    /** The amount of the highest tier whose minimum the transaction amount reaches. */
    record Tiered(List<Tier> tiers) implements DiscountRule
    {
        public Tiered
        {
            tiers = List.copyOf(tiers);
        }
    }

    /** One tier of a {@link Tiered} rule. */
    record Tier(long minAmount, long amount)
    {
    }
}
