package org.payswitch.core.discount;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/** How much each discount type takes off, at its edges; demo cards 3, 7, 11, ... (BIN 518888). */
class DiscountRulesTest
{
    private final EngineFixture fx = EngineFixture.withoutCampaigns();
    private int order;

    private SwitchCommand approved(final int card, final long amount)
    {
        final SwitchCommand answer = fx.authorize("O" + order++, card, amount);
        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(answer.transaction.chargedAmount).isEqualTo(amount - answer.transaction.discount);
        return answer;
    }

    private long discountOf(final int card, final long amount)
    {
        return approved(card, amount).transaction.discount;
    }

    @Test
    void shouldTakeAFixedAmountOffWhateverTheAmountAboveTheMinimum()
    {
        fx.campaign(campaign("FIX").minAmount(5_000).rule(new DiscountRule.Fixed(1_234)).build());

        assertThat(discountOf(3, 5_000)).isEqualTo(1_234);
        assertThat(discountOf(7, 999_999)).isEqualTo(1_234);
        assertThat(discountOf(11, 4_999)).isZero();
    }

    @Test
    void shouldTakeBasisPointsRoundedDown()
    {
        fx.campaign(campaign("PCT").minAmount(0).rule(new DiscountRule.Percent(500, 1_000_000)).build());

        assertThat(discountOf(3, 19)).as("5%% of 19 is 0.95").isZero();
        assertThat(discountOf(7, 20)).isEqualTo(1);
        assertThat(discountOf(11, 39)).isEqualTo(1);
        assertThat(discountOf(15, 12_345)).isEqualTo(617);
        assertThat(discountOf(19, 12_360)).isEqualTo(618);
    }

    @Test
    void shouldTakeASingleBasisPointRoundedDown()
    {
        fx.campaign(campaign("BP").minAmount(0).rule(new DiscountRule.Percent(1, 1_000_000)).build());

        assertThat(discountOf(3, 9_999)).isZero();
        assertThat(discountOf(7, 10_000)).isEqualTo(1);
        assertThat(discountOf(11, 29_999)).isEqualTo(2);
    }

    @Test
    void shouldCapAPercentDiscountExactlyAtTheCap()
    {
        fx.campaign(campaign("CAP").minAmount(0).rule(new DiscountRule.Percent(500, 2_000)).build());

        assertThat(discountOf(3, 39_999)).isEqualTo(1_999);
        assertThat(discountOf(7, 40_000)).isEqualTo(2_000);
        assertThat(discountOf(11, 40_020)).isEqualTo(2_000);
        assertThat(discountOf(15, 4_000_000)).isEqualTo(2_000);
    }

    @Test
    void shouldNotOverflowAPercentOfTheLargestAmount()
    {
        fx.card(EngineFixture.demoCardWithLimits(3, org.payswitch.core.domain.Money.MAX_AMOUNT,
            org.payswitch.core.domain.Money.NO_LIMIT, org.payswitch.core.domain.Money.NO_LIMIT));
        fx.campaign(campaign("ALL").minAmount(0).budget(CampaignDefinition.NO_LIMIT)
            .rule(new DiscountRule.Percent(10_000, org.payswitch.core.domain.Money.MAX_AMOUNT)).build());

        assertThat(discountOf(3, org.payswitch.core.domain.Money.MAX_AMOUNT))
            .isEqualTo(org.payswitch.core.domain.Money.MAX_AMOUNT - 1);
    }

    @Test
    void shouldDrawRandomAmountsWithinMinAndMaxOverManyDraws()
    {
        fx.campaign(campaign("RED").minAmount(0).rule(new DiscountRule.RandomAmount(100, 888)).build());

        final Set<Long> seen = new TreeSet<>();
        for (int i = 0; i < 2_000; i++)
        {
            final long drawn = discountOf(3 + 4 * (i % 25), 5_000);
            assertThat(drawn).isBetween(100L, 888L);
            seen.add(drawn);
        }
        assertThat(seen).hasSizeGreaterThan(500);
    }

    @Test
    void shouldDrawEveryValueOfANarrowRangeAndNothingOutside()
    {
        fx.campaign(campaign("NARROW").minAmount(0).rule(new DiscountRule.RandomAmount(5, 7)).build());

        final Set<Long> seen = new TreeSet<>();
        for (int i = 0; i < 600; i++)
        {
            seen.add(discountOf(3 + 4 * (i % 25), 5_000));
        }
        assertThat(seen).containsExactly(5L, 6L, 7L);
    }

    @Test
    void shouldDrawExactlyTheAmountWhenMinEqualsMax()
    {
        fx.campaign(campaign("ONE").minAmount(0).rule(new DiscountRule.RandomAmount(321, 321)).build());

        for (int i = 0; i < 50; i++)
        {
            assertThat(discountOf(3 + 4 * (i % 25), 5_000)).isEqualTo(321);
        }
    }

    @Test
    void shouldDrawTheSameRandomAmountsWhenTheSameCommandsRunOnAFreshEngine()
    {
        final List<Long> first = redEnvelopeRun();
        final List<Long> second = redEnvelopeRun();

        assertThat(second).isEqualTo(first);
        assertThat(new TreeSet<>(first.subList(0, first.size() - 1))).hasSizeGreaterThan(100);
    }

    /** 400 red-envelope authorizations on a fresh engine: the discounts drawn, then the state hash. */
    private static List<Long> redEnvelopeRun()
    {
        final long start = EngineFixture.SINGLES_DAY;
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(1_024, 1_024));
        DemoData.load(engine, 400, start);
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = CommandType.CREATE_CAMPAIGN;
        command.timestamp = start;
        command.campaignDefinition = campaign("RED").bins("436742").minAmount(1_000)
            .rule(new DiscountRule.RandomAmount(100, 888)).build();
        engine.execute(command);
        assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
        final List<Long> drawn = new ArrayList<>();
        for (int i = 0; i < 400; i++)
        {
            command.reset();
            command.type = CommandType.AUTHORIZE;
            command.timestamp = start + 37L * i;
            command.merchantId.set(DemoData.merchantId(i % 7));
            command.orderId.set("R" + i);
            command.pan = DemoData.pan(4 * (i % 100) + 2);
            command.panLength = 16;
            command.expiry = DemoData.EXPIRY;
            command.amount = 1_000 + i;
            command.currency = DemoData.CNY;
            engine.execute(command);
            assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
            assertThat(command.transaction.discount).isBetween(100L, 888L);
            drawn.add(command.transaction.discount);
        }
        drawn.add(engine.stateHash());
        return drawn;
    }

    @Test
    void shouldCapARandomDrawAtTheAmountMinusOne()
    {
        fx.campaign(campaign("RED").minAmount(0).rule(new DiscountRule.RandomAmount(500, 900)).build());

        for (int i = 0; i < 100; i++)
        {
            assertThat(discountOf(3 + 4 * (i % 25), 300)).isEqualTo(299);
        }
    }

    @Test
    void shouldGiveATierFromExactlyItsMinimumAndTheLowerTierJustBelow()
    {
        fx.campaign(campaign("TIER").minAmount(0).rule(tiers()).build());

        assertThat(discountOf(3, 99_999)).as("below the lowest tier").isZero();
        assertThat(discountOf(7, 100_000)).isEqualTo(10_000);
        assertThat(discountOf(11, 199_999)).isEqualTo(10_000);
        assertThat(discountOf(15, 200_000)).isEqualTo(20_000);
        assertThat(discountOf(19, 499_999)).isEqualTo(20_000);
        assertThat(discountOf(23, 500_000)).isEqualTo(60_000);
        assertThat(discountOf(27, 4_000_000)).as("the highest tier wins").isEqualTo(60_000);
    }

    @Test
    void shouldLeaveATransactionBelowTheLowestTierWithoutCampaign()
    {
        fx.campaign(campaign("TIER").minAmount(0).rule(tiers()).build());

        final SwitchCommand answer = approved(3, 99_999);

        assertThat(answer.transaction.campaignId).isNull();
        assertThat(fx.figures("TIER").redemptions()).isZero();
        assertThat(fx.figures("TIER").discountGranted()).isZero();
    }

    /** Given out of order on purpose: tiers are ranked by their minimum, not by their place in the list. */
    private static DiscountRule tiers()
    {
        return new DiscountRule.Tiered(List.of(
            new DiscountRule.Tier(200_000, 20_000),
            new DiscountRule.Tier(500_000, 60_000),
            new DiscountRule.Tier(100_000, 10_000)));
    }

    @Test
    void shouldCapATierAtTheAmountMinusOne()
    {
        fx.campaign(campaign("TIER0").minAmount(0)
            .rule(new DiscountRule.Tiered(List.of(new DiscountRule.Tier(0, 5_000)))).build());

        assertThat(discountOf(3, 4_000)).isEqualTo(3_999);
        assertThat(discountOf(7, 5_001)).isEqualTo(5_000);
    }

    @Test
    void shouldNeverDiscountMoreThanTheAmountMinusOne()
    {
        fx.campaign(campaign("FIX").minAmount(0).rule(new DiscountRule.Fixed(1_000)).build());
        fx.campaign(campaign("FULL").bins("622260").minAmount(0).rule(new DiscountRule.Percent(10_000, 1_000_000))
            .build());

        assertThat(discountOf(3, 1_001)).isEqualTo(1_000);
        assertThat(discountOf(7, 1_000)).isEqualTo(999);
        assertThat(discountOf(11, 2)).isEqualTo(1);
        final SwitchCommand one = approved(15, 1);
        assertThat(one.transaction.discount).isZero();
        assertThat(one.transaction.campaignId).isNull();
        assertThat(one.transaction.chargedAmount).isEqualTo(1);

        assertThat(discountOf(0, 50_000)).as("100 %% off still leaves 1 minor unit").isEqualTo(49_999);
        assertThat(fx.figures("FIX").discountGranted()).isEqualTo(1_000 + 999 + 1);
    }
}
