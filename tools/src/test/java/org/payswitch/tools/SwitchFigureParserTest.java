package org.payswitch.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SwitchFigureParser} on answers shaped as docs/api.md and the switch's {@code HttpAnswers}
 * write them: the figures the journal determines, by the names {@link JournalFigures} gives.
 */
class SwitchFigureParserTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldTakeEachCampaignsNetFiguresAndBudgetLeftButNotItsStatus() throws Exception
    {
        final NamedFigures figures = SwitchFigureParser.campaigns(JSON.readTree("[{\"campaignId\":\"A\"," +
            "\"funder\":\"Bank\",\"status\":\"ACTIVE\",\"budget\":100000,\"redemptions\":2,\"discountGranted\":2000," +
            "\"remainingBudget\":98000},{\"campaignId\":\"B\",\"status\":\"PAUSED\",\"budget\":null," +
            "\"redemptions\":0,\"discountGranted\":0,\"remainingBudget\":-1}]"));

        final NamedFigures expected = new NamedFigures();
        expected.put("campaign A redemptions", 2);
        expected.put("campaign A discountGranted", 2_000);
        expected.put("campaign A remainingBudget", 98_000);
        expected.put("campaign B redemptions", 0);
        expected.put("campaign B discountGranted", 0);
        expected.put("campaign B remainingBudget", -1);
        assertThat(figures.differences("", expected)).isEmpty();
    }

    @Test
    void shouldTakeEachCampaignAndFunderOfTheDiscountReport() throws Exception
    {
        final NamedFigures figures = SwitchFigureParser.discounts(JSON.readTree("{\"funders\":[{\"funder\":\"Bank\"," +
            "\"discountGranted\":3000,\"discountRestored\":1000,\"discountOwed\":2000,\"campaigns\":[{\"campaignId\":" +
            "\"A\",\"redemptions\":3,\"discountGranted\":3000,\"redemptionsRestored\":1,\"discountRestored\":1000," +
            "\"discountOwed\":2000}]}]}"));

        assertThat(figures.size()).isEqualTo(8);
        final NamedFigures oneOff = new NamedFigures();
        oneOff.put("campaign A redemptions", 3);
        oneOff.put("campaign A discountGranted", 3_000);
        oneOff.put("campaign A redemptionsRestored", 1);
        oneOff.put("campaign A discountRestored", 1_000);
        oneOff.put("campaign A discountOwed", 2_000);
        oneOff.put("funder 'Bank' discountGranted", 3_000);
        oneOff.put("funder 'Bank' discountRestored", 1_000);
        oneOff.put("funder 'Bank' discountOwed", 1_999);
        assertThat(figures.differences("x", oneOff)).extracting(Difference::line)
            .containsExactly("x funder 'Bank' discountOwed: journal 2000, switch 1999");
    }

    @Test
    void shouldTakeEveryFigureOfEachMerchantAndCurrencyOfTheTransactionReport() throws Exception
    {
        final NamedFigures figures = SwitchFigureParser.transactions(JSON.readTree("{\"merchants\":[" +
            "{\"merchantId\":\"M1\",\"currency\":\"CNY\",\"authorizations\":1,\"authorizedAmount\":2," +
            "\"discountGranted\":3,\"chargedAmount\":4,\"captures\":5,\"capturedAmount\":6,\"refunds\":7," +
            "\"refundedAmount\":8,\"reversals\":9,\"reversedAmount\":10,\"expiries\":11,\"expiredAmount\":12}]}"));

        final NamedFigures expected = new NamedFigures();
        for (int figure = 0; figure < SettlementTotals.FIGURES; figure++)
        {
            expected.put("merchant M1 CNY " + SettlementTotals.NAMES[figure], figure + 1);
        }
        assertThat(figures.differences("", expected)).isEmpty();
        assertThatThrownBy(() -> SwitchFigureParser.transactions(JSON.readTree("{\"merchants\":[{\"merchantId\":" +
            "\"M1\",\"currency\":\"CNY\",\"authorizations\":1}]}"))).hasMessageContaining("authorizedAmount");
    }

    @Test
    void shouldRefuseAnAnswerThatIsNotTheDocumentedShape() throws Exception
    {
        assertThatThrownBy(() -> SwitchFigureParser.campaigns(JSON.readTree("{\"responseCode\":\"96\"}")))
            .hasMessageContaining("GET /v1/campaigns");
        assertThatThrownBy(() -> SwitchFigureParser.transactions(JSON.readTree("[]")))
            .hasMessageContaining("GET /v1/reports/transactions");
        assertThatThrownBy(() -> SwitchFigureParser.campaigns(JSON.readTree("[{\"campaignId\":\"A\"," +
            "\"redemptions\":\"2\"}]"))).hasMessageContaining("redemptions");
    }
}
