package org.payswitch.tools.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;

class CardCsvTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldTurnALineIntoTheBodyOfPostCards() throws Exception
    {
        final CardCsv.Line line = CardCsv.parse("6222600000000006,3012,ACTIVE,CNY,5000000,200000,");

        assertThat(line.problem()).isNull();
        assertThat(line.pan()).isEqualTo(6222600000000006L);
        assertThat(line.panLength()).isEqualTo(16);
        final JsonNode body = JSON.readTree(line.body());
        assertThat(body.get("pan").asText()).isEqualTo("6222600000000006");
        assertThat(body.get("expiry").asText()).isEqualTo("3012");
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.get("currency").asText()).isEqualTo("CNY");
        assertThat(body.get("creditLimit").asLong()).isEqualTo(5_000_000L);
        assertThat(body.get("perTransactionLimit").asLong()).isEqualTo(200_000L);
        assertThat(body.get("dailyLimit").isNull()).isTrue();
    }

    @Test
    void shouldWriteRowsThatReadBackAsTheSameCard() throws Exception
    {
        final String row = CardCsv.row(DemoData.panText(7), DemoData.EXPIRY, "BLOCKED", "CNY", 123);

        assertThat(row).isEqualTo(DemoData.panText(7) + ",3012,BLOCKED,CNY,123,,");
        final JsonNode body = JSON.readTree(CardCsv.parse(row).body());
        assertThat(body.get("status").asText()).isEqualTo("BLOCKED");
        assertThat(body.get("creditLimit").asLong()).isEqualTo(123);
        assertThat(body.get("perTransactionLimit").isNull()).isTrue();
    }

    @Test
    void shouldNameWhatIsWrongWithALineWithoutShowingItsPan()
    {
        assertThat(CardCsv.parse("6222600000000006,3012,ACTIVE,CNY,5000000").problem())
            .isEqualTo("expected 7 columns (" + CardCsv.HEADER + "), found 5");
        assertThat(CardCsv.parse("62226000000A0006,3012,ACTIVE,CNY,5000000,,").problem())
            .isEqualTo("pan: not 12 to 19 digits");
        assertThat(CardCsv.parse("62226000000,3012,ACTIVE,CNY,5000000,,").problem())
            .isEqualTo("pan: not 12 to 19 digits");
        assertThat(CardCsv.parse("6222600000000006,3012,ACTIVE,CNY,50000.00,,").problem())
            .isEqualTo("creditLimit: not a whole number of minor units");
        assertThat(CardCsv.parse("6222600000000006,3012,ACTIVE,CNY,5000000,,1e5").problem())
            .isEqualTo("dailyLimit: not a whole number of minor units (empty for no limit)");
        assertThat(CardCsv.parse("6222600000000006,3012,ACTIVE,CNY,,,").problem())
            .isEqualTo("creditLimit: not a whole number of minor units");
    }

    @Test
    void shouldKeepTheBodyValidJsonWhateverTheTextFieldsHold() throws Exception
    {
        final CardCsv.Line line = CardCsv.parse("6222600000000006,30\"12, AC\\TIVE ,C\u0001NY,-5,,");

        assertThat(line.problem()).isNull();
        final JsonNode body = JSON.readTree(line.body());
        assertThat(body.get("expiry").asText()).isEqualTo("30\"12");
        assertThat(body.get("status").asText()).isEqualTo("AC\\TIVE");
        assertThat(body.get("currency").asText()).isEqualTo("C\u0001NY");
        assertThat(body.get("creditLimit").asLong()).isEqualTo(-5);
    }
}
