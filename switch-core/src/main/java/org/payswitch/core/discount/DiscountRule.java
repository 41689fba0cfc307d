package org.payswitch.core.discount;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Problem;
import org.payswitch.core.util.Hashing;

/**
 * How much a campaign takes off an eligible amount. Amounts are minor units. Each rule carries
 * its own behaviour (its discount, its validation, its description for the operator API, its
 * binary form), so no caller asks which rule it holds: a new rule is one new record here, and
 * the compiler lists what it must implement.
 */
public sealed interface DiscountRule
    permits DiscountRule.Fixed, DiscountRule.Percent, DiscountRule.RandomAmount, DiscountRule.Tiered
{
    /** The kinds of rule: their names in the operator API and their codes in the binary form. */
    enum Kind
    {
        FIXED(DiscountFormula.FIXED_CODE),
        PERCENT(DiscountFormula.PERCENT_CODE),
        RANDOM(DiscountFormula.RANDOM_CODE),
        TIERED(DiscountFormula.TIERED_CODE);

        /** The rule's first byte in {@link CampaignCodec}'s form (journal records and snapshots): never change. */
        public final int code;

        Kind(final int code)
        {
            this.code = code;
        }

        /** The kind written as {@code code}. */
        static Kind ofCode(final int code)
        {
            for (final Kind kind : values())
            {
                if (kind.code == code)
                {
                    return kind;
                }
            }
            throw new IllegalStateException("unknown discount type " + code);
        }
    }

    /** Receives a rule's fields, in the order the operator API shows them after the rule's type. */
    interface Fields
    {
        /** A field holding an amount, a count or basis points. */
        void number(String name, long value);

        /** The tiers of a {@link Tiered} rule, in the order they were defined. */
        void tiers(List<Tier> tiers);
    }

    /** Which kind of rule this is. */
    Kind kind();

    /**
     * The discount on {@code amount} of transaction {@code transactionId} under campaign number
     * {@code campaign}, before the campaign caps it (at amount - 1 and at what is left of its
     * budgets); 0 when none. On the hot path: allocates nothing. RANDOM draws from the
     * transaction and campaign, so a replay draws the same.
     */
    long discount(long amount, long transactionId, int campaign);

    /** The rule in primitives, for a campaign to copy into its own fields (see {@link DiscountFormula}). */
    DiscountFormula formula();

    /** Why the rule is invalid (its field as "discount.field"), or null. */
    Problem validate();

    /** Tells {@code out} the rule's fields (not its kind), for the operator API's answers. */
    void describe(Fields out);

    /** Writes the rule's kind code, then its fields (Java DataOutput conventions). */
    void write(DataOutput out) throws IOException;

    /** Reads what {@link #write} wrote. */
    static DiscountRule read(final DataInput in) throws IOException
    {
        return switch (Kind.ofCode(in.readByte()))
        {
            case FIXED -> new Fixed(in.readLong());
            case PERCENT -> new Percent(in.readInt(), in.readLong());
            case RANDOM -> new RandomAmount(in.readLong(), in.readLong());
            case TIERED -> Tiered.read(in);
        };
    }

    /** {@code amount} off. */
    record Fixed(long amount) implements DiscountRule
    {
        @Override
        public Kind kind()
        {
            return Kind.FIXED;
        }

        @Override
        public long discount(final long amount, final long transactionId, final int campaign)
        {
            return of(this.amount);
        }

        /** The formula: the fixed amount. */
        static long of(final long amount)
        {
            return amount;
        }

        @Override
        public DiscountFormula formula()
        {
            return new DiscountFormula(Kind.FIXED, amount, 0, null, null);
        }

        @Override
        public Problem validate()
        {
            return isPositiveAmount(amount) ? null : Problem.of("discount.amount", "positive");
        }

        @Override
        public void describe(final Fields out)
        {
            out.number("amount", amount);
        }

        @Override
        public void write(final DataOutput out) throws IOException
        {
            out.writeByte(Kind.FIXED.code);
            out.writeLong(amount);
        }
    }

    /** {@code basisPoints} / 10 000 of the amount, rounded down, at most {@code cap}. */
    record Percent(int basisPoints, long cap) implements DiscountRule
    {
        @Override
        public Kind kind()
        {
            return Kind.PERCENT;
        }

        @Override
        public long discount(final long amount, final long transactionId, final int campaign)
        {
            return of(amount, basisPoints, cap);
        }

        /** The formula: {@code basisPoints} of the amount, at most {@code cap}. */
        static long of(final long amount, final long basisPoints, final long cap)
        {
            return Math.min(amount * basisPoints / 10_000, cap);
        }

        @Override
        public DiscountFormula formula()
        {
            return new DiscountFormula(Kind.PERCENT, basisPoints, cap, null, null);
        }

        @Override
        public Problem validate()
        {
            if (basisPoints < 1 || basisPoints > 10_000)
            {
                return Problem.of("discount.basisPoints", "1..10000");
            }
            return isPositiveAmount(cap) ? null : Problem.of("discount.cap", "positive");
        }

        @Override
        public void describe(final Fields out)
        {
            out.number("basisPoints", basisPoints);
            out.number("cap", cap);
        }

        @Override
        public void write(final DataOutput out) throws IOException
        {
            out.writeByte(Kind.PERCENT.code);
            out.writeInt(basisPoints);
            out.writeLong(cap);
        }
    }

    /** A "card red envelope": an amount in [min, max] drawn from the transaction, so a replay draws the same. */
    record RandomAmount(long min, long max) implements DiscountRule
    {
        @Override
        public Kind kind()
        {
            return Kind.RANDOM;
        }

        @Override
        public long discount(final long amount, final long transactionId, final int campaign)
        {
            return of(transactionId, campaign, min, max);
        }

        /** The formula: an amount in [min, max] drawn from the transaction and the campaign. */
        static long of(final long transactionId, final int campaign, final long min, final long max)
        {
            return min + Long.remainderUnsigned(Hashing.mix(transactionId * 31 + campaign), max - min + 1);
        }

        @Override
        public DiscountFormula formula()
        {
            return new DiscountFormula(Kind.RANDOM, min, max, null, null);
        }

        @Override
        public Problem validate()
        {
            if (!isPositiveAmount(min))
            {
                return Problem.of("discount.min", "positive");
            }
            return max >= min && isPositiveAmount(max) ? null : Problem.of("discount.max", "at least min");
        }

        @Override
        public void describe(final Fields out)
        {
            out.number("min", min);
            out.number("max", max);
        }

        @Override
        public void write(final DataOutput out) throws IOException
        {
            out.writeByte(Kind.RANDOM.code);
            out.writeLong(min);
            out.writeLong(max);
        }
    }

    /**
     * The amount of the highest tier whose minimum the transaction amount reaches (of equal
     * minimums, which validation refuses, the later one). A class rather than a record so that it
     * keeps its tiers sorted by minimum in two primitive arrays for the hot path (a quote walks
     * them from the top, no list or tier object touched); {@code equals}, {@code hashCode} and
     * {@code toString} are those of the record it was, since the engine's state hash folds a
     * campaign's text.
     */
    final class Tiered implements DiscountRule
    {
        private final List<Tier> tiers;
        private final long[] minimums;
        private final long[] amounts;

        /** A rule of {@code tiers}, in the order they were defined. */
        public Tiered(final List<Tier> tiers)
        {
            this.tiers = List.copyOf(tiers);
            final Tier[] sorted = this.tiers.toArray(new Tier[0]);
            Arrays.sort(sorted, Comparator.comparingLong(Tier::minAmount));
            minimums = new long[sorted.length];
            amounts = new long[sorted.length];
            for (int i = 0; i < sorted.length; i++)
            {
                minimums[i] = sorted[i].minAmount();
                amounts[i] = sorted[i].amount();
            }
        }

        /** The tiers in the order they were defined. */
        public List<Tier> tiers()
        {
            return tiers;
        }

        @Override
        public Kind kind()
        {
            return Kind.TIERED;
        }

        @Override
        public long discount(final long amount, final long transactionId, final int campaign)
        {
            return of(amount, minimums, amounts);
        }

        /** The formula: the amount of the highest of the sorted {@code minimums} that {@code amount} reaches. */
        static long of(final long amount, final long[] minimums, final long[] amounts)
        {
            for (int i = minimums.length - 1; i >= 0; i--)
            {
                if (amount >= minimums[i])
                {
                    return amounts[i];
                }
            }
            return 0;
        }

        @Override
        public DiscountFormula formula()
        {
            return new DiscountFormula(Kind.TIERED, 0, 0, minimums.clone(), amounts.clone());
        }

        @Override
        public boolean equals(final Object other)
        {
            return other instanceof Tiered tiered && tiers.equals(tiered.tiers);
        }

        @Override
        public int hashCode()
        {
            return tiers.hashCode();
        }

        @Override
        public String toString()
        {
            return "Tiered[tiers=" + tiers + "]";
        }

        @Override
        public Problem validate()
        {
            if (tiers.isEmpty())
            {
                return Problem.of("discount.tiers", "at least one tier");
            }
            for (final Tier tier : tiers)
            {
                if (tier.minAmount() < 0 || tier.minAmount() > Money.MAX_AMOUNT || !isPositiveAmount(tier.amount()))
                {
                    return Problem.of("discount.tiers", "each has minAmount >= 0 and a positive amount");
                }
            }
            final long distinct = tiers.stream().mapToLong(Tier::minAmount).distinct().count();
            return distinct == tiers.size() ? null : Problem.of("discount.tiers", "minAmounts must differ");
        }

        @Override
        public void describe(final Fields out)
        {
            out.tiers(tiers);
        }

        @Override
        public void write(final DataOutput out) throws IOException
        {
            out.writeByte(Kind.TIERED.code);
            out.writeInt(tiers.size());
            for (final Tier tier : tiers)
            {
                out.writeLong(tier.minAmount());
                out.writeLong(tier.amount());
            }
        }

        private static Tiered read(final DataInput in) throws IOException
        {
            final int count = in.readInt();
            final List<Tier> tiers = new ArrayList<>(count);
            for (int i = 0; i < count; i++)
            {
                tiers.add(new Tier(in.readLong(), in.readLong()));
            }
            return new Tiered(tiers);
        }
    }

    /** One tier of a {@link Tiered} rule. */
    record Tier(long minAmount, long amount)
    {
    }

    private static boolean isPositiveAmount(final long amount)
    {
        return amount > 0 && amount <= Money.MAX_AMOUNT;
    }
}
