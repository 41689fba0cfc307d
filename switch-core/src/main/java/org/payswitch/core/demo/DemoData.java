package org.payswitch.core.demo;

import java.time.OffsetDateTime;
import java.util.List;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

/**
 * The demo data of docs/api.md section 5: cards, merchants and three campaigns, loaded
 * through ordinary commands so they land in the engine exactly as an operator's would.
 */
public final class DemoData
{
    /** BINs of the demo cards, card i has BIN {@code BINS[i % 4]}. */
    public static final String[] BINS = {"622260", "623199", "436742", "518888"};
    /** {@link #BINS} as numbers, so {@link #pan} (the load generator's, per request) parses nothing. */
    private static final long[] BIN_NUMBERS = {622_260, 623_199, 436_742, 518_888};
    /** Default MCCs of the demo merchants, merchant j has {@code MCCS[j % 5]}. */
    public static final int[] MCCS = {5411, 5651, 5732, 5812, 5948};
    /** Number of demo merchants. */
    public static final int MERCHANTS = 1000;
    /** Expiry of every demo card (YYMM). */
    public static final int EXPIRY = 3012;
    /** ISO 4217 numeric code of CNY. */
    public static final int CNY = 156;
    /** Credit limit of every demo card: 50 000.00 CNY. */
    public static final long CREDIT_LIMIT = 5_000_000L;

    private DemoData()
    {
    }

    /** The PAN of demo card {@code i}: BIN + i as 9 digits + Luhn check digit (16 digits). */
    public static long pan(final int i)
    {
        final long payload = BIN_NUMBERS[i % BIN_NUMBERS.length] * 1_000_000_000L + i;
        return payload * 10 + Pan.luhnCheckDigit(payload, 15);
    }

    /** The PAN of demo card {@code i} as text. */
    public static String panText(final int i)
    {
        return Pan.toDigits(pan(i), 16);
    }

    /** The id of demo merchant {@code j}: "M" + j as 14 digits. */
    public static String merchantId(final int j)
    {
        return String.format("M%014d", j);
    }

    /** The definition of demo card {@code i}. */
    public static CardDefinition card(final int i)
    {
        return new CardDefinition(pan(i), 16, EXPIRY, CardStatus.ACTIVE, CNY, CREDIT_LIMIT, Money.NO_LIMIT,
            Money.NO_LIMIT);
    }

    /** The three demo campaigns. */
    public static List<CampaignDefinition> campaigns()
    {
        final OffsetDateTime starts = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
        final OffsetDateTime ends = OffsetDateTime.parse("2030-12-31T23:59:59+08:00");
        final long none = CampaignDefinition.NO_LIMIT;
        return List.of(
            new CampaignDefinition("SINGLES-DAY-BOCOM", "Demo Bank of Communications", List.of("622260"), List.of(),
                List.of(), CNY, starts, ends, 10_000, new DiscountRule.Fixed(1000), 1, none, none, 600_000_000L, none,
                none, none, OnReversal.RESTORE),
            new CampaignDefinition("QISHANG-PERCENT", "Demo Qishang Bank", List.of("623199"), List.of(), List.of(),
                CNY, starts, ends, 5_000, new DiscountRule.Percent(500, 2000), none, 1, none, 100_000_000L, none,
                none, none, OnReversal.RESTORE),
            new CampaignDefinition("RED-ENVELOPE", "Demo Red Envelope Bank", List.of("436742"), List.of(), List.of(),
                CNY, starts, ends, 1_000, new DiscountRule.RandomAmount(100, 888), 3, none, none, 50_000_000L, none,
                none, none, OnReversal.RESTORE));
    }

    /**
     * Loads {@code cards} demo cards, the demo merchants and campaigns into the engine, with
     * {@code timestamp} as their event time. Uses one reusable command: no garbage per card.
     */
    public static void load(final SwitchEngine engine, final int cards, final long timestamp)
    {
        final SwitchCommand command = new SwitchCommand();
        for (int j = 0; j < MERCHANTS; j++)
        {
            command.reset();
            command.type = CommandType.UPSERT_MERCHANT;
            command.timestamp = timestamp;
            command.merchantDefinition =
                new MerchantDefinition(merchantId(j), "Demo merchant " + j, MCCS[j % MCCS.length], true);
            execute(engine, command);
        }
        for (int i = 0; i < cards; i++)
        {
            command.reset();
            command.type = CommandType.UPSERT_CARD;
            command.timestamp = timestamp;
            command.cardDefinition = card(i);
            execute(engine, command);
        }
        for (final CampaignDefinition campaign : campaigns())
        {
            command.reset();
            command.type = CommandType.CREATE_CAMPAIGN;
            command.timestamp = timestamp;
            command.campaignDefinition = campaign;
            execute(engine, command);
        }
    }

    private static void execute(final SwitchEngine engine, final SwitchCommand command)
    {
        engine.execute(command);
        if (!command.responseCode.isApproved())
        {
            throw new IllegalStateException("demo data refused: " + command.error);
        }
    }
}
