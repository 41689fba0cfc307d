package org.payswitch.tools;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordFilterTest
{
    @Test
    void shouldReadInstantsWithAnyOffset()
    {
        assertThat(RecordFilter.instant("--from", "2026-11-11T00:00:00+08:00"))
            .isEqualTo(RecordFilter.instant("--from", "2026-11-10T16:00:00Z"))
            .isEqualTo(1_794_326_400_000L);
        assertThat(RecordFilter.instant("--to", "2026-11-10T16:00:00.250Z")).isEqualTo(1_794_326_400_250L);
    }

    @Test
    void shouldRefuseAnInstantWithoutAnOffsetNamingTheOption()
    {
        assertThatThrownBy(() -> RecordFilter.instant("--to", "2026-11-11T00:00:00"))
            .isInstanceOf(BadOptionException.class)
            .hasMessageStartingWith("--to: '2026-11-11T00:00:00' is not accepted; use an ISO-8601 instant");
    }

    @Test
    void shouldReadTypesInAnyCaseRepeatedOrCommaSeparated()
    {
        assertThat(RecordFilter.types("--type", List.of("authorize, Capture", "REFUND")))
            .isEqualTo(EnumSet.of(CommandType.AUTHORIZE, CommandType.CAPTURE, CommandType.REFUND));
        assertThatThrownBy(() -> RecordFilter.types("--type", List.of("AUTHORISE")))
            .hasMessage("--type: 'AUTHORISE' is not accepted; use the journaled command types: AUTHORIZE, CAPTURE, " +
                "REVERSAL, REFUND, EXPIRE_HOLDS, UPSERT_CARD, SET_CARD_STATUS, UPSERT_MERCHANT, CREATE_CAMPAIGN, " +
                "PAUSE_CAMPAIGN, RESUME_CAMPAIGN, LOAD_DEMO_DATA, TAKE_SNAPSHOT");
        assertThatThrownBy(() -> RecordFilter.types("--type", List.of("GET_TRANSACTION")))
            .as("a query is never journaled: filtering on it would always print nothing")
            .hasMessageStartingWith("--type: 'GET_TRANSACTION' is not accepted");
    }

    @Test
    void shouldReadTwoCharacterCodesOnly()
    {
        assertThat(RecordFilter.codes("--code", List.of("00,51", "96")))
            .isEqualTo(EnumSet.of(ResponseCode.APPROVED, ResponseCode.INSUFFICIENT_FUNDS, ResponseCode.SYSTEM_MALFUNCTION));
        assertThatThrownBy(() -> RecordFilter.codes("--code", List.of("000"))).hasMessageStartingWith("--code: '000'");
        assertThatThrownBy(() -> RecordFilter.codes("--code", List.of("99"))).hasMessageStartingWith("--code: '99'")
            .hasMessageEndingWith("00, 03, 05, 12, 13, 14, 25, 30, 41, 43, 51, 54, 57, 61, 91, 94, 96");
    }

    @Test
    void shouldReadTransactionIdsAndCampaignNumbers()
    {
        assertThat(RecordFilter.positive("--transaction-id", "42")).isEqualTo(42);
        assertThat(RecordFilter.campaignNumber("--campaign", "0")).isZero();
        assertThatThrownBy(() -> RecordFilter.positive("--transaction-id", "0")).hasMessageContaining("above 0");
        assertThatThrownBy(() -> RecordFilter.campaignNumber("--campaign", "40000")).hasMessageContaining("0 to 32767");
    }
}
