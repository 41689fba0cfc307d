package org.payswitch.core.discount;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/**
 * Which campaign wins, when a discount is committed (approval only) and what a reversal, an
 * expiry or a refund gives back under RESTORE and CONSUME. Demo cards 3, 7, 11, ... have BIN 518888.
 */
class DiscountLifecycleTest
{
    private static final String WIDE_START = "2026-11-01T00:00:00+08:00";
    private static final String WIDE_END = "2027-12-31T00:00:00+08:00";

    private final EngineFixture fx = EngineFixture.withoutCampaigns();

    private void limited(final String id, final OnReversal onReversal)
    {
        assertThat(fx.campaign(campaign(id).perCard(1).budget(5_000).onReversal(onReversal)
            .window(WIDE_START, WIDE_END).build()).responseCode).isEqualTo(ResponseCode.APPROVED);
    }

    private long authorized(final String orderId, final int card)
    {
        final SwitchCommand answer = fx.authorize(orderId, card, 10_000);
        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(answer.transaction.discount).isEqualTo(1_000);
        return answer.transaction.transactionId;
    }

    private long sold(final String orderId, final int card)
    {
        final SwitchCommand answer = fx.sale(orderId, card, 10_000);
        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(answer.transaction.discount).isEqualTo(1_000);
        return answer.transaction.transactionId;
    }

    private void assertFigures(final String id, final long redemptions, final long remaining, final long restored)
    {
        final CampaignFigures figures = fx.figures(id);
        assertThat(figures.redemptions()).as("redemptions").isEqualTo(redemptions);
        assertThat(figures.discountGranted()).as("granted").isEqualTo(5_000 - remaining);
        assertThat(figures.remainingBudget()).as("remaining").isEqualTo(remaining);
        assertThat(figures.restoredRedemptions()).as("restored").isEqualTo(restored);
        assertThat(figures.grossRedemptions()).as("gross").isEqualTo(redemptions + restored);
    }

    @Test
    void shouldGiveTheLargestDiscountAcrossRuleTypes()
    {
        fx.campaign(campaign("FIX").rule(new DiscountRule.Fixed(1_000)).minAmount(0).build());
        fx.campaign(campaign("PCT").rule(new DiscountRule.Percent(1_000, 5_000)).minAmount(0).build());

        final SwitchCommand small = fx.authorize("S", 3, 9_999);
        assertThat(small.transaction.campaignId).isEqualTo("FIX");
        assertThat(small.transaction.discount).isEqualTo(1_000);
        final SwitchCommand large = fx.authorize("L", 7, 10_010);
        assertThat(large.transaction.campaignId).isEqualTo("PCT");
        assertThat(large.transaction.discount).isEqualTo(1_001);
        final SwitchCommand tie = fx.authorize("T", 11, 10_000);
        assertThat(tie.transaction.campaignId).as("a tie goes to the campaign created first").isEqualTo("FIX");
    }

    @Test
    void shouldBreakATieByCreationOrderWhateverThePrefixLength()
    {
        fx.campaign(campaign("FIRST-SIX").bins("518888").rule(new DiscountRule.Fixed(800)).build());
        fx.campaign(campaign("LATER-EIGHT").bins("51888800").rule(new DiscountRule.Fixed(800)).build());
        fx.campaign(campaign("EARLY-LOSER").bins("622260").build());
        fx.campaign(campaign("LATER-SEVEN").bins("6222600").rule(new DiscountRule.Fixed(1_000)).build());

        assertThat(fx.authorize("A", 3, 10_000).transaction.campaignId).isEqualTo("FIRST-SIX");
        assertThat(fx.authorize("B", 0, 10_000).transaction.campaignId).isEqualTo("EARLY-LOSER");
    }

    @Test
    void shouldCommitOneCampaignPerTransaction()
    {
        fx.campaign(campaign("A").rule(new DiscountRule.Fixed(700)).build());
        fx.campaign(campaign("B").rule(new DiscountRule.Fixed(900)).build());
        fx.campaign(campaign("C").rule(new DiscountRule.Fixed(800)).build());

        final SwitchCommand answer = fx.authorize("O", 3, 10_000);

        assertThat(answer.transaction.discount).isEqualTo(900);
        assertThat(answer.transaction.chargedAmount).isEqualTo(9_100);
        assertThat(fx.figures("A").redemptions()).isZero();
        assertThat(fx.figures("B").redemptions()).isEqualTo(1);
        assertThat(fx.figures("C").redemptions()).isZero();
        assertThat(fx.figures("A").remainingBudget()).isEqualTo(1_000_000);
        assertThat(fx.figures("C").remainingBudget()).isEqualTo(1_000_000);
    }

    @Test
    void shouldHoldTheChargedAmountAndApproveWhatOnlyTheDiscountMakesAffordable()
    {
        fx.campaign(campaign("FIX").perCard(1).build());

        final SwitchCommand exact = fx.authorize("O1", 3, DemoData.CREDIT_LIMIT + 1_000);
        assertThat(exact.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(exact.transaction.chargedAmount).isEqualTo(DemoData.CREDIT_LIMIT);
        assertThat(fx.lookup(3).card.available).isZero();

        fx.authorize("O2", 7, 10_000);
        assertThat(fx.lookup(7).card.available).isEqualTo(DemoData.CREDIT_LIMIT - 9_000);
    }

    @Test
    void shouldConsumeNothingWhenDeclinedForInsufficientFunds()
    {
        fx.campaign(campaign("FIX").perCard(1).budget(1_000).build());

        final SwitchCommand declined = fx.authorize("O1", 3, DemoData.CREDIT_LIMIT + 1_001);
        assertThat(declined.responseCode).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(declined.transaction.discount).isZero();
        assertThat(declined.transaction.campaignId).isNull();
        final CampaignFigures figures = fx.figures("FIX");
        assertThat(figures.redemptions()).isZero();
        assertThat(figures.grossRedemptions()).isZero();
        assertThat(figures.remainingBudget()).isEqualTo(1_000);
        assertThat(fx.engine.discounts().cardUses("FIX", 3)).isZero();
        assertThat(fx.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT);

        assertThat(fx.authorize("O2", 3, 10_000).transaction.discount).as("the card's one use is still there")
            .isEqualTo(1_000);
    }

    @Test
    void shouldConsumeNothingWhenDeclinedForAnyOtherReason()
    {
        fx.campaign(campaign("FIX").perCard(1).build());
        fx.card(EngineFixture.demoCardWithLimits(3, DemoData.CREDIT_LIMIT, 8_999, Money.NO_LIMIT));
        fx.status(7, CardStatus.BLOCKED);
        fx.card(EngineFixture.demoCardExpiring(11, 2610));

        assertThat(fx.authorize("O1", 3, 10_000).responseCode).isEqualTo(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
        assertThat(fx.authorize("O2", 7, 10_000).responseCode).isEqualTo(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
        final SwitchCommand expired = fx.authorization("O3", 11, 10_000);
        expired.expiry = 2610;
        assertThat(fx.run(expired).responseCode).isEqualTo(ResponseCode.EXPIRED_CARD);
        assertThat(fx.figures("FIX").grossRedemptions()).isZero();

        fx.card(EngineFixture.demoCardWithLimits(3, DemoData.CREDIT_LIMIT, 9_000, Money.NO_LIMIT));
        final SwitchCommand limit = fx.authorize("O4", 3, 10_000);
        assertThat(limit.responseCode).as("the per-transaction limit applies to the charged amount")
            .isEqualTo(ResponseCode.APPROVED);
        assertThat(limit.transaction.discount).isEqualTo(1_000);
        assertThat(fx.figures("FIX").redemptions()).isEqualTo(1);
    }

    @Test
    void shouldNotRedeemTwiceForARetryOfTheSameAuthorization()
    {
        fx.campaign(campaign("FIX").build());
        final long id = authorized("O1", 3);
        final long hash = fx.engine.stateHash();

        final SwitchCommand retry = fx.authorize("O1", 3, 10_000);

        assertThat(retry.transaction.transactionId).isEqualTo(id);
        assertThat(retry.transaction.discount).isEqualTo(1_000);
        assertThat(fx.figures("FIX").redemptions()).isEqualTo(1);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRestoreUseAndBudgetOnReversalOnceUnderRestore()
    {
        limited("R", OnReversal.RESTORE);
        final long id = authorized("O1", 3);
        assertFigures("R", 1, 4_000, 0);

        assertThat(fx.reverse(id).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertFigures("R", 0, 5_000, 1);
        assertThat(fx.engine.discounts().cardUses("R", 3)).isZero();
        assertThat(fx.reverse(id).responseCode).as("a repeated reversal").isEqualTo(ResponseCode.APPROVED);
        assertFigures("R", 0, 5_000, 1);

        authorized("O2", 3);
        assertFigures("R", 1, 4_000, 1);
    }

    @Test
    void shouldKeepUseAndBudgetOnReversalUnderConsume()
    {
        limited("C", OnReversal.CONSUME);
        final long id = authorized("O1", 3);

        assertThat(fx.reverse(id).responseCode).isEqualTo(ResponseCode.APPROVED);

        assertFigures("C", 1, 4_000, 0);
        assertThat(fx.engine.discounts().cardUses("C", 3)).isEqualTo(1);
        assertThat(fx.authorize("O2", 3, 10_000).transaction.discount).isZero();
        assertThat(fx.lookup(3).card.available).as("the hold is released all the same")
            .isEqualTo(DemoData.CREDIT_LIMIT - 10_000);
    }

    @Test
    void shouldRestoreOnHoldExpiryUnderRestoreAndNotBefore()
    {
        limited("R", OnReversal.RESTORE);
        final long id = authorized("O1", 3);

        fx.advance(Duration.ofDays(7).minusMillis(1)).tick();
        assertFigures("R", 1, 4_000, 0);
        fx.advance(Duration.ofMillis(1)).tick();

        assertThat(fx.get(id).transaction.status).isEqualTo(TransactionStatus.EXPIRED);
        assertFigures("R", 0, 5_000, 1);
        authorized("O2", 3);
    }

    @Test
    void shouldKeepUseAndBudgetOnHoldExpiryUnderConsume()
    {
        limited("C", OnReversal.CONSUME);
        final long id = authorized("O1", 3);

        fx.advance(Duration.ofDays(8)).tick();

        assertThat(fx.get(id).transaction.status).isEqualTo(TransactionStatus.EXPIRED);
        assertFigures("C", 1, 4_000, 0);
        assertThat(fx.authorize("O2", 3, 10_000).transaction.discount).isZero();
    }

    @Test
    void shouldRestoreOnAFullRefundOnlyUnderRestore()
    {
        limited("R", OnReversal.RESTORE);
        final long id = sold("O1", 3);

        assertThat(fx.refund(id, "R1", 8_999).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertFigures("R", 1, 4_000, 0);
        assertThat(fx.authorize("O2", 3, 10_000).transaction.discount).as("a partial refund gives nothing back")
            .isZero();
        assertThat(fx.refund(id, "R1", 8_999).responseCode).as("a repeated refund").isEqualTo(ResponseCode.APPROVED);
        assertFigures("R", 1, 4_000, 0);

        assertThat(fx.refund(id, "R2", 1).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.get(id).transaction.status).isEqualTo(TransactionStatus.REFUNDED);
        assertFigures("R", 0, 5_000, 1);
        assertThat(fx.refund(id, "R2", 1).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertFigures("R", 0, 5_000, 1);
        authorized("O3", 3);
    }

    @Test
    void shouldKeepUseAndBudgetOnAFullRefundUnderConsume()
    {
        limited("C", OnReversal.CONSUME);
        final long id = sold("O1", 3);

        assertThat(fx.refund(id, "R1", 9_000).responseCode).isEqualTo(ResponseCode.APPROVED);

        assertThat(fx.get(id).transaction.status).isEqualTo(TransactionStatus.REFUNDED);
        assertFigures("C", 1, 4_000, 0);
        assertThat(fx.authorize("O2", 3, 10_000).transaction.discount).isZero();
    }

    @Test
    void shouldRestoreTheWholeDiscountWhenAPartialCaptureIsFullyRefunded()
    {
        limited("R", OnReversal.RESTORE);
        final long id = authorized("O1", 3);
        assertThat(fx.capture(id, 5_000).responseCode).isEqualTo(ResponseCode.APPROVED);

        assertThat(fx.refund(id, "R1", 5_000).responseCode).isEqualTo(ResponseCode.APPROVED);

        assertFigures("R", 0, 5_000, 1);
    }

    @Test
    void shouldGiveNothingBackWhenAReversalOfACaptureIsRefused()
    {
        limited("R", OnReversal.RESTORE);
        final long id = sold("O1", 3);

        assertThat(fx.reverse(id).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);

        assertFigures("R", 1, 4_000, 0);
    }

    @Test
    void shouldRestoreThePartialLastRedemptionExactly()
    {
        fx.campaign(campaign("P").budget(1_300).build());
        authorized("O1", 3);
        final SwitchCommand partial = fx.authorize("O2", 7, 10_000);
        assertThat(partial.transaction.discount).isEqualTo(300);

        fx.reverse(partial.transaction.transactionId);

        assertThat(fx.figures("P").remainingBudget()).isEqualTo(300);
        assertThat(fx.figures("P").status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(fx.authorize("O3", 11, 10_000).transaction.discount).isEqualTo(300);
    }

    @Test
    void shouldRestoreTheDailyBudgetOfTheDayOfTheRedemptionOnly()
    {
        fx.campaign(campaign("D").dailyBudget(1_000).window(WIDE_START, WIDE_END).build());
        final long first = authorized("O1", 3);
        assertThat(fx.authorize("O2", 7, 10_000).transaction.discount).isZero();
        fx.reverse(first);
        assertThat(fx.authorize("O3", 7, 10_000).transaction.discount).as("same day: the daily budget is back")
            .isEqualTo(1_000);

        fx.advance(Duration.ofDays(1));
        final long today = authorized("O4", 11);
        fx.advance(Duration.ofHours(1));
        assertThat(fx.authorize("O5", 15, 10_000).transaction.discount).isZero();
        fx.reverse(today);
        assertThat(fx.authorize("O6", 15, 10_000).transaction.discount).isEqualTo(1_000);
    }
}
