package org.payswitch.core.discount;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.payswitch.core.testing.EngineFixture;
import org.payswitch.core.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/**
 * For any command sequence: granted + remaining == budget, and no card ever uses a campaign beyond its
 * limit. Each sequence comes from a seed ({@link Seeds}).
 */
class BudgetPropertiesTest
{
    private static final int[] CARDS = {3, 7, 11, 15, 19};
    private static final String[] CAMPAIGNS = {"ONCE", "TWICE-RESTORE", "DAILY-CONSUME"};
    private static final long[] PER_CARD = {1, 2, Long.MAX_VALUE};

    record Step(int kind, int card, long amount, int target, int hours)
    {
    }

    /** 1..120 steps drawn from the seed. */
    static List<Step> steps(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int size = Seeds.between(random, 1, 120);
        final List<Step> steps = new ArrayList<>(size);
        for (int i = 0; i < size; i++)
        {
            steps.add(new Step(Seeds.between(random, 0, 5), Seeds.between(random, 0, 4),
                Seeds.between(random, 500L, 60_000L), Seeds.between(random, 1, 40), Seeds.between(random, 1, 30)));
        }
        return steps;
    }

    @Test
    void shouldNeverOverspendNorExceedPerCardLimits()
    {
        Seeds.check(150, seed -> check(steps(seed)));
    }

    private static void check(final List<Step> steps)
    {
        final EngineFixture fx = EngineFixture.withoutCampaigns();
        final String window = "2026-11-01T00:00:00+08:00";
        fx.campaign(campaign("ONCE").perCard(1).budget(5_000).window(window, "2027-01-01T00:00:00+08:00").build());
        fx.campaign(campaign("TWICE-RESTORE").rule(new DiscountRule.Percent(1_000, 3_000)).perCard(2).budget(7_777)
            .minAmount(1_000).window(window, "2027-01-01T00:00:00+08:00").build());
        fx.campaign(campaign("DAILY-CONSUME").rule(new DiscountRule.RandomAmount(100, 2_500)).perCardDaily(1)
            .budget(6_000).dailyBudget(3_000).onReversal(OnReversal.CONSUME).minAmount(500)
            .window(window, "2027-01-01T00:00:00+08:00").build());

        for (final Step step : steps)
        {
            final long target = Math.min(step.target(), Math.max(1, fx.engine.transactionCount()));
            switch (step.kind())
            {
                case 0, 1 -> fx.authorize("O" + fx.engine.transactionCount(), CARDS[step.card()], step.amount());
                case 2 -> fx.reverse(target);
                case 3 -> fx.capture(target);
                case 4 -> fx.refund(target, "R" + step.hours(), step.amount());
                default -> fx.advance(Duration.ofHours(step.hours())).tick();
            }
            for (int c = 0; c < CAMPAIGNS.length; c++)
            {
                final CampaignFigures figures = fx.figures(CAMPAIGNS[c]);
                assertThat(figures.discountGranted() + figures.remainingBudget())
                    .isEqualTo(figures.definition().budget());
                assertThat(figures.remainingBudget()).isGreaterThanOrEqualTo(0);
                for (final int card : CARDS)
                {
                    assertThat(fx.engine.discounts().cardUses(CAMPAIGNS[c], card)).isLessThanOrEqualTo(PER_CARD[c]);
                }
            }
        }
    }
}
