package org.payswitch.core.discount;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
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
        FIXED(0),
        PERCENT(1),
        RANDOM(2),
        TIERED(3);

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
            return this.amount;
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
            return Math.min(amount * basisPoints / 10_000, cap);
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
            return min + Long.remainderUnsigned(Hashing.mix(transactionId * 31 + campaign), max - min + 1);
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

    /** The amount of the highest tier whose minimum the transaction amount reaches. */
    record Tiered(List<Tier> tiers) implements DiscountRule
    {
        public Tiered
        {
            tiers = List.copyOf(tiers);
        }

        @Override
        public Kind kind()
        {
            return Kind.TIERED;
        }

        /**
         * One pass over the tiers in their defined order, no sorting and no iterator: of the tiers
         * the amount reaches, the one with the highest minimum (the later one of equal minimums,
         * which validation refuses anyway).
         */
        @Override
        public long discount(final long amount, final long transactionId, final int campaign)
        {
            long reached = Long.MIN_VALUE;
            long discount = 0;
            for (int i = 0, n = tiers.size(); i < n; i++)
            {
                final Tier tier = tiers.get(i);
                if (amount >= tier.minAmount() && tier.minAmount() >= reached)
                {
                    reached = tier.minAmount();
                    discount = tier.amount();
                }
            }
            return discount;
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
