package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.discount.CampaignStatus;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.FunderSettlement;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantTransactionTotals;
import org.payswitch.core.engine.SwitchCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator answers written from the command's typed answer fields: each discount rule
 * described by itself, campaign lists and the settlement report, byte for byte as docs/api.md
 * shows them (and as they were while the answer was one untyped field).
 */
class HttpAnswersTest
{
    private static final String HEAD = "\",\"funder\":\"Bank\",\"binPrefixes\":[\"622260\"],\"mccs\":[\"5411\"]," +
        "\"merchantIds\":[\"M1\"],\"currency\":\"CNY\",\"startsAt\":\"2026-01-01T00:00+08:00\"," +
        "\"endsAt\":\"2030-12-31T23:59:59+08:00\",\"minAmount\":1000,\"discount\":";
    private static final String TAIL = ",\"perCardLimit\":3,\"perCardDailyLimit\":null,\"perCardMonthlyLimit\":null," +
        "\"budget\":1000000,\"dailyBudget\":null,\"maxRedemptions\":500,\"dailyMaxRedemptions\":null," +
        "\"onReversal\":\"CONSUME\",\"status\":\"ACTIVE\",\"redemptions\":2,\"discountGranted\":300," +
        "\"remainingBudget\":999700}";
    private static final DiscountRule FIXED = new DiscountRule.Fixed(1_234);
    private static final DiscountRule TIERED = new DiscountRule.Tiered(
        List.of(new DiscountRule.Tier(200_000, 20_000), new DiscountRule.Tier(100_000, 10_000)));
    private static final String TIERED_JSON = "{\"type\":\"TIERED\",\"tiers\":[{\"minAmount\":200000,\"amount\":20000}," +
        "{\"minAmount\":100000,\"amount\":10000}]}";

    private final HttpAnswers answers = new HttpAnswers(ZoneId.of("Asia/Shanghai"));
    private final SwitchCommand command = new SwitchCommand();

    @Test
    void shouldDescribeEachDiscountRuleAsTheOperatorApiShowsIt()
    {
        assertThat(campaign(FIXED)).isEqualTo(campaignJson("C", "{\"type\":\"FIXED\",\"amount\":1234}"));
        assertThat(campaign(new DiscountRule.Percent(500, 2_000)))
            .isEqualTo(campaignJson("C", "{\"type\":\"PERCENT\",\"basisPoints\":500,\"cap\":2000}"));
        assertThat(campaign(new DiscountRule.RandomAmount(100, 888)))
            .isEqualTo(campaignJson("C", "{\"type\":\"RANDOM\",\"min\":100,\"max\":888}"));
        assertThat(campaign(TIERED)).isEqualTo(campaignJson("C", TIERED_JSON));
    }

    @Test
    void shouldListCampaignsAndAnswerACodeOnlyWhenThereIsNoList()
    {
        answered(CommandType.GET_CAMPAIGNS);
        command.campaigns = List.of(figures("A", FIXED), figures("B", TIERED));
        assertThat(write(AnswerKind.CAMPAIGNS)).isEqualTo("[" + campaignJson("A", "{\"type\":\"FIXED\",\"amount\":1234}") +
            "," + campaignJson("B", TIERED_JSON) + "]");

        command.campaigns = null;
        assertThat(write(AnswerKind.CAMPAIGNS)).isEqualTo("{\"responseCode\":\"00\"}");
    }

    @Test
    void shouldWriteTheSettlementReportByFunder()
    {
        answered(CommandType.DISCOUNT_REPORT);
        command.funders = List.of(new FunderSettlement("Bank", List.of(figures("A", FIXED), figures("B", TIERED)),
            800, 200, 600));

        final String perCampaign = "\"redemptions\":3,\"discountGranted\":400,\"redemptionsRestored\":1," +
            "\"discountRestored\":100,\"discountOwed\":300}";
        assertThat(write(AnswerKind.SETTLEMENT)).isEqualTo("{\"funders\":[{\"funder\":\"Bank\",\"discountGranted\":800," +
            "\"discountRestored\":200,\"discountOwed\":600,\"campaigns\":[{\"campaignId\":\"A\"," + perCampaign +
            ",{\"campaignId\":\"B\"," + perCampaign + "]}]}");
    }

    @Test
    void shouldWriteTheTransactionTotalsPerMerchantAndCurrency()
    {
        answered(CommandType.TRANSACTION_REPORT);
        command.merchantTotals = List.of(
            new MerchantTransactionTotals("M1", 156, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
            new MerchantTransactionTotals("M2", 978, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        assertThat(write(AnswerKind.TRANSACTION_TOTALS)).isEqualTo("{\"merchants\":[" +
            "{\"merchantId\":\"M1\",\"currency\":\"CNY\",\"authorizations\":1,\"authorizedAmount\":2," +
            "\"discountGranted\":3,\"chargedAmount\":4,\"captures\":5,\"capturedAmount\":6,\"refunds\":7," +
            "\"refundedAmount\":8,\"reversals\":9,\"reversedAmount\":10,\"expiries\":11,\"expiredAmount\":12}," +
            "{\"merchantId\":\"M2\",\"currency\":\"EUR\",\"authorizations\":0,\"authorizedAmount\":0," +
            "\"discountGranted\":0,\"chargedAmount\":0,\"captures\":0,\"capturedAmount\":0,\"refunds\":0," +
            "\"refundedAmount\":0,\"reversals\":0,\"reversedAmount\":0,\"expiries\":0,\"expiredAmount\":0}]}");
    }

    private String campaign(final DiscountRule rule)
    {
        answered(CommandType.GET_CAMPAIGNS);
        command.campaign = figures("C", rule);
        return write(AnswerKind.CAMPAIGN);
    }

    private void answered(final CommandType type)
    {
        command.reset();
        command.type = type;
        command.responseCode = ResponseCode.APPROVED;
    }

    private String write(final AnswerKind kind)
    {
        final ByteBuf out = Unpooled.buffer();
        try
        {
            answers.write(command, kind, out);
            return out.toString(StandardCharsets.UTF_8);
        }
        finally
        {
            out.release();
        }
    }

    private static String campaignJson(final String id, final String rule)
    {
        return "{\"campaignId\":\"" + id + HEAD + rule + TAIL;
    }

    private static CampaignFigures figures(final String id, final DiscountRule rule)
    {
        final CampaignDefinition definition = new CampaignDefinition(id, "Bank", List.of("622260"), List.of(5411),
            List.of("M1"), 156, OffsetDateTime.parse("2026-01-01T00:00+08:00"),
            OffsetDateTime.parse("2030-12-31T23:59:59+08:00"), 1_000, rule, 3, CampaignDefinition.NO_LIMIT,
            CampaignDefinition.NO_LIMIT, 1_000_000, CampaignDefinition.NO_LIMIT, 500, CampaignDefinition.NO_LIMIT,
            OnReversal.CONSUME);
        return new CampaignFigures(definition, CampaignStatus.ACTIVE, 2, 300, 999_700, 3, 400, 1, 100);
    }
}
