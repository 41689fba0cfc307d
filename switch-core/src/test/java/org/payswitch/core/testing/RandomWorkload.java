package org.payswitch.core.testing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.demo.DemoData;

/**
 * A seeded stream of every kind of command (cards, merchants, campaigns, authorizations, sales,
 * retries, captures, reversals, refunds, time jumps past hold expiry, bad input), for replay
 * and snapshot tests. The same seed always yields the same stream.
 */
public final class RandomWorkload
{
    /** 2026-11-11T00:00+08:00. */
    public static final long START = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();

    private static final int CARDS = 2_000;
    private static final int MERCHANTS = 50;

    private final SplittableRandom random;
    private long now = START;
    private int step;
    private long orders;

    public RandomWorkload(final long seed)
    {
        random = new SplittableRandom(seed);
    }

    /** Fills {@code command} with the next command of the stream. */
    public void next(final SwitchCommand command)
    {
        command.reset();
        final int n = step++;
        now += random.nextInt(50);
        command.timestamp = now;
        if (n < MERCHANTS)
        {
            command.type = CommandType.UPSERT_MERCHANT;
            command.merchantDefinition = new MerchantDefinition(DemoData.merchantId(n), "Merchant " + n, DemoData.MCCS[n % 5], true);
            return;
        }
        if (n < MERCHANTS + CARDS)
        {
            command.type = CommandType.UPSERT_CARD;
            final int i = n - MERCHANTS;
            command.cardDefinition = new CardDefinition(DemoData.pan(i), 16, DemoData.EXPIRY, CardStatus.ACTIVE, DemoData.CNY,
                i % 10 == 0 ? 50_000 : DemoData.CREDIT_LIMIT, i % 7 == 0 ? 30_000 : Money.NO_LIMIT,
                i % 11 == 0 ? 100_000 : Money.NO_LIMIT);
            return;
        }
        if (n < MERCHANTS + CARDS + 4)
        {
            command.type = CommandType.CREATE_CAMPAIGN;
            command.campaignDefinition = campaign(n - MERCHANTS - CARDS);
            return;
        }
        final int roll = random.nextInt(1000);
        if (roll < 600)
        {
            authorize(command, false);
        }
        else if (roll < 650)
        {
            authorize(command, true);
        }
        else if (roll < 700)
        {
            retry(command);
        }
        else if (roll < 800)
        {
            command.type = CommandType.CAPTURE;
            command.transactionId = recentTransaction();
            command.hasAmount = random.nextBoolean();
            command.amount = 1 + random.nextInt(20_000);
        }
        else if (roll < 870)
        {
            command.type = CommandType.REVERSAL;
            command.transactionId = recentTransaction();
        }
        else if (roll < 950)
        {
            command.type = CommandType.REFUND;
            command.transactionId = recentTransaction();
            command.refundId.set("R" + random.nextInt(3));
            command.hasAmount = true;
            command.amount = 1 + random.nextInt(10_000);
        }
        else if (roll < 960)
        {
            now += 3L * 24 * 3600 * 1000;
            command.timestamp = now;
            command.type = CommandType.EXPIRE_HOLDS;
        }
        else if (roll < 970)
        {
            command.type = CommandType.SET_CARD_STATUS;
            command.pan = DemoData.pan(random.nextInt(CARDS));
            command.panLength = 16;
            command.cardStatus = CardStatus.values()[random.nextInt(100) < 80 ? 0 : 1 + random.nextInt(3)];
        }
        else if (roll < 975)
        {
            command.type = random.nextBoolean() ? CommandType.PAUSE_CAMPAIGN : CommandType.RESUME_CAMPAIGN;
            command.campaignId = "C" + random.nextInt(4);
        }
        else
        {
            authorizeMalformed(command);
        }
    }

    private void authorize(final SwitchCommand command, final boolean sale)
    {
        command.type = CommandType.AUTHORIZE;
        command.capture = sale;
        command.merchantId.set(DemoData.merchantId(random.nextInt(MERCHANTS)));
        command.orderId.set("O" + (orders++));
        final int card = random.nextInt(CARDS + 20);
        command.pan = DemoData.pan(card);
        command.panLength = 16;
        command.expiry = random.nextInt(100) == 0 ? 2001 : DemoData.EXPIRY;
        command.amount = random.nextInt(100) == 0 ? -5 : 100 + random.nextInt(30_000);
        command.currency = random.nextInt(200) == 0 ? 840 : DemoData.CNY;
    }

    private void retry(final SwitchCommand command)
    {
        command.type = CommandType.AUTHORIZE;
        command.merchantId.set(DemoData.merchantId(random.nextInt(MERCHANTS)));
        command.orderId.set("O" + Math.max(0, orders - 1 - random.nextInt(100)));
        command.pan = DemoData.pan(random.nextInt(CARDS));
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = 100 + random.nextInt(30_000);
        command.currency = DemoData.CNY;
    }

    private void authorizeMalformed(final SwitchCommand command)
    {
        authorize(command, false);
        command.panLength = 9;
    }

    private long recentTransaction()
    {
        return 1 + random.nextLong(Math.max(1, orders + 10));
    }

    private static CampaignDefinition campaign(final int i)
    {
        final OffsetDateTime starts = OffsetDateTime.parse("2026-11-01T00:00:00+08:00");
        final OffsetDateTime ends = OffsetDateTime.parse("2027-12-31T23:59:59+08:00");
        final long none = CampaignDefinition.NO_LIMIT;
        final DiscountRule rule = switch (i)
        {
            case 0 -> new DiscountRule.Fixed(1000);
            case 1 -> new DiscountRule.Percent(500, 2000);
            case 2 -> new DiscountRule.RandomAmount(100, 888);
            default -> new DiscountRule.Tiered(List.of(new DiscountRule.Tier(5_000, 300),
                new DiscountRule.Tier(20_000, 1_500)));
        };
        return new CampaignDefinition("C" + i, "Bank " + (i % 2), List.of(DemoData.BINS[i % 4]), List.of(), List.of(),
            DemoData.CNY, starts, ends, 1_000, rule, i == 0 ? 1 : 5, i == 1 ? 1 : none, none, 2_000_000L,
            i == 3 ? 300_000 : none, none, none, i % 2 == 0 ? OnReversal.RESTORE : OnReversal.CONSUME);
    }
}
