package org.payswitch.core.discount;

import java.util.Arrays;

import org.agrona.collections.LongHashSet;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.util.Hashing;

/**
 * One campaign at run time: its eligibility rules flattened into primitives for the hot path,
 * its discount rule, and its figures. Figures are net of what RESTORE gave back, so
 * {@code granted + remaining == budget}. Not thread-safe: owned by the single writer.
 */
final class Campaign
{
    final int number;
    final CampaignDefinition definition;
    final String campaignId;
    final long startsAt;
    final long endsAt;
    final int currency;
    final long minAmount;
    final boolean restore;
    final boolean tracksCards;
    /** The rule in primitives ({@link DiscountFormula}): read by every quote, kept in this object. */
    private final int ruleKind;
    private final long ruleA;
    private final long ruleB;
    private final long[] tierMinimums;
    private final long[] tierAmounts;
    private final int[] mccs;
    private final LongHashSet merchantHashes;
    private final String[] merchantIds;

    boolean paused;
    long redemptions;
    long granted;
    long grossRedemptions;
    long grossGranted;
    long restoredRedemptions;
    long restoredDiscount;
    int day = Integer.MIN_VALUE;
    long grantedToday;
    long redemptionsToday;

    Campaign(final int number, final CampaignDefinition definition)
    {
        this.number = number;
        this.definition = definition;
        this.campaignId = definition.campaignId();
        this.startsAt = definition.startsAt().toInstant().toEpochMilli();
        this.endsAt = definition.endsAt().toInstant().toEpochMilli();
        this.currency = definition.currency();
        this.minAmount = definition.minAmount();
        this.restore = definition.onReversal() == OnReversal.RESTORE;
        this.tracksCards = definition.perCardLimit() != CampaignDefinition.NO_LIMIT ||
            definition.perCardDailyLimit() != CampaignDefinition.NO_LIMIT ||
            definition.perCardMonthlyLimit() != CampaignDefinition.NO_LIMIT;
        final DiscountFormula formula = definition.discount().formula();
        this.ruleKind = formula.kind().code;
        this.ruleA = formula.a();
        this.ruleB = formula.b();
        this.tierMinimums = formula.minimums();
        this.tierAmounts = formula.amounts();
        mccs = definition.mccs().stream().mapToInt(Integer::intValue).sorted().toArray();
        merchantIds = definition.merchantIds().toArray(new String[0]);
        merchantHashes = new LongHashSet();
        final AsciiField id = new AsciiField(64);
        for (final String merchantId : merchantIds)
        {
            id.set(merchantId);
            merchantHashes.add(id.hash64());
        }
    }

    /** True when the campaign applies to this merchant and MCC (empty lists mean all). */
    boolean covers(final AsciiField merchantId, final int mcc)
    {
        if (mccs.length > 0 && Arrays.binarySearch(mccs, mcc) < 0)
        {
            return false;
        }
        if (merchantIds.length == 0)
        {
            return true;
        }
        if (!merchantHashes.contains(merchantId.hash64()))
        {
            return false;
        }
        for (final String id : merchantIds)
        {
            if (id.contentEquals(merchantId))
            {
                return true;
            }
        }
        return false;
    }

    /** The discount the rule gives on {@code amount}, before budgets and the amount - 1 cap; 0 when none. */
    long ruleDiscount(final long amount, final long transactionId)
    {
        return DiscountFormula.discount(ruleKind, ruleA, ruleB, tierMinimums, tierAmounts, amount, transactionId,
            number);
    }

    /** Budget not yet granted (net). */
    long remainingBudget()
    {
        final long budget = definition.budget();
        return budget == CampaignDefinition.NO_LIMIT ? CampaignDefinition.NO_LIMIT : budget - granted;
    }

    /**
     * Daily budget not yet granted on local day {@code epochDay}. A day earlier than the one
     * already counted (a request stamped just before midnight that reaches the single writer after
     * one stamped just after it) is read as the counted day: the day counters only move forward,
     * so a late arrival can never reopen a day whose budget is spent.
     */
    long remainingDailyBudget(final int epochDay)
    {
        final long dailyBudget = definition.dailyBudget();
        return dailyBudget == CampaignDefinition.NO_LIMIT ? CampaignDefinition.NO_LIMIT :
            dailyBudget - (epochDay <= day ? grantedToday : 0);
    }

    /** Redemptions on local day {@code epochDay} (an earlier day reads as the counted day). */
    long redemptionsOn(final int epochDay)
    {
        return epochDay <= day ? redemptionsToday : 0;
    }

    /** Counts a redemption of {@code discount} on {@code epochDay}, or on the counted day if that is later. */
    void redeem(final long discount, final int epochDay)
    {
        if (epochDay > day)
        {
            day = epochDay;
            grantedToday = 0;
            redemptionsToday = 0;
        }
        redemptions++;
        granted += discount;
        grossRedemptions++;
        grossGranted += discount;
        grantedToday += discount;
        redemptionsToday++;
    }

    /** Gives back a redemption of {@code discount} made on {@code epochDay} (RESTORE). */
    void restore(final long discount, final int epochDay)
    {
        redemptions--;
        granted -= discount;
        restoredRedemptions++;
        restoredDiscount += discount;
        if (day == epochDay)
        {
            grantedToday -= discount;
            redemptionsToday--;
        }
    }

    /** Where the campaign stands at {@code eventTime}. */
    CampaignStatus status(final long eventTime)
    {
        if (eventTime > endsAt)
        {
            return CampaignStatus.ENDED;
        }
        if (paused)
        {
            return CampaignStatus.PAUSED;
        }
        if (eventTime < startsAt)
        {
            return CampaignStatus.SCHEDULED;
        }
        final boolean budgetGone = remainingBudget() <= 0;
        final boolean redemptionsGone = definition.maxRedemptions() != CampaignDefinition.NO_LIMIT &&
            redemptions >= definition.maxRedemptions();
        return budgetGone || redemptionsGone ? CampaignStatus.EXHAUSTED : CampaignStatus.ACTIVE;
    }

    /** The figures at {@code eventTime}. */
    CampaignFigures figures(final long eventTime)
    {
        final long remaining = remainingBudget();
        return new CampaignFigures(definition, status(eventTime), redemptions, granted,
            remaining == CampaignDefinition.NO_LIMIT ? -1 : remaining, grossRedemptions, grossGranted,
            restoredRedemptions, restoredDiscount);
    }

    /** Writes the figures (the definition is written by the engine). */
    void writeFigures(final SnapshotOutput out)
    {
        out.writeBoolean(paused);
        out.writeLong(redemptions);
        out.writeLong(granted);
        out.writeLong(grossRedemptions);
        out.writeLong(grossGranted);
        out.writeLong(restoredRedemptions);
        out.writeLong(restoredDiscount);
        out.writeInt(day);
        out.writeLong(grantedToday);
        out.writeLong(redemptionsToday);
    }

    /** Reads what {@link #writeFigures} wrote. */
    void readFigures(final SnapshotInput in)
    {
        paused = in.readBoolean();
        redemptions = in.readLong();
        granted = in.readLong();
        grossRedemptions = in.readLong();
        grossGranted = in.readLong();
        restoredRedemptions = in.readLong();
        restoredDiscount = in.readLong();
        day = in.readInt();
        grantedToday = in.readLong();
        redemptionsToday = in.readLong();
    }

    /** Folds the campaign's state into the state hash. */
    long hash(final long seed)
    {
        long h = Hashing.combine(seed, campaignId.hashCode());
        h = Hashing.combine(h, definition.toString().hashCode());
        h = Hashing.combine(h, paused ? 1 : 0);
        h = Hashing.combine(h, redemptions);
        h = Hashing.combine(h, granted);
        h = Hashing.combine(h, grossRedemptions);
        h = Hashing.combine(h, grossGranted);
        h = Hashing.combine(h, restoredRedemptions);
        h = Hashing.combine(h, restoredDiscount);
        h = Hashing.combine(h, day);
        h = Hashing.combine(h, grantedToday);
        return Hashing.combine(h, redemptionsToday);
    }
}
