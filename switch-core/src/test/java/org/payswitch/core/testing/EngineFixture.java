package org.payswitch.core.testing;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

/**
 * An engine with a few demo cards and merchants (docs/api.md section 5), a settable event
 * clock, and one-line commands, so tests read as the contract does.
 */
public final class EngineFixture
{
    /** 2026-11-11T00:00+08:00, Singles' Day. */
    public static final long SINGLES_DAY = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();
    /** Demo merchant 1. */
    public static final String MERCHANT = DemoData.merchantId(1);

    public final SwitchEngine engine;
    private final SwitchCommand command = new SwitchCommand();
    private long now = SINGLES_DAY;

    private EngineFixture(final EngineConfig config, final int cards, final boolean campaigns)
    {
        engine = new SwitchEngine(config);
        for (int j = 0; j < 3; j++)
        {
            merchant(DemoData.merchantId(j), true);
        }
        for (int i = 0; i < cards; i++)
        {
            card(DemoData.card(i));
        }
        if (campaigns)
        {
            for (final CampaignDefinition campaign : DemoData.campaigns())
            {
                command.reset();
                command.type = CommandType.CREATE_CAMPAIGN;
                command.timestamp = now;
                command.campaignDefinition = campaign;
                engine.execute(command);
            }
        }
    }

    /** 100 demo cards, merchants M..00 to M..02, no campaigns. */
    public static EngineFixture withoutCampaigns()
    {
        return new EngineFixture(EngineConfig.defaults().withExpected(1024, 1024), 100, false);
    }

    /** 100 demo cards, merchants, and the three demo campaigns. */
    public static EngineFixture withDemoCampaigns()
    {
        return new EngineFixture(EngineConfig.defaults().withExpected(1024, 1024), 100, true);
    }

    /** As {@link #withoutCampaigns()}, with another hold expiry. */
    public static EngineFixture withHoldExpiry(final Duration expiry)
    {
        return new EngineFixture(EngineConfig.defaults().withExpected(1024, 1024).withHoldExpiry(expiry), 100, false);
    }

    /** Event time of the next command. */
    public long now()
    {
        return now;
    }

    /** Moves event time forward. */
    public EngineFixture advance(final Duration by)
    {
        now += by.toMillis();
        return this;
    }

    /** A fresh authorization command of demo card {@code card} at merchant 1, ready to adjust and run. */
    public SwitchCommand authorization(final String orderId, final int card, final long amount)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = now;
        command.merchantId.set(MERCHANT);
        command.orderId.set(orderId);
        command.pan = DemoData.pan(card);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = amount;
        command.currency = DemoData.CNY;
        return command;
    }

    /** Authorizes {@code amount} on demo card {@code card}; the executed command holds the answer. */
    public SwitchCommand authorize(final String orderId, final int card, final long amount)
    {
        return run(authorization(orderId, card, amount));
    }

    /** Sale: authorize and capture at once. */
    public SwitchCommand sale(final String orderId, final int card, final long amount)
    {
        final SwitchCommand sale = authorization(orderId, card, amount);
        sale.capture = true;
        return run(sale);
    }

    /** Captures the whole charged amount. */
    public SwitchCommand capture(final long transactionId)
    {
        return run(lifecycle(CommandType.CAPTURE, transactionId));
    }

    /** Captures {@code amount}. */
    public SwitchCommand capture(final long transactionId, final long amount)
    {
        final SwitchCommand capture = lifecycle(CommandType.CAPTURE, transactionId);
        capture.amount = amount;
        capture.hasAmount = true;
        return run(capture);
    }

    /** Reverses a transaction by id. */
    public SwitchCommand reverse(final long transactionId)
    {
        return run(lifecycle(CommandType.REVERSAL, transactionId));
    }

    /** Refunds {@code amount} under {@code refundId}. */
    public SwitchCommand refund(final long transactionId, final String refundId, final long amount)
    {
        final SwitchCommand refund = lifecycle(CommandType.REFUND, transactionId);
        refund.refundId.set(refundId);
        refund.amount = amount;
        refund.hasAmount = true;
        return run(refund);
    }

    /** Looks a transaction up by id. */
    public SwitchCommand get(final long transactionId)
    {
        return run(lifecycle(CommandType.GET_TRANSACTION, transactionId));
    }

    /** Looks a transaction up by (merchantId, orderId). */
    public SwitchCommand get(final String merchantId, final String orderId)
    {
        final SwitchCommand get = lifecycle(CommandType.GET_TRANSACTION, 0);
        get.merchantId.set(merchantId);
        get.orderId.set(orderId);
        return run(get);
    }

    /** Advances event time only (a clock tick). */
    public SwitchCommand tick()
    {
        return run(lifecycle(CommandType.EXPIRE_HOLDS, 0));
    }

    /** Card lookup by demo card number. */
    public SwitchCommand lookup(final int card)
    {
        final SwitchCommand lookup = lifecycle(CommandType.LOOKUP_CARD, 0);
        lookup.pan = DemoData.pan(card);
        lookup.panLength = 16;
        return run(lookup);
    }

    /** Changes a demo card's status. */
    public SwitchCommand status(final int card, final CardStatus status)
    {
        final SwitchCommand change = lifecycle(CommandType.SET_CARD_STATUS, 0);
        change.pan = DemoData.pan(card);
        change.panLength = 16;
        change.cardStatus = status;
        return run(change);
    }

    /** Creates or replaces a card. */
    public SwitchCommand card(final CardDefinition definition)
    {
        final SwitchCommand upsert = lifecycle(CommandType.UPSERT_CARD, 0);
        upsert.cardDefinition = definition;
        return run(upsert);
    }

    /** Demo card {@code i} with other limits. */
    public static CardDefinition demoCardWithLimits(final int i, final long creditLimit, final long perTransaction,
        final long daily)
    {
        return new CardDefinition(DemoData.pan(i), 16, DemoData.EXPIRY, CardStatus.ACTIVE, DemoData.CNY, creditLimit,
            perTransaction, daily);
    }

    /** Demo card {@code i} with another expiry. */
    public static CardDefinition demoCardExpiring(final int i, final int expiry)
    {
        return new CardDefinition(DemoData.pan(i), 16, expiry, CardStatus.ACTIVE, DemoData.CNY, DemoData.CREDIT_LIMIT,
            Money.NO_LIMIT, Money.NO_LIMIT);
    }

    /** Creates a campaign; the executed command holds the answer (figures, or the refusal). */
    public SwitchCommand campaign(final CampaignDefinition definition)
    {
        final SwitchCommand create = lifecycle(CommandType.CREATE_CAMPAIGN, 0);
        create.campaignDefinition = definition;
        return run(create);
    }

    /** Pauses or resumes a campaign. */
    public SwitchCommand pause(final String campaignId, final boolean paused)
    {
        final SwitchCommand command = lifecycle(paused ? CommandType.PAUSE_CAMPAIGN : CommandType.RESUME_CAMPAIGN, 0);
        command.campaignId = campaignId;
        return run(command);
    }

    /** A campaign's live figures. */
    public CampaignFigures figures(final String campaignId)
    {
        final SwitchCommand get = lifecycle(CommandType.GET_CAMPAIGNS, 0);
        get.campaignId = campaignId;
        return run(get).campaign;
    }

    /** Creates or replaces a merchant. */
    public SwitchCommand merchant(final String merchantId, final boolean enabled)
    {
        final SwitchCommand upsert = lifecycle(CommandType.UPSERT_MERCHANT, 0);
        upsert.merchantDefinition = new MerchantDefinition(merchantId, "Merchant " + merchantId, 5651, enabled);
        return run(upsert);
    }

    /** Runs any command at the fixture's event time. */
    public SwitchCommand run(final SwitchCommand any)
    {
        any.timestamp = now;
        engine.execute(any);
        return any;
    }

    /** The fixture's reusable command, reset, of the given type. */
    public SwitchCommand command(final CommandType type)
    {
        return lifecycle(type, 0);
    }

    private SwitchCommand lifecycle(final CommandType type, final long transactionId)
    {
        command.reset();
        command.type = type;
        command.timestamp = now;
        command.transactionId = transactionId;
        return command;
    }
}
