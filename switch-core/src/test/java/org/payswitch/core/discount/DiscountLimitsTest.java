package org.payswitch.core.discount;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.Campaigns;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/**
 * Per-card limits (total, per Asia/Shanghai day, per month), budgets and redemption counts, each
 * at its boundary. Demo cards 3, 7, 11, ... have BIN 518888.
 */
class DiscountLimitsTest
{
    private final EngineFixture fx = EngineFixture.withoutCampaigns();
    private int order;

    private static Campaigns longCampaign(final String id)
    {
        return campaign(id).window("2026-11-01T00:00:00+08:00", "2027-12-31T00:00:00+08:00");
    }

    /** A sale, so that no hold expires and gives a use back while event time moves on. */
    private long discountOf(final int card, final long amount)
    {
        final SwitchCommand answer = fx.sale("O" + order++, card, amount);
        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        return answer.transaction.discount;
    }

    /** Moves event time to {@code time} (forward only). */
    private void at(final String time)
    {
        final long target = OffsetDateTime.parse(time).toInstant().toEpochMilli();
        assertThat(target).isGreaterThanOrEqualTo(fx.now());
        fx.advance(Duration.ofMillis(target - fx.now()));
    }

    @Test
    void shouldLimitUsesPerCardInTotalAcrossDays()
    {
        fx.campaign(longCampaign("THREE").perCard(3).build());

        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        fx.advance(Duration.ofDays(1));
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(3, 10_000)).as("fourth use").isZero();
        fx.advance(Duration.ofDays(40));
        assertThat(discountOf(3, 10_000)).isZero();
        assertThat(discountOf(7, 10_000)).as("another card").isEqualTo(1_000);
        assertThat(fx.engine.discounts().cardUses("THREE", 3)).as("card 3 is the fixture's card number 3").isEqualTo(3);
    }

    @Test
    void shouldResetTheDailyLimitAtShanghaiMidnightNotUtcMidnight()
    {
        fx.campaign(longCampaign("DAILY").perCardDaily(2).build());

        at("2026-11-11T23:59:59.999+08:00");
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(3, 10_000)).as("third on the same Shanghai day").isZero();

        at("2026-11-12T00:00:00+08:00");
        assertThat(discountOf(3, 10_000)).as("a new Shanghai day, still 2026-11-11 in UTC").isEqualTo(1_000);
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);

        at("2026-11-12T07:59:59.999+08:00");
        assertThat(discountOf(3, 10_000)).isZero();
        at("2026-11-12T08:00:00+08:00");
        assertThat(discountOf(3, 10_000)).as("UTC midnight starts no new day").isZero();
    }

    /**
     * Gateway threads stamp requests before publishing, so the single writer can see one stamped
     * 23:59:59.999 after one stamped 00:00:00.000. The late one must count on the day already
     * counted, never reopen the previous day's limits (which would let a card or a budget be used
     * beyond its daily limit).
     */
    @Test
    void shouldCountALateStampedRequestOnTheDayAlreadyCounted()
    {
        fx.campaign(longCampaign("CARD").bins("518888").perCardDaily(1).build());
        fx.campaign(longCampaign("BUDGET").bins("623199").dailyBudget(1_000).dailyMaxRedemptions(1).build());

        at("2026-11-11T23:59:59.998+08:00");
        at("2026-11-12T00:00:00+08:00");
        assertThat(discountOf(3, 10_000)).as("card 3, first use of 11-12").isEqualTo(1_000);
        assertThat(discountOf(1, 10_000)).as("daily budget of 11-12 spent").isEqualTo(1_000);

        fx.advance(Duration.ofMillis(-1));
        assertThat(discountOf(3, 10_000)).as("stamped 11-11 but arrived after 11-12 was counted").isZero();
        assertThat(discountOf(5, 10_000)).as("the daily budget cannot be reopened by a late stamp").isZero();

        fx.advance(Duration.ofMillis(1));
        assertThat(discountOf(3, 10_000)).as("still one per card on 11-12").isZero();
        assertThat(discountOf(5, 10_000)).isZero();
        assertThat(fx.figures("BUDGET").discountGranted()).isEqualTo(1_000);
    }

    @Test
    void shouldResetTheMonthlyLimitOnTheFirstOfTheShanghaiMonth()
    {
        fx.campaign(longCampaign("MONTHLY").perCardMonthly(2).build());

        at("2026-11-11T10:00:00+08:00");
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        at("2026-11-30T23:59:59.999+08:00");
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(3, 10_000)).isZero();

        at("2026-12-01T00:00:00+08:00");
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        at("2026-12-31T23:59:59.999+08:00");
        assertThat(discountOf(3, 10_000)).isZero();
        at("2027-01-01T00:00:00+08:00");
        assertThat(discountOf(3, 10_000)).as("a new month and a new year").isEqualTo(1_000);
    }

    @Test
    void shouldApplyDailyMonthlyAndTotalLimitsTogether()
    {
        fx.campaign(longCampaign("ALL").perCard(4).perCardDaily(1).perCardMonthly(3).build());

        at("2026-11-27T12:00:00+08:00");
        for (int day = 0; day < 3; day++)
        {
            assertThat(discountOf(3, 10_000)).as("day %d", day).isEqualTo(1_000);
            assertThat(discountOf(3, 10_000)).isZero();
            fx.advance(Duration.ofDays(1));
        }
        at("2026-11-30T23:00:00+08:00");
        assertThat(discountOf(3, 10_000)).as("the month's three are used").isZero();
        at("2026-12-01T00:00:00+08:00");
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        fx.advance(Duration.ofDays(1));
        assertThat(discountOf(3, 10_000)).as("four in total").isZero();
    }

    @Test
    void shouldGrantTheLastOfABudgetPartiallyAndThenNothing()
    {
        fx.campaign(campaign("BUDGET").budget(2_001).build());

        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(7, 10_000)).isEqualTo(1_000);
        final SwitchCommand last = fx.authorize("LAST", 11, 10_000);
        assertThat(last.transaction.discount).isEqualTo(1);
        assertThat(last.transaction.chargedAmount).isEqualTo(9_999);
        assertThat(last.transaction.campaignId).isEqualTo("BUDGET");
        final SwitchCommand none = fx.authorize("NONE", 15, 10_000);
        assertThat(none.transaction.discount).isZero();
        assertThat(none.transaction.campaignId).isNull();

        final CampaignFigures figures = fx.figures("BUDGET");
        assertThat(figures.redemptions()).isEqualTo(3);
        assertThat(figures.discountGranted()).isEqualTo(2_001);
        assertThat(figures.remainingBudget()).isZero();
        assertThat(figures.status()).isEqualTo(CampaignStatus.EXHAUSTED);
    }

    @Test
    void shouldNeverOverspendABudgetThatIsAnExactMultiple()
    {
        fx.campaign(campaign("EXACT").budget(3_000).build());

        for (int i = 0; i < 10; i++)
        {
            assertThat(discountOf(3 + 4 * i, 10_000)).isEqualTo(i < 3 ? 1_000 : 0);
        }
        assertThat(fx.figures("EXACT").discountGranted()).isEqualTo(3_000);
        assertThat(fx.figures("EXACT").remainingBudget()).isZero();
    }

    @Test
    void shouldLimitTheDailyBudgetPerShanghaiDayWithAPartialLastRedemption()
    {
        fx.campaign(longCampaign("DAYBUDGET").dailyBudget(2_500).budget(4_700).build());

        at("2026-11-11T23:59:59.999+08:00");
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(7, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(11, 10_000)).isEqualTo(500);
        assertThat(discountOf(15, 10_000)).isZero();
        at("2026-11-12T00:00:00+08:00");
        assertThat(discountOf(19, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(23, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(27, 10_000)).as("the whole budget's last 200").isEqualTo(200);
        fx.advance(Duration.ofDays(1));
        assertThat(discountOf(31, 10_000)).isZero();
        assertThat(fx.figures("DAYBUDGET").discountGranted()).isEqualTo(4_700);
        assertThat(fx.figures("DAYBUDGET").status()).isEqualTo(CampaignStatus.EXHAUSTED);
    }

    @Test
    void shouldLimitRedemptionsInTotal()
    {
        fx.campaign(longCampaign("MAX").maxRedemptions(3).build());

        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(7, 10_000)).isEqualTo(1_000);
        fx.advance(Duration.ofDays(1));
        assertThat(discountOf(11, 10_000)).isEqualTo(1_000);
        assertThat(fx.figures("MAX").status()).isEqualTo(CampaignStatus.EXHAUSTED);
        assertThat(discountOf(15, 10_000)).isZero();
        fx.advance(Duration.ofDays(1));
        assertThat(discountOf(19, 10_000)).isZero();
        assertThat(fx.figures("MAX").redemptions()).isEqualTo(3);
    }

    @Test
    void shouldLimitRedemptionsPerShanghaiDay()
    {
        fx.campaign(longCampaign("DAYMAX").dailyMaxRedemptions(2).build());

        at("2026-11-11T23:59:59.999+08:00");
        assertThat(discountOf(3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(7, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(11, 10_000)).isZero();
        at("2026-11-12T00:00:00+08:00");
        assertThat(discountOf(11, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(15, 10_000)).isEqualTo(1_000);
        assertThat(discountOf(19, 10_000)).isZero();
        assertThat(fx.figures("DAYMAX").redemptions()).isEqualTo(4);
        assertThat(fx.figures("DAYMAX").status()).isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void shouldLetAnotherCampaignServeACardThatReachedItsLimitOnTheBestOne()
    {
        fx.campaign(campaign("BEST").perCard(1).rule(new DiscountRule.Fixed(2_000)).build());
        fx.campaign(campaign("NEXT").rule(new DiscountRule.Fixed(500)).build());

        final SwitchCommand first = fx.authorize("A", 3, 10_000);
        assertThat(first.transaction.campaignId).isEqualTo("BEST");
        final SwitchCommand second = fx.authorize("B", 3, 10_000);
        assertThat(second.transaction.campaignId).isEqualTo("NEXT");
        assertThat(second.transaction.discount).isEqualTo(500);
    }

    @Test
    void shouldLetAnotherCampaignServeWhenTheBestOnesBudgetLeavesLess()
    {
        fx.campaign(campaign("BEST").budget(2_300).rule(new DiscountRule.Fixed(2_000)).build());
        fx.campaign(campaign("NEXT").rule(new DiscountRule.Fixed(500)).build());

        assertThat(fx.authorize("A", 3, 10_000).transaction.campaignId).isEqualTo("BEST");
        final SwitchCommand second = fx.authorize("B", 7, 10_000);
        assertThat(second.transaction.campaignId).as("300 left in BEST is less than NEXT's 500").isEqualTo("NEXT");
        assertThat(fx.figures("BEST").remainingBudget()).isEqualTo(300);
    }
}
