package org.payswitch.core.discount;

/**
 * A rule in primitives, for the quote path: a campaign copies these into its own fields and
 * computes with {@link #discount}, a switch over the kind calling the rule's own formula
 * ({@code Fixed.of}, {@code Percent.of}, ...). Measured: an interface call to each campaign's
 * rule object (four classes, so a megamorphic call, and a pointer to chase per campaign) made
 * {@code DiscountBenchmark.quote} 0.55-0.65x as fast as this (docs/discounts.md).
 *
 * @param kind     the rule's kind
 * @param a        FIXED: the amount; PERCENT: basis points; RANDOM: min
 * @param b        PERCENT: the cap; RANDOM: max
 * @param minimums TIERED: the tiers' minimums, sorted (null otherwise)
 * @param amounts  TIERED: the tiers' amounts, in the order of {@code minimums} (null otherwise)
 */
public record DiscountFormula(DiscountRule.Kind kind, long a, long b, long[] minimums, long[] amounts)
{
    /** {@link DiscountRule.Kind#code}s as constants, for the quote path's switch. */
    static final int FIXED_CODE = 0;
    /** See {@link #FIXED_CODE}. */
    static final int PERCENT_CODE = 1;
    /** See {@link #FIXED_CODE}. */
    static final int RANDOM_CODE = 2;
    /** See {@link #FIXED_CODE}. */
    static final int TIERED_CODE = 3;

    /** The discount of a rule of this formula: the same as its {@link DiscountRule#discount}. */
    static long discount(final int kind, final long a, final long b, final long[] minimums, final long[] amounts,
        final long amount, final long transactionId, final int campaign)
    {
        return switch (kind)
        {
            case FIXED_CODE -> DiscountRule.Fixed.of(a);
            case PERCENT_CODE -> DiscountRule.Percent.of(amount, a, b);
            case RANDOM_CODE -> DiscountRule.RandomAmount.of(transactionId, campaign, a, b);
            default -> DiscountRule.Tiered.of(amount, minimums, amounts);
        };
    }
}
