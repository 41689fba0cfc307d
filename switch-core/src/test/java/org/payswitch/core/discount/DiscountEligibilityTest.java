package org.payswitch.core.discount;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/**
 * Who gets a discount: BIN prefix, MCC and merchant lists, currency, the time window in event
 * time and the minimum amount, each at its boundary. Demo card i has BIN
 * {@code DemoData.BINS[i % 4]} followed by i as 9 digits, so card 3 starts 51888800..., card
 * 10 000 003 starts 51888801... and card 100 000 003 starts 5188881....
 */
class DiscountEligibilityTest
{
    private static final int CARD_51888800 = 3;
    private static final int CARD_51888801 = 10_000_003;
    private static final int CARD_5188881 = 100_000_003;

    private final EngineFixture fx = EngineFixture.withoutCampaigns();

    DiscountEligibilityTest()
    {
        fx.card(DemoData.card(CARD_51888801));
        fx.card(DemoData.card(CARD_5188881));
    }

    private SwitchCommand approved(final SwitchCommand answer)
    {
        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        return answer;
    }

    private long discountOf(final String orderId, final int card, final long amount)
    {
        return approved(fx.authorize(orderId, card, amount)).transaction.discount;
    }

    private static long at(final String time)
    {
        return OffsetDateTime.parse(time).toInstant().toEpochMilli();
    }

    @Test
    void shouldMatchAnEightDigitPrefixOnlyOnCardsThatStartWithIt()
    {
        fx.campaign(campaign("EIGHT").bins("51888801").build());

        assertThat(DemoData.panText(CARD_51888801)).startsWith("51888801");
        assertThat(discountOf("O1", CARD_51888801, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O2", CARD_51888800, 10_000)).isZero();
        assertThat(discountOf("O3", CARD_5188881, 10_000)).isZero();
    }

    @Test
    void shouldMatchASevenDigitPrefixOnlyOnCardsThatStartWithIt()
    {
        fx.campaign(campaign("SEVEN").bins("5188881").build());

        assertThat(DemoData.panText(CARD_5188881)).startsWith("5188881");
        assertThat(discountOf("O1", CARD_5188881, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O2", CARD_51888800, 10_000)).isZero();
        assertThat(discountOf("O3", CARD_51888801, 10_000)).isZero();
    }

    @Test
    void shouldMatchASixDigitPrefixOnEveryCardOfTheBinAndNoOther()
    {
        fx.campaign(campaign("SIX").bins("518888").build());

        assertThat(discountOf("O1", CARD_51888800, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O2", CARD_51888801, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O3", CARD_5188881, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O4", 0, 10_000)).isZero();
        assertThat(discountOf("O5", 1, 10_000)).isZero();
        assertThat(discountOf("O6", 2, 10_000)).isZero();
    }

    @Test
    void shouldFindLongerPrefixCampaignsBesideAShorterOneAndGiveTheLargest()
    {
        fx.campaign(campaign("SIX").bins("518888").rule(new DiscountRule.Fixed(100)).build());
        fx.campaign(campaign("SEVEN").bins("5188880").rule(new DiscountRule.Fixed(200)).build());
        fx.campaign(campaign("EIGHT").bins("51888801").rule(new DiscountRule.Fixed(300)).build());

        final SwitchCommand eight = approved(fx.authorize("O1", CARD_51888801, 10_000));
        assertThat(eight.transaction.discount).isEqualTo(300);
        assertThat(eight.transaction.campaignId).isEqualTo("EIGHT");
        final SwitchCommand seven = approved(fx.authorize("O2", CARD_51888800, 10_000));
        assertThat(seven.transaction.discount).isEqualTo(200);
        assertThat(seven.transaction.campaignId).isEqualTo("SEVEN");
        final SwitchCommand six = approved(fx.authorize("O3", CARD_5188881, 10_000));
        assertThat(six.transaction.discount).isEqualTo(100);
        assertThat(six.transaction.campaignId).isEqualTo("SIX");
    }

    @Test
    void shouldFindAShorterPrefixCampaignWhenItGivesMoreThanALongerOne()
    {
        fx.campaign(campaign("EIGHT").bins("51888800").rule(new DiscountRule.Fixed(300)).build());
        fx.campaign(campaign("SIX").bins("518888").rule(new DiscountRule.Fixed(700)).build());

        final SwitchCommand answer = approved(fx.authorize("O1", CARD_51888800, 10_000));

        assertThat(answer.transaction.discount).isEqualTo(700);
        assertThat(answer.transaction.campaignId).isEqualTo("SIX");
    }

    @Test
    void shouldMatchAnyOfSeveralPrefixesOfMixedLengths()
    {
        fx.campaign(campaign("MIXED").bins("622260", "51888801", "4367420").build());

        assertThat(discountOf("O1", 0, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O2", CARD_51888801, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O3", 2, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O4", CARD_51888800, 10_000)).isZero();
        assertThat(discountOf("O5", 1, 10_000)).isZero();
    }

    @Test
    void shouldApplyToListedMccsOnlyAndTakeTheRequestMccOverTheMerchants()
    {
        fx.campaign(campaign("MCC").mccs(5411, 5812).build());

        assertThat(discountOf("O1", 3, 10_000)).as("merchant's own MCC 5651 is not listed").isZero();
        for (final int mcc : new int[] {5411, 5812})
        {
            final SwitchCommand listed = fx.authorization("L" + mcc, 7, 10_000);
            listed.mcc = mcc;
            assertThat(approved(fx.run(listed)).transaction.discount).isEqualTo(1_000);
        }
        final SwitchCommand unlisted = fx.authorization("U", 11, 10_000);
        unlisted.mcc = 5412;
        assertThat(approved(fx.run(unlisted)).transaction.discount).isZero();
    }

    @Test
    void shouldApplyToEveryMccWhenTheListIsEmpty()
    {
        fx.campaign(campaign("ALL").build());

        for (final int mcc : new int[] {0, 5411, 5651, 9999})
        {
            final SwitchCommand any = fx.authorization("M" + mcc, 3, 10_000);
            any.mcc = mcc;
            assertThat(approved(fx.run(any)).transaction.discount).isEqualTo(1_000);
        }
    }

    @Test
    void shouldApplyAtListedMerchantsOnlyAndAtAllWhenTheListIsEmpty()
    {
        fx.campaign(campaign("SHOPS").merchants(DemoData.merchantId(0), DemoData.merchantId(2)).build());
        fx.campaign(campaign("EVERYWHERE").bins("622260").build());

        for (int j = 0; j < 3; j++)
        {
            final SwitchCommand listed = fx.authorization("S" + j, 3, 10_000);
            listed.merchantId.set(DemoData.merchantId(j));
            assertThat(approved(fx.run(listed)).transaction.discount).as("merchant %d", j)
                .isEqualTo(j == 1 ? 0 : 1_000);

            final SwitchCommand everywhere = fx.authorization("E" + j, 0, 10_000);
            everywhere.merchantId.set(DemoData.merchantId(j));
            assertThat(approved(fx.run(everywhere)).transaction.discount).isEqualTo(1_000);
        }
    }

    @Test
    void shouldNotMatchAMerchantWhoseIdMerelyStartsLikeAListedOne()
    {
        fx.merchant("M0000000000000", true);
        fx.campaign(campaign("SHOP").merchants(DemoData.merchantId(0)).build());

        final SwitchCommand shorter = fx.authorization("O1", 3, 10_000);
        shorter.merchantId.set("M0000000000000");
        assertThat(approved(fx.run(shorter)).transaction.discount).isZero();
    }

    @Test
    void shouldApplyOnlyInTheCampaignsCurrency()
    {
        fx.card(new org.payswitch.core.engine.CardDefinition(DemoData.pan(7), 16, DemoData.EXPIRY,
            org.payswitch.core.domain.CardStatus.ACTIVE, 840, DemoData.CREDIT_LIMIT,
            org.payswitch.core.domain.Money.NO_LIMIT, org.payswitch.core.domain.Money.NO_LIMIT));
        fx.campaign(campaign("CNY").build());
        fx.campaign(campaign("USD").currency(840).rule(new DiscountRule.Fixed(300)).build());

        final SwitchCommand yuan = approved(fx.authorize("O1", 3, 10_000));
        assertThat(yuan.transaction.campaignId).isEqualTo("CNY");
        final SwitchCommand dollars = fx.authorization("O2", 7, 10_000);
        dollars.currency = 840;
        assertThat(approved(fx.run(dollars)).transaction.discount).isEqualTo(300);
        assertThat(dollars.transaction.campaignId).isEqualTo("USD");
    }

    @Test
    void shouldStartExactlyAtStartsAtInEventTime()
    {
        fx.campaign(campaign("WINDOW").window("2026-11-11T10:00:00+08:00", "2026-11-11T12:00:00+08:00").build());
        fx.advance(Duration.ofMillis(at("2026-11-11T10:00:00+08:00") - 1 - fx.now()));

        assertThat(discountOf("O1", 3, 10_000)).isZero();
        assertThat(fx.figures("WINDOW").status()).isEqualTo(CampaignStatus.SCHEDULED);
        fx.advance(Duration.ofMillis(1));
        assertThat(discountOf("O2", 3, 10_000)).isEqualTo(1_000);
        assertThat(fx.figures("WINDOW").status()).isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void shouldEndExactlyAfterEndsAtInEventTime()
    {
        fx.campaign(campaign("WINDOW").window("2026-11-11T10:00:00+08:00", "2026-11-11T12:00:00.250+08:00").build());
        fx.advance(Duration.ofMillis(at("2026-11-11T12:00:00.250+08:00") - fx.now()));

        assertThat(discountOf("O1", 3, 10_000)).isEqualTo(1_000);
        assertThat(fx.figures("WINDOW").status()).isEqualTo(CampaignStatus.ACTIVE);
        fx.advance(Duration.ofMillis(1));
        assertThat(discountOf("O2", 7, 10_000)).isZero();
        assertThat(fx.figures("WINDOW").status()).isEqualTo(CampaignStatus.ENDED);
    }

    @Test
    void shouldReadTheWindowInItsOwnOffsetWhateverTheZone()
    {
        fx.campaign(campaign("UTC").window("2026-11-10T16:00:00Z", "2026-11-10T16:00:10Z").build());

        assertThat(discountOf("O1", 3, 10_000)).as("2026-11-10T16:00Z is Singles' Day midnight in Shanghai")
            .isEqualTo(1_000);
        fx.advance(Duration.ofMillis(10_001));
        assertThat(discountOf("O2", 7, 10_000)).isZero();
    }

    @Test
    void shouldRequireTheMinimumAmountExactly()
    {
        fx.campaign(campaign("MIN").minAmount(10_000).build());

        assertThat(discountOf("O1", 3, 9_999)).isZero();
        assertThat(discountOf("O2", 7, 10_000)).isEqualTo(1_000);
        assertThat(discountOf("O3", 11, 10_001)).isEqualTo(1_000);
        assertThat(fx.figures("MIN").redemptions()).isEqualTo(2);
    }

    @Test
    void shouldLeaveAnIneligibleAuthorizationWithoutCampaignAndChargedInFull()
    {
        fx.campaign(campaign("MIN").minAmount(10_000).build());

        final SwitchCommand answer = approved(fx.authorize("O1", 3, 9_999));

        assertThat(answer.transaction.discount).isZero();
        assertThat(answer.transaction.chargedAmount).isEqualTo(9_999);
        assertThat(answer.transaction.campaignId).isNull();
        assertThat(fx.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT - 9_999);
    }
}
