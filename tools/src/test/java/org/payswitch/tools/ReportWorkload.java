package org.payswitch.tools;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

/**
 * A seeded stream of commands for the report tests: the demo data (200 cards, the three demo
 * campaigns, all RESTORE), a JPY card (a currency of exponent 0), two campaigns of a funder whose
 * name needs CSV quoting (one CONSUME, one RESTORE with a small budget that runs out part way),
 * then {@link #STEPS} requests a minute apart on average from {@link #START} (20:00 in Shanghai),
 * so they cross midnight in Shanghai twice and in UTC twice: authorizations (declines among them:
 * unknown card, over the credit limit), sales, exact retries, full and partial captures by id or by
 * merchant and order (some over the charged amount, refused), reversals, refunds under three refund
 * ids (repeats, over-refunds), pauses, clock ticks; one in 30 stamped up to 3 s before the one
 * before it, as two I/O threads stamp. With a hold expiry of {@link #HOLD_EXPIRY} many holds expire;
 * the last command is a clock tick a day after the rest. The same seed gives the same stream.
 */
final class ReportWorkload
{
    /** 2026-11-11T20:00+08:00 (12:00Z). */
    static final long START = OffsetDateTime.parse("2026-11-11T20:00:00+08:00").toInstant().toEpochMilli();
    /** The switch's hold-expiry in these tests. */
    static final String HOLD_EXPIRY = "PT8H";
    static final int STEPS = 2_500;
    static final int JPY = 392;
    static final String FUNDER = "Test Bank, \"Shanghai\" Branch";

    private static final int CARDS = 200;
    private static final int MERCHANTS = 6;
    private static final int JPY_CARD = 503;
    private static final int SETUP = 5;

    private final SplittableRandom random;
    private final List<SwitchCommand> recent = new ArrayList<>();
    private long now = START;
    private int step;
    private long orders;

    ReportWorkload(final long seed)
    {
        random = new SplittableRandom(seed);
    }

    /** True while the stream has more commands. */
    boolean hasNext()
    {
        return step < SETUP + STEPS + 1;
    }

    /** Fills {@code command} with the next command of the stream. */
    void next(final SwitchCommand command)
    {
        command.reset();
        final int n = step++;
        if (n < SETUP)
        {
            setup(command, n);
            return;
        }
        if (n == SETUP + STEPS)
        {
            now += 24L * 3600 * 1000;
            command.type = CommandType.EXPIRE_HOLDS;
            command.timestamp = now;
            return;
        }
        now += random.nextInt(120_000);
        command.timestamp = random.nextInt(30) == 0 ? now - random.nextInt(3_000) : now;
        final int roll = random.nextInt(1000);
        if (roll < 550)
        {
            authorize(command, false);
        }
        else if (roll < 600)
        {
            authorize(command, true);
        }
        else if (roll < 640 && !recent.isEmpty())
        {
            final long timestamp = command.timestamp;
            command.copyRequestFrom(recent.get(random.nextInt(recent.size())));
            command.timestamp = timestamp;
        }
        else if (roll < 770)
        {
            command.type = CommandType.CAPTURE;
            name(command);
            command.hasAmount = random.nextBoolean();
            command.amount = 1 + random.nextInt(25_000);
        }
        else if (roll < 840)
        {
            command.type = CommandType.REVERSAL;
            name(command);
        }
        else if (roll < 940)
        {
            command.type = CommandType.REFUND;
            name(command);
            command.refundId.set("R" + random.nextInt(3));
            command.hasAmount = true;
            command.amount = 1 + random.nextInt(12_000);
        }
        else if (roll < 980)
        {
            command.type = CommandType.EXPIRE_HOLDS;
        }
        else
        {
            command.type = random.nextBoolean() ? CommandType.PAUSE_CAMPAIGN : CommandType.RESUME_CAMPAIGN;
            command.campaignId = "TEST-CONSUME";
        }
    }

    private void setup(final SwitchCommand command, final int n)
    {
        command.timestamp = START - 60_000 + n;
        switch (n)
        {
            case 0 ->
            {
                command.type = CommandType.LOAD_DEMO_DATA;
                command.amount = CARDS;
            }
            case 1 ->
            {
                command.type = CommandType.UPSERT_CARD;
                command.cardDefinition = new CardDefinition(DemoData.pan(JPY_CARD), 16, DemoData.EXPIRY,
                    CardStatus.ACTIVE, JPY, 5_000_000, Money.NO_LIMIT, Money.NO_LIMIT);
            }
            case 2 ->
            {
                command.type = CommandType.CREATE_CAMPAIGN;
                command.campaignDefinition = campaign("TEST-CONSUME", new DiscountRule.Fixed(500), 1_000_000,
                    OnReversal.CONSUME);
            }
            case 3 ->
            {
                command.type = CommandType.CREATE_CAMPAIGN;
                command.campaignDefinition = campaign("TEST-RESTORE-TIERED", new DiscountRule.Tiered(List.of(
                    new DiscountRule.Tier(5_000, 700), new DiscountRule.Tier(20_000, 2_500))), 60_000,
                    OnReversal.RESTORE);
            }
            default ->
            {
                command.type = CommandType.CREATE_CAMPAIGN;
                command.campaignDefinition = campaign("TEST-CONSUME", new DiscountRule.Fixed(1), 1, OnReversal.RESTORE);
            }
        }
    }

    private void authorize(final SwitchCommand command, final boolean sale)
    {
        command.type = CommandType.AUTHORIZE;
        command.capture = sale;
        command.merchantId.set(DemoData.merchantId(random.nextInt(MERCHANTS)));
        command.orderId.set("RW" + orders++);
        final int kind = random.nextInt(100);
        final int card = kind < 3 ? JPY_CARD : kind < 4 ? 9_999 : random.nextInt(CARDS);
        command.pan = DemoData.pan(card);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.currency = card == JPY_CARD ? JPY : DemoData.CNY;
        command.amount = random.nextInt(100) == 0 ? 4_000_000 + random.nextInt(2_000_000) : 500 + random.nextInt(30_000);
        final SwitchCommand copy = new SwitchCommand();
        copy.copyRequestFrom(command);
        if (recent.size() == 30)
        {
            recent.remove(0);
        }
        recent.add(copy);
    }

    /** Names a recent authorization: by its transaction id mostly, by merchant and order id one time in four. */
    private void name(final SwitchCommand command)
    {
        if (!recent.isEmpty() && random.nextInt(4) == 0)
        {
            final SwitchCommand original = recent.get(random.nextInt(recent.size()));
            command.merchantId.set(original.merchantId);
            command.orderId.set(original.orderId);
            return;
        }
        command.transactionId = 1 + Math.max(0, orders - 1 - random.nextInt(80));
    }

    private static CampaignDefinition campaign(
        final String id, final DiscountRule rule, final long budget, final OnReversal onReversal)
    {
        return new CampaignDefinition(id, FUNDER, List.of(DemoData.BINS[3]), List.of(), List.of(), DemoData.CNY,
            OffsetDateTime.parse("2026-11-01T00:00:00+08:00"), OffsetDateTime.parse("2027-12-31T23:59:59+08:00"),
            2_000, rule, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, budget,
            CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, onReversal);
    }
}
