package org.payswitch.core.journal;

import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operator payloads in journal records, from and to the command's typed fields: byte for byte
 * what records written while the payload was one untyped field hold, so existing journals replay.
 */
class PayloadCodecTest
{
    private static final HexFormat HEX = HexFormat.of();
    private static final String MERCHANT = "0200044d2d303100084d65726368616e740000161301";
    private static final String STOLEN = "0403";
    private static final String TEXT = "05000b53494e474c45532d444159";
    private static final String CAMPAIGN = "03000150000442616e6b00000002000636323232363000073531383838383000000002000015" +
        "23000016b40000000100024d310000009c0016323032362d30312d30315430303a30302b30383a30300019323033302d31322d333154" +
        "32333a35393a35392b30383a303000000000000003e801000001f400000000000007d00000000000000003000000000000000" +
        "17fffffffffffffff00000000000f42407fffffffffffffff00000000000001f47fffffffffffffff01";

    private static final CampaignDefinition DEFINITION = new CampaignDefinition("P", "Bank", List.of("622260",
        "5188880"), List.of(5411, 5812), List.of("M1"), 156, OffsetDateTime.parse("2026-01-01T00:00+08:00"),
        OffsetDateTime.parse("2030-12-31T23:59:59+08:00"), 1_000, new DiscountRule.Percent(500, 2_000), 3, 1,
        CampaignDefinition.NO_LIMIT, 1_000_000, CampaignDefinition.NO_LIMIT, 500, CampaignDefinition.NO_LIMIT,
        OnReversal.CONSUME);

    @Test
    void shouldWriteEachTypedFieldInTheBytesJournalsAlreadyHold()
    {
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.merchantDefinition = new MerchantDefinition("M-01", "Merchant", 5651, true);
        assertThat(HEX.formatHex(PayloadCodec.encode(command, null))).isEqualTo(MERCHANT);

        command.reset();
        command.cardStatus = CardStatus.STOLEN;
        assertThat(HEX.formatHex(PayloadCodec.encode(command, null))).isEqualTo(STOLEN);

        command.reset();
        command.campaignId = "SINGLES-DAY";
        assertThat(HEX.formatHex(PayloadCodec.encode(command, null))).isEqualTo(TEXT);

        command.reset();
        command.campaignDefinition = DEFINITION;
        assertThat(HEX.formatHex(PayloadCodec.encode(command, null))).isEqualTo(CAMPAIGN);

        command.reset();
        command.type = CommandType.AUTHORIZE;
        assertThat(command.hasPayload()).isFalse();
        assertThat(PayloadCodec.encode(command, null)).isEmpty();
    }

    @Test
    void shouldReadEachPayloadIntoItsOwnFieldOnly()
    {
        assertThat(decoded(MERCHANT).merchantDefinition).isEqualTo(new MerchantDefinition("M-01", "Merchant", 5651, true));
        assertThat(decoded(STOLEN).cardStatus).isEqualTo(CardStatus.STOLEN);
        assertThat(decoded(TEXT).campaignId).isEqualTo("SINGLES-DAY");
        final SwitchCommand campaign = decoded(CAMPAIGN);
        assertThat(campaign.campaignDefinition).isEqualTo(DEFINITION);
        assertThat(campaign.cardDefinition).isNull();
        assertThat(campaign.cardStatus).isNull();
        assertThat(campaign.merchantDefinition).isNull();
        assertThat(campaign.campaignId).isNull();
        assertThat(decoded("").hasPayload()).isFalse();
        assertThat(decoded("00").hasPayload()).isFalse();
    }

    @Test
    void shouldReadACardWrittenInClearByAVersion3Record()
    {
        final String card = "01" + "0013c6d1b4b6f6c0" + "10" + "00000b0d" + "01" + "0000009c" + "00000000000f4240" +
            "7fffffffffffffff" + "7fffffffffffffff";
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        PayloadCodec.decode(HEX.parseHex(card), JournalRecord.VERSION_IN_CLEAR, null, command);

        assertThat(command.cardDefinition).isEqualTo(new CardDefinition(0x0013c6d1b4b6f6c0L, 16, 2829, CardStatus.BLOCKED,
            156, 1_000_000, Long.MAX_VALUE, Long.MAX_VALUE));
    }

    private static SwitchCommand decoded(final String hex)
    {
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        PayloadCodec.decode(HEX.parseHex(hex), JournalRecord.VERSION, null, command);
        return command;
    }
}
