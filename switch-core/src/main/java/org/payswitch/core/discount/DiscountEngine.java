package org.payswitch.core.discount;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2ObjectHashMap;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.Problem;
import org.payswitch.core.domain.ZoneCalendar;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.Hashing;

/**
 * Bank-card instant discounts: finds the best eligible campaign for an authorization, commits
 * its redemption when the authorization is approved, and gives it back on reversal, expiry or
 * full refund when the campaign says RESTORE.
 *
 * <p>Campaigns are found through an index by BIN prefix (6, 7 and 8 digits), so quoting looks at
 * the campaigns of the card's BIN only, never at all campaigns. Quoting and redeeming allocate
 * nothing. First come, first served: the order of calls decides who gets the last of a budget,
 * and a discount never exceeds what is left of it, so a budget is never overspent.
 * Not thread-safe: owned by the single writer.
 */
public final class DiscountEngine implements Snapshottable
{
    /** Campaigns are numbered in a {@code short} per transaction. */
    public static final int MAX_CAMPAIGNS = Short.MAX_VALUE;

    private static final int MIN_PREFIX = 6;
    private static final int MAX_PREFIX = 8;
    private static final int[] NO_CAMPAIGNS = new int[0];
    private static final int BINS = 1_000_000;

    private final ZoneCalendar calendar;
    private final ZoneCalendar pastCalendar;
    private final CardUsage usage;
    private final List<Campaign> campaigns = new ArrayList<>();
    private final Map<String, Campaign> byId = new HashMap<>();
    @SuppressWarnings("unchecked")
    private final Long2ObjectHashMap<int[]>[] byPrefix = new Long2ObjectHashMap[MAX_PREFIX - MIN_PREFIX + 1];
    private Campaign[] table = new Campaign[0];
    /**
     * One bit per 6-digit BIN, set when some campaign's prefix (6, 7 or 8 digits) starts with it
     * (125 KB): a card of a BIN no campaign names is told so by one bit, before any map lookup.
     */
    private final long[] binsCovered = new long[(BINS + 63) / 64];

    /** An engine whose days follow {@code zone}, sized for {@code expectedCardCounters} per-card counters. */
    public DiscountEngine(final ZoneId zone, final int expectedCardCounters)
    {
        calendar = new ZoneCalendar(zone);
        pastCalendar = new ZoneCalendar(zone);
        usage = new CardUsage(expectedCardCounters);
        for (int i = 0; i < byPrefix.length; i++)
        {
            byPrefix[i] = new Long2ObjectHashMap<>();
        }
    }

    /** Number of campaigns ever created. */
    public int count()
    {
        return table.length;
    }

    /** Creates a campaign; returns why it was refused, or null when created. */
    public Problem create(final CampaignDefinition definition)
    {
        final Problem invalid = CampaignValidator.validate(definition);
        if (invalid != null)
        {
            return invalid;
        }
        if (byId.containsKey(definition.campaignId()))
        {
            return Problem.of("campaignId", "a campaign with this id exists");
        }
        if (table.length == MAX_CAMPAIGNS)
        {
            return Problem.of("campaignId", "at most " + MAX_CAMPAIGNS + " campaigns");
        }
        final Campaign campaign = new Campaign(table.length, definition);
        campaigns.add(campaign);
        byId.put(campaign.campaignId, campaign);
        table = campaigns.toArray(new Campaign[0]);
        for (final String prefix : definition.binPrefixes())
        {
            final Long2ObjectHashMap<int[]> index = byPrefix[prefix.length() - MIN_PREFIX];
            final long key = Long.parseLong(prefix);
            final int bin = Integer.parseInt(prefix.substring(0, MIN_PREFIX));
            binsCovered[bin >>> 6] |= 1L << bin;
            final int[] existing = index.getOrDefault(key, NO_CAMPAIGNS);
            if (Arrays.binarySearch(existing, campaign.number) < 0)
            {
                final int[] extended = Arrays.copyOf(existing, existing.length + 1);
                extended[existing.length] = campaign.number;
                index.put(key, extended);
            }
        }
        return null;
    }

    /** Pauses or resumes a campaign; false when there is no campaign with this id. */
    public boolean setPaused(final String campaignId, final boolean paused)
    {
        final Campaign campaign = byId.get(campaignId);
        if (campaign == null)
        {
            return false;
        }
        campaign.paused = paused;
        return true;
    }

    /** The id of campaign number {@code campaign}. */
    public String campaignId(final int campaign)
    {
        return table[campaign].campaignId;
    }

    /**
     * Finds the largest discount any campaign gives this authorization (ties: the campaign
     * created first) and writes it into {@code out}; {@code out.campaign} is
     * {@link DiscountQuote#NONE} when none applies. Changes nothing.
     */
    public void quote(
        final long pan,
        final int panLength,
        final AsciiField merchantId,
        final int mcc,
        final long amount,
        final int currency,
        final long timestamp,
        final long transactionId,
        final int card,
        final DiscountQuote out)
    {
        out.clear();
        if (table.length == 0)
        {
            return;
        }
        final int day = calendar.epochDay(timestamp);
        out.epochDay = day;
        long prefix = Pan.prefix(pan, panLength, MAX_PREFIX);
        final long bin = prefix / 100;
        if (bin < 0 || bin >= BINS || (binsCovered[(int)bin >>> 6] & (1L << bin)) == 0)
        {
            return;
        }
        for (int length = MAX_PREFIX; length >= MIN_PREFIX; length--)
        {
            final Long2ObjectHashMap<int[]> index = byPrefix[length - MIN_PREFIX];
            final int[] candidates = index.isEmpty() ? null : index.get(prefix);
            if (candidates != null)
            {
                for (final int number : candidates)
                {
                    final Campaign campaign = table[number];
                    final long discount = discountOf(campaign, merchantId, mcc, amount, currency, timestamp,
                        transactionId, card, day);
                    if (discount > out.discount || (discount > 0 && discount == out.discount && number < out.campaign))
                    {
                        out.campaign = number;
                        out.discount = discount;
                    }
                }
            }
            prefix /= 10;
        }
    }

    /** Commits a quoted discount: the authorization it was quoted for was approved. */
    public void redeem(final DiscountQuote quote, final int card)
    {
        final Campaign campaign = table[quote.campaign];
        campaign.redeem(quote.discount, quote.epochDay);
        if (campaign.tracksCards)
        {
            usage.use(campaign.number, card, quote.epochDay);
        }
    }

    /**
     * A transaction that had {@code discount} from {@code campaign} was reversed, expired or fully
     * refunded: under RESTORE the card's use and the budget come back; under CONSUME nothing does.
     */
    public void giveBack(final int campaignNumber, final int card, final long discount, final long redeemedAt)
    {
        final Campaign campaign = table[campaignNumber];
        if (!campaign.restore)
        {
            return;
        }
        final int day = pastCalendar.epochDay(redeemedAt);
        campaign.restore(discount, day);
        if (campaign.tracksCards)
        {
            usage.restore(campaign.number, card, day);
        }
    }

    /** How often {@code card} used the campaign in total (net of RESTORE); for operators and tests. */
    public long cardUses(final String campaignId, final int card)
    {
        final Campaign campaign = byId.get(campaignId);
        return campaign == null ? 0 : usage.total(campaign.number, card);
    }

    /** One campaign's definition and live figures at {@code eventTime}, or null when unknown. */
    public CampaignFigures figures(final String campaignId, final long eventTime)
    {
        final Campaign campaign = byId.get(campaignId);
        return campaign == null ? null : campaign.figures(eventTime);
    }

    /** Every campaign, in creation order, with live figures at {@code eventTime}. */
    public List<CampaignFigures> allFigures(final long eventTime)
    {
        final List<CampaignFigures> all = new ArrayList<>(table.length);
        for (final Campaign campaign : table)
        {
            all.add(campaign.figures(eventTime));
        }
        return all;
    }

    /** What each funder's campaigns granted, gave back and so owe, funders in order of their first campaign. */
    public List<FunderSettlement> settlement(final long eventTime)
    {
        final Map<String, List<CampaignFigures>> byFunder = new LinkedHashMap<>();
        for (final Campaign campaign : table)
        {
            byFunder.computeIfAbsent(campaign.definition.funder(), f -> new ArrayList<>())
                .add(campaign.figures(eventTime));
        }
        final List<FunderSettlement> settlements = new ArrayList<>();
        byFunder.forEach((funder, figures) ->
        {
            final long gross = figures.stream().mapToLong(CampaignFigures::grossDiscount).sum();
            final long restored = figures.stream().mapToLong(CampaignFigures::restoredDiscount).sum();
            settlements.add(new FunderSettlement(funder, figures, gross, restored, gross - restored));
        });
        return settlements;
    }

    /**
     * Writes every campaign (its definition in {@link CampaignCodec}'s form, then its figures) and
     * every per-card counter.
     */
    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(table.length);
        for (final Campaign campaign : table)
        {
            final byte[] definition = CampaignCodec.toBytes(campaign.definition);
            out.writeInt(definition.length);
            out.writeBytes(definition, 0, definition.length);
            campaign.writeFigures(out);
        }
        usage.writeSnapshot(out);
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        campaigns.clear();
        byId.clear();
        for (final Long2ObjectHashMap<int[]> index : byPrefix)
        {
            index.clear();
        }
        Arrays.fill(binsCovered, 0L);
        table = new Campaign[0];
        final int count = in.readInt();
        for (int i = 0; i < count; i++)
        {
            final byte[] definition = new byte[in.readInt()];
            in.readBytes(definition, 0, definition.length);
            final Problem refused = create(CampaignCodec.fromBytes(definition));
            if (refused != null)
            {
                throw new IllegalStateException("snapshot holds a campaign this switch refuses: " + refused);
            }
            table[i].readFigures(in);
        }
        usage.readSnapshot(in);
    }

    /** Folds every campaign and per-card counter into the state hash. */
    public long hash(final long seed)
    {
        long h = Hashing.combine(seed, table.length);
        for (final Campaign campaign : table)
        {
            h = campaign.hash(h);
        }
        return usage.hash(h);
    }

    private long discountOf(
        final Campaign campaign,
        final AsciiField merchantId,
        final int mcc,
        final long amount,
        final int currency,
        final long timestamp,
        final long transactionId,
        final int card,
        final int day)
    {
        final CampaignDefinition definition = campaign.definition;
        if (campaign.paused || timestamp < campaign.startsAt || timestamp > campaign.endsAt ||
            currency != campaign.currency || amount < campaign.minAmount || !campaign.covers(merchantId, mcc))
        {
            return 0;
        }
        if (campaign.redemptions >= definition.maxRedemptions() ||
            campaign.redemptionsOn(day) >= definition.dailyMaxRedemptions())
        {
            return 0;
        }
        if (campaign.tracksCards)
        {
            final long packed = usage.packed(campaign.number, card);
            if (CardUsage.totalOf(packed) >= definition.perCardLimit() ||
                CardUsage.onDay(packed, day) >= definition.perCardDailyLimit() ||
                CardUsage.inMonth(packed, day) >= definition.perCardMonthlyLimit())
            {
                return 0;
            }
        }
        long discount = campaign.ruleDiscount(amount, transactionId);
        discount = Math.min(discount, amount - 1);
        discount = Math.min(discount, campaign.remainingBudget());
        discount = Math.min(discount, campaign.remainingDailyBudget(day));
        return Math.max(0, discount);
    }
}
