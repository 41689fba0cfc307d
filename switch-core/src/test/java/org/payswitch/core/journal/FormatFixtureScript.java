package org.payswitch.core.journal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.CommandArguments;
import org.payswitch.core.testing.EngineFixture;

/**
 * The commands of the format fixture (docs/journal.md, "Format codes"), in order, each stamped a
 * minute after the one before: merchants, cards and campaigns set up (every discount rule, both
 * on-reversal values); approvals with discounts, a sale, a retry, declines (94, 61, 51, 14 and 54
 * with sealed card data, 03, 41 after a status change, 25); captures, a reversal, refunds; a
 * campaign paused and resumed; a card redefined; the snapshot marker; holds expired a week later;
 * the demo data loaded; more authorizations, a sale refunded in full, and a last clock tick. Every
 * journaled command type occurs. The generator journals them; the compatibility test runs them
 * live too, to tell a changed format from a changed engine.
 */
final class FormatFixtureScript
{
    /** Id of the fixture's one snapshot. */
    static final long SNAPSHOT_ID = 1;
    /** A PAN no card has (Luhn-valid). */
    static final long UNKNOWN_PAN = 4_111_111_111_111_111L;

    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
    private static final OffsetDateTime ENDS = OffsetDateTime.parse("2030-12-31T23:59:59+08:00");
    private static final long NONE = CampaignDefinition.NO_LIMIT;

    private final SwitchCommand command = new SwitchCommand();
    private final Consumer<SwitchCommand> sink;
    private long now = EngineFixture.SINGLES_DAY;

    private FormatFixtureScript(final Consumer<SwitchCommand> sink)
    {
        this.sink = sink;
    }

    /** Hands every command of the script, in order, to {@code sink} (one reused command object). */
    static void run(final Consumer<SwitchCommand> sink)
    {
        new FormatFixtureScript(sink).run();
    }

    private void run()
    {
        operator(CommandType.UPSERT_MERCHANT, new MerchantDefinition(DemoData.merchantId(0), "Grocer", 5411, true));
        operator(CommandType.UPSERT_MERCHANT, new MerchantDefinition(DemoData.merchantId(1), "Tailor", 5651, true));
        operator(CommandType.UPSERT_MERCHANT, new MerchantDefinition(DemoData.merchantId(2), "Diner", 5812, false));
        for (int card = 0; card < 6; card++)
        {
            operator(CommandType.UPSERT_CARD, DemoData.card(card));
        }
        operator(CommandType.UPSERT_CARD, new CardDefinition(DemoData.pan(6), 16, DemoData.EXPIRY, CardStatus.ACTIVE,
            DemoData.CNY, 20_000, 10_000, 15_000));
        operator(CommandType.CREATE_CAMPAIGN, campaign("FIXTURE-FIXED", "622260", 10_000, new DiscountRule.Fixed(1_000),
            2, OnReversal.RESTORE));
        operator(CommandType.CREATE_CAMPAIGN, campaign("FIXTURE-PERCENT", "623199", 5_000,
            new DiscountRule.Percent(500, 2_000), NONE, OnReversal.RESTORE));
        operator(CommandType.CREATE_CAMPAIGN, campaign("FIXTURE-RANDOM", "436742", 1_000,
            new DiscountRule.RandomAmount(100, 888), NONE, OnReversal.RESTORE));
        operator(CommandType.CREATE_CAMPAIGN, campaign("FIXTURE-TIERED", "518888", 10_000,
            new DiscountRule.Tiered(List.of(new DiscountRule.Tier(10_000, 500), new DiscountRule.Tier(50_000, 3_000))),
            NONE, OnReversal.CONSUME));

        authorize(0, 0, "FX-0001", 20_000, DemoData.EXPIRY, false);
        authorize(0, 1, "FX-0002", 10_000, SwitchCommand.NO_EXPIRY, false);
        authorize(1, 2, "FX-0003", 5_000, DemoData.EXPIRY, true);
        authorize(1, 3, "FX-0004", 60_000, DemoData.EXPIRY, false);
        authorize(0, 0, "FX-0001", 20_000, DemoData.EXPIRY, false);
        authorize(0, 0, "FX-0001", 25_000, DemoData.EXPIRY, false);
        authorize(0, 6, "FX-0005", 12_000, DemoData.EXPIRY, false);
        authorize(0, 4, "FX-0006", 9_000_000, DemoData.EXPIRY, false);
        authorizePan(0, UNKNOWN_PAN, "FX-0007", 1_000, 2812);
        authorizePan(0, DemoData.pan(5), "FX-0008", 1_000, 2901);
        authorize(2, 1, "FX-0009", 1_000, DemoData.EXPIRY, false);

        lifecycle(CommandType.CAPTURE, 1, 10_000, "");
        lifecycle(CommandType.CAPTURE, 2, 0, "");
        lifecycle(CommandType.REVERSAL, 4, 0, "");
        lifecycle(CommandType.REFUND, 3, 2_000, "RF-1");
        lifecycle(CommandType.REFUND, 3, 2_000, "RF-1");
        lifecycle(CommandType.REFUND, 2, 9_500, "RF-2");
        lifecycle(CommandType.CAPTURE, 999, 0, "");

        start(CommandType.SET_CARD_STATUS);
        command.pan = DemoData.pan(5);
        command.panLength = 16;
        CommandArguments.set(command, CardStatus.LOST);
        sink.accept(command);
        authorize(0, 5, "FX-0010", 1_000, DemoData.EXPIRY, false);
        operator(CommandType.PAUSE_CAMPAIGN, "FIXTURE-PERCENT");
        authorize(0, 1, "FX-0011", 10_000, DemoData.EXPIRY, false);
        operator(CommandType.RESUME_CAMPAIGN, "FIXTURE-PERCENT");
        operator(CommandType.UPSERT_CARD, new CardDefinition(DemoData.pan(6), 16, DemoData.EXPIRY, CardStatus.ACTIVE,
            DemoData.CNY, 200_000, 50_000, 100_000));
        authorize(1, 2, "FX-0012", 3_000, DemoData.EXPIRY, false);

        start(CommandType.TAKE_SNAPSHOT);
        command.amount = SNAPSHOT_ID;
        sink.accept(command);

        authorize(1, 0, "FX-0013", 15_000, DemoData.EXPIRY, false);
        authorize(1, 4, "FX-0014", 30_000, SwitchCommand.NO_EXPIRY, false);
        now += Duration.ofDays(8).toMillis();
        start(CommandType.EXPIRE_HOLDS);
        sink.accept(command);
        lifecycle(CommandType.CAPTURE, 11, 0, "");

        start(CommandType.LOAD_DEMO_DATA);
        command.amount = 10;
        sink.accept(command);
        authorize(3, 8, "FX-0015", 20_000, DemoData.EXPIRY, false);
        authorize(0, 5, "FX-0016", 2_000, DemoData.EXPIRY, false);
        authorize(2, 7, "FX-0017", 55_000, DemoData.EXPIRY, true);
        lifecycle(CommandType.REFUND, 17, 52_000, "RF-3");
        now += Duration.ofDays(1).toMillis();
        start(CommandType.EXPIRE_HOLDS);
        sink.accept(command);
    }

    private static CampaignDefinition campaign(final String id, final String bin, final long minAmount,
        final DiscountRule rule, final long perCardLimit, final OnReversal onReversal)
    {
        return new CampaignDefinition(id, "Fixture bank " + bin, List.of(bin), List.of(), List.of(), DemoData.CNY, STARTS,
            ENDS, minAmount, rule, perCardLimit, NONE, NONE, 1_000_000, NONE, 100, NONE, onReversal);
    }

    private void operator(final CommandType type, final Object payload)
    {
        start(type);
        CommandArguments.set(command, payload);
        sink.accept(command);
    }

    private void authorize(final int merchant, final int card, final String orderId, final long amount,
        final int expiry, final boolean sale)
    {
        fillAuthorization(merchant, DemoData.pan(card), orderId, amount, expiry);
        command.capture = sale;
        sink.accept(command);
    }

    private void authorizePan(final int merchant, final long pan, final String orderId, final long amount,
        final int expiry)
    {
        fillAuthorization(merchant, pan, orderId, amount, expiry);
        sink.accept(command);
    }

    private void fillAuthorization(final int merchant, final long pan, final String orderId, final long amount,
        final int expiry)
    {
        start(CommandType.AUTHORIZE);
        command.merchantId.set(DemoData.merchantId(merchant));
        command.orderId.set(orderId);
        command.pan = pan;
        command.panLength = 16;
        command.expiry = expiry;
        command.amount = amount;
        command.currency = DemoData.CNY;
    }

    private void lifecycle(final CommandType type, final long transactionId, final long amount, final String refundId)
    {
        start(type);
        command.transactionId = transactionId;
        command.amount = amount;
        command.hasAmount = amount > 0;
        command.refundId.set(refundId);
        sink.accept(command);
    }

    private void start(final CommandType type)
    {
        now += 60_000;
        command.reset();
        command.type = type;
        command.timestamp = now;
    }
}
