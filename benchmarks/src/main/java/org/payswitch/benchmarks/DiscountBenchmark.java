package org.payswitch.benchmarks;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountEngine;
import org.payswitch.core.discount.DiscountQuote;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.Problem;

/**
 * The discount engine alone, one thread: the best of {@code campaigns} campaigns that all cover
 * the card's BIN 622260 (FIXED, PERCENT, RANDOM and TIERED rules in turn, none with a budget or
 * a redemption limit, a per-card limit that is never reached, so every campaign keeps per-card
 * counters), over 250 000 cards of that BIN. {@code quote} picks the largest discount and changes
 * nothing; {@code quoteAndRedeem} also commits it, as an approved authorization does (budget,
 * redemption count, the card's counter). The authorization around it is in
 * {@link AuthorizeBenchmark} ({@code discounted}).
 *
 * <p>Checks its answers after each iteration: every quote found a discount, never
 * more than the amount minus one minor unit; every redemption counted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DiscountBenchmark extends SwitchFork
{
    private static final int CARDS_OF_THE_BIN = 250_000;
    private static final long MIDNIGHT = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();

    @Param({"4", "16"})
    public int campaigns;

    private final DiscountQuote quote = new DiscountQuote();
    private final AsciiField merchant = new AsciiField(15);
    private final long[] pans = new long[CARDS_OF_THE_BIN];
    private DiscountEngine engine;
    private long operations;
    private long discounted;
    private long redeemed;
    private boolean overdrawn;

    @Setup(Level.Trial)
    public void prepare()
    {
        engine = new DiscountEngine(ZoneId.of("Asia/Shanghai"), 1 << 20);
        final OffsetDateTime starts = OffsetDateTime.parse("2026-01-01T00:00:00+08:00");
        final OffsetDateTime ends = OffsetDateTime.parse("2030-12-31T00:00:00+08:00");
        for (int c = 0; c < campaigns; c++)
        {
            final Problem refused = engine.create(new CampaignDefinition("BENCH-" + c, "Bench Bank", List.of("622260"),
                List.of(), List.of(), DemoData.CNY, starts, ends, 1_000, rule(c), 1_000_000,
                CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT,
                CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT,
                OnReversal.RESTORE));
            if (refused != null)
            {
                throw new IllegalStateException("campaign BENCH-" + c + " refused: " + refused);
            }
        }
        for (int i = 0; i < pans.length; i++)
        {
            pans[i] = DemoData.pan(4 * i);
        }
        merchant.set(DemoData.merchantId(1));
    }

    @Benchmark
    public long quote()
    {
        return quoteNext();
    }

    @Benchmark
    public long quoteAndRedeem()
    {
        final long discount = quoteNext();
        if (quote.campaign != DiscountQuote.NONE)
        {
            engine.redeem(quote, card(operations - 1));
            redeemed++;
        }
        return discount;
    }

    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        AuthorizeBenchmark.failIfNot("discounted", operations, discounted);
        if (overdrawn)
        {
            throw new IllegalStateException("a discount reached the amount");
        }
        long counted = 0;
        for (int c = 0; c < campaigns; c++)
        {
            counted += engine.figures("BENCH-" + c, MIDNIGHT).redemptions();
        }
        AuthorizeBenchmark.failIfNot("redemptions", redeemed, counted);
    }

    private long quoteNext()
    {
        final long n = operations++;
        final int card = card(n);
        final long amount = 10_000 + (n & 16_383);
        engine.quote(pans[card], 16, merchant, 5651, amount, DemoData.CNY, MIDNIGHT + (n >> 10), n + 1, card, quote);
        if (quote.discount > 0)
        {
            discounted++;
            overdrawn |= quote.discount >= amount;
        }
        return quote.discount;
    }

    private static int card(final long n)
    {
        return (int)(n % CARDS_OF_THE_BIN);
    }

    /** The rules in turn: FIXED, PERCENT, RANDOM, TIERED, each a little different per campaign. */
    private static DiscountRule rule(final int c)
    {
        return switch (c % 4)
        {
            case 0 -> new DiscountRule.Fixed(500 + c);
            case 1 -> new DiscountRule.Percent(300 + c, 2_000);
            case 2 -> new DiscountRule.RandomAmount(100, 888 + c);
            default -> new DiscountRule.Tiered(List.of(new DiscountRule.Tier(10_000, 600 + c),
                new DiscountRule.Tier(20_000, 1_200 + c)));
        };
    }
}
