package org.payswitch.core.discount;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.Campaigns;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.payswitch.core.testing.Campaigns.campaign;

/** Operator commands on campaigns: create and its validation, pause and resume, live figures, the funders' report. */
class CampaignOperationsTest
{
    private final EngineFixture fx = EngineFixture.withoutCampaigns();

    static Stream<Arguments> invalidDefinitions()
    {
        final DiscountRule.Tier tier = new DiscountRule.Tier(100, 10);
        return Stream.of(
            invalid("campaignId", c -> campaign("")),
            invalid("campaignId", c -> campaign("A".repeat(41))),
            invalid("campaignId", c -> campaign("SPACE ID")),
            invalid("campaignId", c -> campaign(null)),
            invalid("funder", c -> c.funder(" ")),
            invalid("funder", c -> c.funder(null)),
            invalid("funder", c -> c.funder("F".repeat(101))),
            invalid("binPrefixes", c -> c.bins()),
            invalid("binPrefixes", c -> c.bins("51888")),
            invalid("binPrefixes", c -> c.bins("518888001")),
            invalid("binPrefixes", c -> c.bins("518888", "5188a8")),
            invalid("mccs", c -> c.mccs(10_000)),
            invalid("mccs", c -> c.mccs(-1)),
            invalid("merchantIds", c -> c.merchants("M".repeat(16))),
            invalid("merchantIds", c -> c.merchants("")),
            invalid("currency", c -> c.currency(999)),
            invalid("currency", c -> c.currency(0)),
            invalid("endsAt", c -> c.window("2026-11-11T00:00:00+08:00", "2026-11-11T00:00:00+08:00")),
            invalid("endsAt", c -> c.window("2026-11-11T00:00:00+08:00", "2026-11-10T23:59:59+08:00")),
            invalid("endsAt", c -> c.window("2026-11-11T00:00:00+08:00", "2036-11-18T00:00:00.001+08:00")),
            invalid("minAmount", c -> c.minAmount(-1)),
            invalid("minAmount", c -> c.minAmount(Money.MAX_AMOUNT + 1)),
            invalid("discount", c -> c.rule(null)),
            invalid("discount.amount", c -> c.rule(new DiscountRule.Fixed(0))),
            invalid("discount.amount", c -> c.rule(new DiscountRule.Fixed(Money.MAX_AMOUNT + 1))),
            invalid("discount.basisPoints", c -> c.rule(new DiscountRule.Percent(0, 100))),
            invalid("discount.basisPoints", c -> c.rule(new DiscountRule.Percent(10_001, 100))),
            invalid("discount.cap", c -> c.rule(new DiscountRule.Percent(500, 0))),
            invalid("discount.min", c -> c.rule(new DiscountRule.RandomAmount(0, 10))),
            invalid("discount.max", c -> c.rule(new DiscountRule.RandomAmount(11, 10))),
            invalid("discount.tiers", c -> c.rule(new DiscountRule.Tiered(List.of()))),
            invalid("discount.tiers", c -> c.rule(new DiscountRule.Tiered(List.of(tier, new DiscountRule.Tier(100, 20))))),
            invalid("discount.tiers", c -> c.rule(new DiscountRule.Tiered(List.of(new DiscountRule.Tier(100, 0))))),
            invalid("discount.tiers", c -> c.rule(new DiscountRule.Tiered(List.of(new DiscountRule.Tier(-1, 10))))),
            invalid("perCardLimit", c -> c.perCard(0)),
            invalid("perCardLimit", c -> c.perCard(CardUsage.MAX_TOTAL + 1)),
            invalid("perCardDailyLimit", c -> c.perCardDaily(0)),
            invalid("perCardDailyLimit", c -> c.perCardDaily(CardUsage.MAX_PERIOD + 1)),
            invalid("perCardMonthlyLimit", c -> c.perCardMonthly(-3)),
            invalid("budget", c -> c.budget(0)),
            invalid("budget", c -> c.budget(-1_000)),
            invalid("dailyBudget", c -> c.dailyBudget(0)),
            invalid("maxRedemptions", c -> c.maxRedemptions(0)),
            invalid("dailyMaxRedemptions", c -> c.dailyMaxRedemptions(-1)),
            invalid("onReversal", c -> c.onReversal(null)));
    }

    private static Arguments invalid(final String field, final UnaryOperator<Campaigns> change)
    {
        return arguments(field, change.apply(campaign("BAD")).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void shouldRefuseAnInvalidFieldNamingItAndChangeNothing(final String field, final CampaignDefinition definition)
    {
        fx.campaign(campaign("KEEP").build());
        final long hash = fx.engine.stateHash();

        final SwitchCommand answer = fx.campaign(definition);

        assertThat(answer.responseCode).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(answer.error.field()).isEqualTo(field);
        assertThat(answer.campaign).isNull();
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        assertThat(fx.engine.discounts().count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseStartsAtMissing()
    {
        final CampaignDefinition valid = campaign("NOSTART").build();
        final CampaignDefinition noStart = new CampaignDefinition(valid.campaignId(), valid.funder(),
            valid.binPrefixes(), valid.mccs(), valid.merchantIds(), valid.currency(), null, valid.endsAt(),
            valid.minAmount(), valid.discount(), valid.perCardLimit(), valid.perCardDailyLimit(),
            valid.perCardMonthlyLimit(), valid.budget(), valid.dailyBudget(), valid.maxRedemptions(),
            valid.dailyMaxRedemptions(), valid.onReversal());
        final long hash = fx.engine.stateHash();

        assertThat(fx.campaign(noStart).error.field()).isEqualTo("startsAt");
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRefuseACommandWithoutDefinition()
    {
        final SwitchCommand create = fx.command(CommandType.CREATE_CAMPAIGN);
        create.campaignId = "not a campaign";

        assertThat(fx.run(create).responseCode).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(create.error.field()).isEqualTo("campaign");
    }

    @Test
    void shouldAcceptEveryFieldAtTheEdgeOfItsRange()
    {
        assertThat(fx.campaign(campaign("E1").bins("518888", "5188880", "51888800").mccs(0, 9999)
            .merchants("M".repeat(15)).minAmount(0).rule(new DiscountRule.Percent(1, 1)).perCard(CardUsage.MAX_TOTAL)
            .perCardDaily(CardUsage.MAX_PERIOD).perCardMonthly(1).budget(1).dailyBudget(1).maxRedemptions(1)
            .dailyMaxRedemptions(1).build()).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.campaign(campaign("E2".repeat(20)).minAmount(Money.MAX_AMOUNT)
            .rule(new DiscountRule.Percent(10_000, Money.MAX_AMOUNT)).build()).responseCode)
            .isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.campaign(campaign("E3").window("2026-11-11T00:00:00+08:00", "2026-11-11T00:00:00.001+08:00")
            .rule(new DiscountRule.RandomAmount(1, 1)).build()).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.campaign(campaign("E4").window("2026-11-11T00:00:00+08:00", "2036-11-18T00:00:00+08:00")
            .rule(new DiscountRule.Tiered(List.of(new DiscountRule.Tier(0, 1)))).build()).responseCode)
            .as("3 660 days exactly").isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.engine.discounts().count()).isEqualTo(4);
    }

    @Test
    void shouldRefuseADuplicateIdAndKeepTheFirstDefinition()
    {
        final CampaignDefinition first = campaign("DUP").build();
        fx.campaign(first);
        final long hash = fx.engine.stateHash();

        final SwitchCommand again = fx.campaign(campaign("DUP").funder("Other Bank").bins("622260").build());

        assertThat(again.responseCode).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(again.error.field()).isEqualTo("campaignId");
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        assertThat(fx.figures("DUP").definition()).isEqualTo(first);
        assertThat(fx.authorize("O", 0, 10_000).transaction.discount).isZero();
    }

    @Test
    void shouldAnswerACreationWithTheNewCampaignsFigures()
    {
        final SwitchCommand answer = fx.campaign(campaign("NEW").build());

        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        final CampaignFigures figures = answer.campaign;
        assertThat(figures.definition().campaignId()).isEqualTo("NEW");
        assertThat(figures.status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(figures.redemptions()).isZero();
        assertThat(figures.remainingBudget()).isEqualTo(1_000_000);
    }

    @Test
    void shouldPauseAndResumeWithoutLosingFigures()
    {
        fx.campaign(campaign("P").build());
        fx.authorize("O1", 3, 10_000);

        assertThat(fx.pause("P", true).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.authorize("O2", 7, 10_000).transaction.discount).isZero();
        assertThat(fx.pause("P", true).responseCode).as("pausing twice").isEqualTo(ResponseCode.APPROVED);
        final CampaignFigures paused = fx.figures("P");
        assertThat(paused.status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(paused.redemptions()).isEqualTo(1);
        assertThat(paused.discountGranted()).isEqualTo(1_000);

        assertThat(fx.pause("P", false).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.figures("P").status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(fx.authorize("O3", 7, 10_000).transaction.discount).isEqualTo(1_000);
        assertThat(fx.figures("P").redemptions()).isEqualTo(2);
    }

    @Test
    void shouldRefusePauseAndResumeOfAnUnknownCampaign()
    {
        final long hash = fx.engine.stateHash();

        assertThat(fx.pause("NOPE", true).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        assertThat(fx.pause("NOPE", false).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldPauseOnlyTheNamedCampaignAndLetTheNextBestServe()
    {
        fx.campaign(campaign("BIG").rule(new DiscountRule.Fixed(2_000)).build());
        fx.campaign(campaign("SMALL").rule(new DiscountRule.Fixed(500)).build());

        fx.pause("BIG", true);

        final SwitchCommand answer = fx.authorize("O", 3, 10_000);
        assertThat(answer.transaction.campaignId).isEqualTo("SMALL");
        assertThat(fx.figures("SMALL").status()).isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void shouldShowLiveFiguresAndStatusThroughTheCampaignsLife()
    {
        fx.campaign(campaign("LIFE").window("2026-11-11T01:00:00+08:00", "2026-11-11T02:00:00+08:00").budget(2_500)
            .build());
        assertThat(fx.figures("LIFE").status()).isEqualTo(CampaignStatus.SCHEDULED);

        fx.advance(Duration.ofHours(1)).tick();
        assertThat(fx.figures("LIFE").status()).isEqualTo(CampaignStatus.ACTIVE);
        fx.authorize("O1", 3, 10_000);
        final long reversed = fx.authorize("O2", 7, 10_000).transaction.transactionId;
        fx.reverse(reversed);
        fx.authorize("O3", 11, 10_000);
        CampaignFigures figures = fx.figures("LIFE");
        assertThat(figures.redemptions()).isEqualTo(2);
        assertThat(figures.discountGranted()).isEqualTo(2_000);
        assertThat(figures.remainingBudget()).isEqualTo(500);
        assertThat(figures.grossRedemptions()).isEqualTo(3);
        assertThat(figures.grossDiscount()).isEqualTo(3_000);
        assertThat(figures.restoredDiscount()).isEqualTo(1_000);

        fx.authorize("O4", 15, 10_000);
        figures = fx.figures("LIFE");
        assertThat(figures.status()).isEqualTo(CampaignStatus.EXHAUSTED);
        assertThat(figures.remainingBudget()).isZero();
        assertThat(figures.discountGranted()).isEqualTo(2_500);

        fx.advance(Duration.ofHours(1).plusMillis(1)).tick();
        assertThat(fx.figures("LIFE").status()).isEqualTo(CampaignStatus.ENDED);
    }

    @Test
    void shouldReportNoBudgetAsMinusOneRemaining()
    {
        fx.campaign(campaign("OPEN").budget(CampaignDefinition.NO_LIMIT).maxRedemptions(1).build());
        fx.authorize("O1", 3, 10_000);

        final CampaignFigures figures = fx.figures("OPEN");

        assertThat(figures.remainingBudget()).isEqualTo(-1);
        assertThat(figures.discountGranted()).isEqualTo(1_000);
        assertThat(figures.status()).as("max redemptions reached").isEqualTo(CampaignStatus.EXHAUSTED);
    }

    @Test
    void shouldListEveryCampaignInCreationOrderAndAnswerAnUnknownOneWith25()
    {
        fx.campaign(campaign("Z").build());
        fx.campaign(campaign("A").build());
        fx.campaign(campaign("M").build());

        final SwitchCommand all = fx.command(CommandType.GET_CAMPAIGNS);
        final List<CampaignFigures> figures = fx.run(all).campaigns;
        assertThat(figures).extracting(f -> f.definition().campaignId()).containsExactly("Z", "A", "M");

        final SwitchCommand unknown = fx.command(CommandType.GET_CAMPAIGNS);
        unknown.campaignId = "NOPE";
        assertThat(fx.run(unknown).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        assertThat(unknown.campaign).isNull();
    }

    @Test
    void shouldSettlePerFunderGrantedGivenBackAndNet()
    {
        fx.campaign(campaign("A1").funder("Bank A").rule(new DiscountRule.Fixed(1_000)).build());
        fx.campaign(campaign("B1").funder("Bank B").bins("622260").onReversal(OnReversal.CONSUME).build());
        fx.campaign(campaign("A2").funder("Bank A").bins("623199").rule(new DiscountRule.Fixed(700)).build());
        fx.campaign(campaign("C1").funder("Bank C").bins("436742").build());

        final long a1 = fx.authorize("O1", 3, 10_000).transaction.transactionId;
        fx.authorize("O2", 7, 10_000);
        final long a2 = fx.sale("O3", 1, 10_000).transaction.transactionId;
        final long b1 = fx.authorize("O4", 0, 10_000).transaction.transactionId;
        fx.authorize("O5", 4, 10_000);
        fx.reverse(a1);
        fx.refund(a2, "R1", 9_300);
        fx.reverse(b1);

        final SwitchCommand report = fx.command(CommandType.DISCOUNT_REPORT);
        assertThat(fx.run(report).responseCode).isEqualTo(ResponseCode.APPROVED);
        final List<FunderSettlement> funders = report.funders;

        assertThat(funders).extracting(FunderSettlement::funder).containsExactly("Bank A", "Bank B", "Bank C");
        final FunderSettlement bankA = funders.get(0);
        assertThat(bankA.campaigns()).extracting(f -> f.definition().campaignId()).containsExactly("A1", "A2");
        assertThat(bankA.grossDiscount()).isEqualTo(2_700);
        assertThat(bankA.restoredDiscount()).isEqualTo(1_700);
        assertThat(bankA.netDiscount()).isEqualTo(1_000);
        final FunderSettlement bankB = funders.get(1);
        assertThat(bankB.grossDiscount()).isEqualTo(2_000);
        assertThat(bankB.restoredDiscount()).as("CONSUME gives nothing back").isZero();
        assertThat(bankB.netDiscount()).isEqualTo(2_000);
        final FunderSettlement bankC = funders.get(2);
        assertThat(bankC.grossDiscount()).isZero();
        assertThat(bankC.netDiscount()).isZero();
        for (final FunderSettlement funder : funders)
        {
            assertThat(funder.netDiscount()).isEqualTo(funder.campaigns().stream()
                .mapToLong(CampaignFigures::discountGranted).sum());
        }
    }
}
