package org.payswitch.core.discount;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/** Demo cards 3, 7, 11, ... have BIN 518888, which no demo campaign covers: the tests' own campaigns do. */
class DiscountEngineTest
{
    private final EngineFixture fx = EngineFixture.withoutCampaigns();

    private long discountOf(final String orderId, final int card, final long amount)
    {
        final SwitchCommand answer = fx.authorize(orderId, card, amount);
        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        return answer.transaction.discount;
    }

    @Test
    void shouldGiveAFixedDiscountFromTheMinimumAmountAndHoldTheChargedAmount()
    {
        fx.campaign(campaign("FIX").build());

        assertThat(discountOf("O1", 3, 9_999)).isZero();
        final SwitchCommand answer = fx.authorize("O2", 7, 10_000);
        assertThat(answer.transaction.discount).isEqualTo(1_000);
        assertThat(answer.transaction.chargedAmount).isEqualTo(9_000);
        assertThat(answer.transaction.campaignId).isEqualTo("FIX");
        assertThat(fx.lookup(7).card.available).isEqualTo(DemoData.CREDIT_LIMIT - 9_000);
    }

    @Test
    void shouldTakeAPercentRoundedDownAndCapped()
    {
        fx.campaign(campaign("PCT").minAmount(0).rule(new DiscountRule.Percent(500, 2_000)).build());

        assertThat(discountOf("O1", 3, 12_345)).isEqualTo(617);
        assertThat(discountOf("O2", 7, 100_000)).isEqualTo(2_000);
    }

    @Test
    void shouldDrawARandomAmountWithinBoundsTheSameWayInAReplay()
    {
        final EngineFixture replay = EngineFixture.withoutCampaigns();
        fx.campaign(campaign("RED").minAmount(0).rule(new DiscountRule.RandomAmount(100, 888)).build());
        replay.campaign(campaign("RED").minAmount(0).rule(new DiscountRule.RandomAmount(100, 888)).build());
        final java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < 300; i++)
        {
            final long drawn = discountOf("O" + i, 3 + 4 * (i % 20), 5_000);
            seen.add(drawn);
            assertThat(drawn).isBetween(100L, 888L);
            assertThat(replay.authorize("O" + i, 3 + 4 * (i % 20), 5_000).transaction.discount).isEqualTo(drawn);
        }
        assertThat(seen.size()).isGreaterThan(100);
    }

    @Test
    void shouldGiveTheHighestTierReachedAndNothingBelowTheLowest()
    {
        fx.campaign(campaign("TIER").minAmount(0).rule(new DiscountRule.Tiered(List.of(
            new DiscountRule.Tier(200_000, 20_000), new DiscountRule.Tier(100_000, 10_000)))).build());

        assertThat(discountOf("O1", 3, 99_999)).isZero();
        assertThat(discountOf("O2", 7, 100_000)).isEqualTo(10_000);
        assertThat(discountOf("O3", 11, 199_999)).isEqualTo(10_000);
        assertThat(discountOf("O4", 15, 200_000)).isEqualTo(20_000);
    }

    @Test
    void shouldNeverDiscountMoreThanTheAmountMinusOne()
    {
        fx.campaign(campaign("BIG").minAmount(0).rule(new DiscountRule.Fixed(1_000)).build());

        assertThat(discountOf("O1", 3, 500)).isEqualTo(499);
        assertThat(discountOf("O2", 7, 1)).isZero();
    }

    @Test
    void shouldMatchBinPrefixesOfSixSevenAndEightDigits()
    {
        fx.campaign(campaign("EIGHT").bins("51888800").rule(new DiscountRule.Fixed(300)).build());
        fx.campaign(campaign("SEVEN").bins("5188880").rule(new DiscountRule.Fixed(200)).build());
        fx.campaign(campaign("OTHER").bins("51888801", "622260").rule(new DiscountRule.Fixed(900)).build());

        assertThat(discountOf("O1", 3, 10_000)).isEqualTo(300);
        assertThat(discountOf("O2", 0, 10_000)).isEqualTo(900);
        assertThat(discountOf("O3", 1, 10_000)).isZero();
    }

    @Test
    void shouldHonourMccAndMerchantListsAndCurrency()
    {
        fx.campaign(campaign("MCC").mccs(5411).build());
        fx.campaign(campaign("SHOP").bins("622260").merchants(DemoData.merchantId(2)).build());
        fx.campaign(campaign("USD").bins("436742").currency(840).build());

        assertThat(discountOf("O1", 3, 10_000)).isZero();
        final SwitchCommand grocery = fx.authorization("O2", 7, 10_000);
        grocery.mcc = 5411;
        assertThat(fx.run(grocery).transaction.discount).isEqualTo(1_000);

        assertThat(discountOf("O3", 0, 10_000)).isZero();
        final SwitchCommand atShop = fx.authorization("O4", 0, 10_000);
        atShop.merchantId.set(DemoData.merchantId(2));
        assertThat(fx.run(atShop).transaction.discount).isEqualTo(1_000);

        assertThat(discountOf("O5", 2, 10_000)).isZero();
    }

    @Test
    void shouldApplyOnlyWithinItsWindowBothEndsIncluded()
    {
        fx.campaign(campaign("WINDOW").window("2026-11-11T00:00:00+08:00", "2026-11-11T00:10:00+08:00").build());

        assertThat(discountOf("O1", 3, 10_000)).isEqualTo(1_000);
        fx.advance(Duration.ofMinutes(10));
        assertThat(discountOf("O2", 7, 10_000)).isEqualTo(1_000);
        fx.advance(Duration.ofMillis(1));
        assertThat(discountOf("O3", 11, 10_000)).isZero();
        assertThat(fx.figures("WINDOW").status()).isEqualTo(CampaignStatus.ENDED);
    }

    @Test
    void shouldLimitUsesPerCardInTotalPerDayAndPerMonth()
    {
        fx.campaign(campaign("ONCE").perCard(1).window("2026-11-01T00:00:00+08:00", "2027-12-31T00:00:00+08:00").build());
        fx.campaign(campaign("DAILY").bins("622260").perCardDaily(1)
            .window("2026-11-01T00:00:00+08:00", "2027-12-31T00:00:00+08:00").build());
        fx.campaign(campaign("MONTHLY").bins("623199").perCardMonthly(2)
            .window("2026-11-01T00:00:00+08:00", "2027-12-31T00:00:00+08:00").build());

        assertThat(discountOf("A1", 3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("A2", 3, 10_000)).isZero();
        assertThat(discountOf("A3", 7, 10_000)).isEqualTo(1_000);

        assertThat(discountOf("B1", 0, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("B2", 0, 10_000)).isZero();
        assertThat(discountOf("C1", 1, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("C2", 1, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("C3", 1, 10_000)).isZero();

        fx.advance(Duration.ofDays(1));
        assertThat(discountOf("B3", 0, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("C4", 1, 10_000)).isZero();
        assertThat(discountOf("A4", 3, 10_000)).isZero();

        fx.advance(Duration.ofDays(20));
        assertThat(discountOf("C5", 1, 10_000)).isEqualTo(1_000);
    }

    @Test
    void shouldGrantTheLastOfABudgetPartiallyAndNeverOverspend()
    {
        fx.campaign(campaign("BUDGET").budget(2_500).build());

        assertThat(discountOf("O1", 3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O2", 7, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O3", 11, 10_000)).isEqualTo(500);
        assertThat(discountOf("O4", 15, 10_000)).isZero();
        final CampaignFigures figures = fx.figures("BUDGET");
        assertThat(figures.discountGranted()).isEqualTo(2_500);
        assertThat(figures.remainingBudget()).isZero();
        assertThat(figures.status()).isEqualTo(CampaignStatus.EXHAUSTED);
    }

    @Test
    void shouldLimitDailyBudgetAndRedemptions()
    {
        fx.campaign(campaign("DAY").dailyBudget(1_500).dailyMaxRedemptions(5)
            .window("2026-11-01T00:00:00+08:00", "2027-12-31T00:00:00+08:00").build());
        fx.campaign(campaign("MAX").bins("622260").maxRedemptions(2)
            .window("2026-11-01T00:00:00+08:00", "2027-12-31T00:00:00+08:00").build());

        assertThat(discountOf("O1", 3, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O2", 7, 10_000)).isEqualTo(500);
        assertThat(discountOf("O3", 11, 10_000)).isZero();
        fx.advance(Duration.ofDays(1));
        assertThat(discountOf("O4", 11, 10_000)).isEqualTo(1_000);

        assertThat(discountOf("M1", 0, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("M2", 4, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("M3", 8, 10_000)).isZero();
    }

    @Test
    void shouldGiveTheLargestDiscountAndTheEarliestCampaignOnATie()
    {
        fx.campaign(campaign("SMALL").rule(new DiscountRule.Fixed(500)).build());
        fx.campaign(campaign("LARGE").rule(new DiscountRule.Fixed(800)).build());
        fx.campaign(campaign("LARGE-TOO").rule(new DiscountRule.Fixed(800)).build());

        final SwitchCommand answer = fx.authorize("O1", 3, 10_000);

        assertThat(answer.transaction.discount).isEqualTo(800);
        assertThat(answer.transaction.campaignId).isEqualTo("LARGE");
        assertThat(fx.figures("SMALL").redemptions()).isZero();
        assertThat(fx.figures("LARGE-TOO").redemptions()).isZero();
    }

    @Test
    void shouldCommitNothingWhenTheAuthorizationIsDeclined()
    {
        fx.campaign(campaign("FIX").budget(1_000).build());

        assertThat(fx.authorize("O1", 3, DemoData.CREDIT_LIMIT + 1_001).responseCode)
            .isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(fx.figures("FIX").redemptions()).isZero();
        assertThat(discountOf("O2", 3, DemoData.CREDIT_LIMIT + 1_000)).isEqualTo(1_000);
    }

    @Test
    void shouldRestoreUseAndBudgetOnReversalExpiryAndFullRefundUnderRestore()
    {
        fx.campaign(campaign("RESTORE").perCard(1).budget(3_000)
            .window("2026-11-01T00:00:00+08:00", "2027-12-31T00:00:00+08:00").build());
        final long reversed = fx.authorize("O1", 3, 10_000).transaction.transactionId;
        fx.reverse(reversed);
        assertThat(fx.figures("RESTORE").remainingBudget()).isEqualTo(3_000);
        assertThat(discountOf("O2", 3, 10_000)).isEqualTo(1_000);

        final long sale = fx.sale("O3", 7, 10_000).transaction.transactionId;
        fx.refund(sale, "R1", 4_000);
        assertThat(fx.figures("RESTORE").remainingBudget()).isEqualTo(1_000);
        fx.refund(sale, "R2", 5_000);
        assertThat(fx.figures("RESTORE").remainingBudget()).isEqualTo(2_000);

        fx.advance(Duration.ofDays(8)).tick();
        final CampaignFigures figures = fx.figures("RESTORE");
        assertThat(figures.remainingBudget()).isEqualTo(3_000);
        assertThat(figures.redemptions()).isZero();
        assertThat(figures.restoredRedemptions()).isEqualTo(3);
        assertThat(figures.grossDiscount()).isEqualTo(3_000);
    }

    @Test
    void shouldKeepUseAndBudgetSpentUnderConsume()
    {
        fx.campaign(campaign("CONSUME").perCard(1).onReversal(OnReversal.CONSUME).build());
        final long id = fx.authorize("O1", 3, 10_000).transaction.transactionId;

        fx.reverse(id);

        assertThat(fx.figures("CONSUME").remainingBudget()).isEqualTo(999_000);
        assertThat(discountOf("O2", 3, 10_000)).isZero();
    }

    @Test
    void shouldStopDiscountingWhilePaused()
    {
        fx.campaign(campaign("P").build());

        fx.pause("P", true);
        assertThat(discountOf("O1", 3, 10_000)).isZero();
        assertThat(fx.figures("P").status()).isEqualTo(CampaignStatus.PAUSED);
        fx.pause("P", false);
        assertThat(discountOf("O2", 7, 10_000)).isEqualTo(1_000);
        assertThat(fx.pause("NOPE", true).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
    }

    @Test
    void shouldRefuseInvalidDefinitionsNamingTheFieldAndChangeNothing()
    {
        final long hash = fx.engine.stateHash();

        assertThat(fx.campaign(campaign("X").bins("12345").build()).error.field()).isEqualTo("binPrefixes");
        assertThat(fx.campaign(campaign("X").rule(new DiscountRule.Percent(10_001, 100)).build()).error.field())
            .isEqualTo("discount.basisPoints");
        assertThat(fx.campaign(campaign("X").rule(new DiscountRule.RandomAmount(500, 100)).build()).error.field())
            .isEqualTo("discount.max");
        assertThat(fx.campaign(campaign("X").window("2026-11-11T00:00:00+08:00", "2026-11-10T00:00:00+08:00").build())
            .error.field()).isEqualTo("endsAt");
        assertThat(fx.campaign(campaign("X").perCard(0).build()).error.field()).isEqualTo("perCardLimit");
        assertThat(fx.campaign(campaign("X").currency(999).build()).error.field()).isEqualTo("currency");
        assertThat(fx.campaign(campaign("bad id").build()).error.field()).isEqualTo("campaignId");
        assertThat(fx.engine.stateHash()).isEqualTo(hash);

        fx.campaign(campaign("X").build());
        assertThat(fx.campaign(campaign("X").build()).error.field()).isEqualTo("campaignId");
    }

    @Test
    void shouldReportWhatEachFunderGrantedGaveBackAndOwes()
    {
        fx.campaign(campaign("A").funder("Bank A").build());
        fx.campaign(campaign("B").funder("Bank B").bins("622260").build());
        final long id = fx.authorize("O1", 3, 10_000).transaction.transactionId;
        fx.authorize("O2", 7, 10_000);
        fx.authorize("O3", 0, 10_000);
        fx.reverse(id);

        final SwitchCommand report = fx.command(org.payswitch.core.engine.CommandType.DISCOUNT_REPORT);
        final List<FunderSettlement> funders = fx.run(report).funders;

        assertThat(funders).extracting(FunderSettlement::funder).containsExactly("Bank A", "Bank B");
        assertThat(funders.get(0).grossDiscount()).isEqualTo(2_000);
        assertThat(funders.get(0).restoredDiscount()).isEqualTo(1_000);
        assertThat(funders.get(0).netDiscount()).isEqualTo(1_000);
        assertThat(funders.get(1).netDiscount()).isEqualTo(1_000);
    }
}
