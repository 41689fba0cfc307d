package org.payswitch.core.journal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.CommandArguments;
import org.payswitch.core.testing.EngineFixture;
import org.payswitch.core.testing.FixtureKeys;
import org.payswitch.core.testing.GoldenHex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every journaled command type written as a version 4 record from fixed inputs (a fixed time,
 * fixed ids and amounts, the TEST-ONLY keys of {@link FixtureKeys}), compared byte for byte with
 * the bytes pinned here, CRC-32C included: docs/journal.md's layout, the command type and response
 * codes ("Format codes"), the payload codecs. Sealed card data is pinned too: its nonce is the data
 * key's id and a counter, not random, so under a fixed data key it is fixed. The record is encoded
 * into a buffer full of other bytes first, so the padding of the id fields is shown to be zeros.
 * Each record must also pass the readers' check and decode to its type and code.
 */
class JournalRecordGoldenBytesTest
{
    private static final long TIME = EngineFixture.SINGLES_DAY;

    @TempDir
    Path dataDir;

    private JournalCards cards;
    private final SwitchCommand command = new SwitchCommand();

    @BeforeEach
    void sealUnderTheFixedDataKey()
    {
        cards = JournalCards.forWriting(FixtureKeys.fixedRing(dataDir));
    }

    @Test
    void shouldPinARecordOfEveryJournaledCommandType()
    {
        final Set<CommandType> pinned = EnumSet.noneOf(CommandType.class);
        final List<Supplier<String>> records = List.of(
            this::anAuthorizationOfACardOnFile, this::aSaleOfAPanNotOnFileWithItsCardDataSealed, this::aCapture,
            this::aReversalByMerchantAndOrderId, this::aRefund, this::anExpiryOfHolds,
            this::aCardDefinitionWithItsCardDataSealed, this::aCardStatusChange, this::aMerchantDefinition,
            this::aCampaignDefinition, this::aPauseOfACampaign, this::aResumeOfACampaignThatIsNotThere,
            this::aLoadOfTheDemoData, this::aSnapshotMarker);
        for (final Supplier<String> record : records)
        {
            record.get();
            pinned.add(command.type);
        }
        final Set<CommandType> journaled = EnumSet.noneOf(CommandType.class);
        for (final CommandType type : CommandType.values())
        {
            if (type.changesState())
            {
                journaled.add(type);
            }
        }
        assertThat(pinned).as("journaled command types with golden bytes").isEqualTo(journaled);
    }

    @Test
    void shouldWriteAnAuthorizationOfACardOnFile()
    {
        assertPinned(anAuthorizationOfACardOnFile());
    }

    private String anAuthorizationOfACardOnFile()
    {
        request(CommandType.AUTHORIZE, "M00000000000001", "ORDER-0001");
        command.pan = DemoData.pan(4);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = 20_000;
        command.currency = DemoData.CNY;
        command.cardOnFile = 4;
        decision(ResponseCode.APPROVED, 42, 1_000, 0);

        return """
            04 00 00 14 10 0f 0a 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            70 57 e5 72 01 00 00 00  # truncated PAN
            20 4e 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            2a 00 00 00 00 00 00 00  # transaction id decided
            e8 03 00 00 00 00 00 00  # discount
            04 00 00 00  # card number
            9c 00 00 00  # currency
            ff ff ff ff  # MCC
            00 00  # campaign
            00 00 00 00  # payload length
            4d 30 30 30 30 30 30 30 30 30 30 30 30 30 31  # merchant id
            4f 52 44 45 52 2d 30 30 30 31 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            a8 06 6f 8b  # CRC-32C
            """;
    }

    @Test
    void shouldWriteASaleOfAPanNotOnFileWithItsCardDataSealed()
    {
        assertPinned(aSaleOfAPanNotOnFileWithItsCardDataSealed());
    }

    private String aSaleOfAPanNotOnFileWithItsCardDataSealed()
    {
        request(CommandType.AUTHORIZE, "M00000000000002", "ORDER-0002");
        command.capture = true;
        command.pan = 4_111_111_111_111_111L;
        command.panLength = 16;
        command.expiry = 2812;
        command.amount = 5_000;
        command.currency = DemoData.CNY;
        command.mcc = 5411;
        decision(ResponseCode.INVALID_CARD_NUMBER, 0, 0, -1);

        return """
            04 00 05 09 10 0f 0a 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            c7 93 0a f5 00 00 00 00  # truncated PAN
            88 13 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            9c 00 00 00  # currency
            23 15 00 00  # MCC
            ff ff  # campaign
            00 00 00 00  # payload length
            4d 30 30 30 30 30 30 30 30 30 30 30 30 30 32  # merchant id
            4f 52 44 45 52 2d 30 30 30 32 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            01 00 00 00 01 00 00 00 00 00 00 00 7d 58 54 19  # sealed card data
            88 24 5e b2 35 d5 9a 8f 0d 52 09 6f 09 8b 5d c3  # sealed card data, continued
            e4 17 88 61 36 67 ac 00 fb  # sealed card data, continued
            8f 9f 75 41  # CRC-32C
            """;
    }

    @Test
    void shouldWriteACapture()
    {
        assertPinned(aCapture());
    }

    private String aCapture()
    {
        request(CommandType.CAPTURE, "", "");
        command.transactionId = 42;
        command.amount = 10_000;
        command.hasAmount = true;
        decision(ResponseCode.APPROVED, 42, 1_000, 0);

        return """
            04 01 00 02 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            10 27 00 00 00 00 00 00  # amount
            2a 00 00 00 00 00 00 00  # transaction id named
            2a 00 00 00 00 00 00 00  # transaction id decided
            e8 03 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            00 00  # campaign
            00 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            78 89 41 0b  # CRC-32C
            """;
    }

    @Test
    void shouldWriteAReversalByMerchantAndOrderId()
    {
        assertPinned(aReversalByMerchantAndOrderId());
    }

    private String aReversalByMerchantAndOrderId()
    {
        request(CommandType.REVERSAL, "M00000000000001", "ORDER-0001");
        decision(ResponseCode.APPROVED, 42, 1_000, 0);

        return """
            04 02 00 00 00 0f 0a 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            2a 00 00 00 00 00 00 00  # transaction id decided
            e8 03 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            00 00  # campaign
            00 00 00 00  # payload length
            4d 30 30 30 30 30 30 30 30 30 30 30 30 30 31  # merchant id
            4f 52 44 45 52 2d 30 30 30 31 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            7f 51 8c c0  # CRC-32C
            """;
    }

    @Test
    void shouldWriteARefund()
    {
        assertPinned(aRefund());
    }

    private String aRefund()
    {
        request(CommandType.REFUND, "", "");
        command.transactionId = 43;
        command.refundId.set("REFUND-1");
        command.amount = 2_000;
        command.hasAmount = true;
        decision(ResponseCode.APPROVED, 43, 0, -1);

        return """
            04 03 00 02 00 00 00 08  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            d0 07 00 00 00 00 00 00  # amount
            2b 00 00 00 00 00 00 00  # transaction id named
            2b 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            00 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            52 45 46 55 4e 44 2d 31 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            19 e2 75 e9  # CRC-32C
            """;
    }

    @Test
    void shouldWriteAnExpiryOfHolds()
    {
        assertPinned(anExpiryOfHolds());
    }

    private String anExpiryOfHolds()
    {
        request(CommandType.EXPIRE_HOLDS, "", "");
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 04 00 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            00 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            9c 1c 18 b5  # CRC-32C
            """;
    }

    @Test
    void shouldWriteACardDefinitionWithItsCardDataSealed()
    {
        assertPinned(aCardDefinitionWithItsCardDataSealed());
    }

    private String aCardDefinitionWithItsCardDataSealed()
    {
        request(CommandType.UPSERT_CARD, "", "");
        CommandArguments.set(command, new CardDefinition(DemoData.pan(7), 16, 3012, CardStatus.BLOCKED, DemoData.CNY, 2_000_000,
            50_000, Money.NO_LIMIT));
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 05 00 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            47 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            01 01 00 00 00 01 00 00 00 00 00 00 00 f3 09 12  # payload
            f9 c2 d0 42 b2 35 ed 9b 8f 0d ae ad 04 a3 ee 26  # payload, continued
            df 0f a5 02 c6 b6 40 3b 71 5b 01 00 00 00 9c 00  # payload, continued
            00 00 00 00 1e 84 80 00 00 00 00 00 00 c3 50 7f  # payload, continued
            ff ff ff ff ff ff ff  # payload, continued
            a6 ad 9c 46  # CRC-32C
            """;
    }

    @Test
    void shouldWriteACardStatusChange()
    {
        assertPinned(aCardStatusChange());
    }

    private String aCardStatusChange()
    {
        request(CommandType.SET_CARD_STATUS, "", "");
        command.pan = DemoData.pan(5);
        command.panLength = 16;
        CommandArguments.set(command, CardStatus.STOLEN);
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 06 00 08 10 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            2b 9f 74 73 01 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            02 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            01 00 00 00 01 00 00 00 00 00 00 00 81 35 0d 82  # sealed card data
            76 9c 46 b2 35 d6 6f 70 f2 67 b1 9a d4 a6 5d 4c  # sealed card data, continued
            8f b6 85 47 ad b8 83 14 5b  # sealed card data, continued
            04 03  # payload
            ac aa 73 d5  # CRC-32C
            """;
    }

    @Test
    void shouldWriteAMerchantDefinition()
    {
        assertPinned(aMerchantDefinition());
    }

    private String aMerchantDefinition()
    {
        request(CommandType.UPSERT_MERCHANT, "", "");
        CommandArguments.set(command, new MerchantDefinition("M00000000000003", "Golden merchant", 5812, false));
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 07 00 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            28 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            02 00 0f 4d 30 30 30 30 30 30 30 30 30 30 30 30  # payload
            30 33 00 0f 47 6f 6c 64 65 6e 20 6d 65 72 63 68  # payload, continued
            61 6e 74 00 00 16 b4 00  # payload, continued
            20 eb 77 1e  # CRC-32C
            """;
    }

    @Test
    void shouldWriteACampaignDefinition()
    {
        assertPinned(aCampaignDefinition());
    }

    private String aCampaignDefinition()
    {
        request(CommandType.CREATE_CAMPAIGN, "", "");
        CommandArguments.set(command, new CampaignDefinition("GOLDEN-TIERED", "Golden Bank", List.of("518888"), List.of(5812),
            List.of("M00000000000001"), DemoData.CNY, OffsetDateTime.parse("2026-11-01T00:00:00+08:00"),
            OffsetDateTime.parse("2026-11-30T23:59:59+08:00"), 1_000,
            new DiscountRule.Tiered(List.of(new DiscountRule.Tier(10_000, 500), new DiscountRule.Tier(50_000, 3_000))),
            2, 1, CampaignDefinition.NO_LIMIT, 10_000_000, 1_000_000, 5_000, CampaignDefinition.NO_LIMIT,
            OnReversal.CONSUME));
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 08 00 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            e3 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            03 00 0d 47 4f 4c 44 45 4e 2d 54 49 45 52 45 44  # payload
            00 0b 47 6f 6c 64 65 6e 20 42 61 6e 6b 00 00 00  # payload, continued
            01 00 06 35 31 38 38 38 38 00 00 00 01 00 00 16  # payload, continued
            b4 00 00 00 01 00 0f 4d 30 30 30 30 30 30 30 30  # payload, continued
            30 30 30 30 30 31 00 00 00 9c 00 16 32 30 32 36  # payload, continued
            2d 31 31 2d 30 31 54 30 30 3a 30 30 2b 30 38 3a  # payload, continued
            30 30 00 19 32 30 32 36 2d 31 31 2d 33 30 54 32  # payload, continued
            33 3a 35 39 3a 35 39 2b 30 38 3a 30 30 00 00 00  # payload, continued
            00 00 00 03 e8 03 00 00 00 02 00 00 00 00 00 00  # payload, continued
            27 10 00 00 00 00 00 00 01 f4 00 00 00 00 00 00  # payload, continued
            c3 50 00 00 00 00 00 00 0b b8 00 00 00 00 00 00  # payload, continued
            00 02 00 00 00 00 00 00 00 01 7f ff ff ff ff ff  # payload, continued
            ff ff 00 00 00 00 00 98 96 80 00 00 00 00 00 0f  # payload, continued
            42 40 00 00 00 00 00 00 13 88 7f ff ff ff ff ff  # payload, continued
            ff ff 01  # payload, continued
            a0 16 dc df  # CRC-32C
            """;
    }

    @Test
    void shouldWriteAPauseOfACampaign()
    {
        assertPinned(aPauseOfACampaign());
    }

    private String aPauseOfACampaign()
    {
        request(CommandType.PAUSE_CAMPAIGN, "", "");
        CommandArguments.set(command, "GOLDEN-TIERED");
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 09 00 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            10 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            05 00 0d 47 4f 4c 44 45 4e 2d 54 49 45 52 45 44  # payload
            57 d8 e0 46  # CRC-32C
            """;
    }

    @Test
    void shouldWriteAResumeOfACampaignThatIsNotThere()
    {
        assertPinned(aResumeOfACampaignThatIsNotThere());
    }

    private String aResumeOfACampaignThatIsNotThere()
    {
        request(CommandType.RESUME_CAMPAIGN, "", "");
        CommandArguments.set(command, "NO-SUCH-CAMPAIGN");
        decision(ResponseCode.INVALID_TRANSACTION, 0, 0, -1);

        return """
            04 0a 03 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            00 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            13 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            05 00 10 4e 4f 2d 53 55 43 48 2d 43 41 4d 50 41  # payload
            49 47 4e  # payload, continued
            d2 82 80 af  # CRC-32C
            """;
    }

    @Test
    void shouldWriteALoadOfTheDemoData()
    {
        assertPinned(aLoadOfTheDemoData());
    }

    private String aLoadOfTheDemoData()
    {
        request(CommandType.LOAD_DEMO_DATA, "", "");
        command.amount = 1_000;
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 0b 00 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            e8 03 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            00 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            4b 22 48 9f  # CRC-32C
            """;
    }

    @Test
    void shouldWriteASnapshotMarker()
    {
        assertPinned(aSnapshotMarker());
    }

    private String aSnapshotMarker()
    {
        request(CommandType.TAKE_SNAPSHOT, "", "");
        command.amount = 7;
        decision(ResponseCode.APPROVED, 0, 0, -1);

        return """
            04 0c 00 00 00 00 00 00  # version, type, response code, flags, lengths: PAN, merchant id, order id, refund id
            00 0c 30 c6 a1 01 00 00  # timestamp
            00 00 00 00 00 00 00 00  # truncated PAN
            07 00 00 00 00 00 00 00  # amount
            00 00 00 00 00 00 00 00  # transaction id named
            00 00 00 00 00 00 00 00  # transaction id decided
            00 00 00 00 00 00 00 00  # discount
            ff ff ff ff  # card number
            00 00 00 00  # currency
            ff ff ff ff  # MCC
            ff ff  # campaign
            00 00 00 00  # payload length
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # merchant id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00  # order id, continued
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id
            00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00  # refund id, continued
            00 00 00 00 00 00 00 00  # refund id, continued
            71 d7 d8 06  # CRC-32C
            """;
    }

    private void request(final CommandType type, final String merchantId, final String orderId)
    {
        command.reset();
        command.type = type;
        command.timestamp = TIME;
        command.merchantId.set(merchantId);
        command.orderId.set(orderId);
    }

    private void decision(final ResponseCode code, final long transactionId, final long discount, final int campaign)
    {
        command.responseCode = code;
        command.transaction.transactionId = transactionId;
        command.transaction.discount = discount;
        command.transaction.campaignNumber = campaign;
    }

    /** Encodes the command as the writer does, into a buffer of other bytes, and compares with {@code golden}. */
    private void assertPinned(final String golden)
    {
        final ByteBuffer direct = ByteBuffer.allocateDirect(JournalWriter.MAX_RECORD + RecordChecksum.LENGTH);
        final UnsafeBuffer buffer = new UnsafeBuffer(direct);
        buffer.setMemory(0, buffer.capacity(), (byte)0xA5);
        final byte[] payload = !command.hasPayload() ? new byte[0] : PayloadCodec.encode(command, cards);
        final int length = new RecordChecksum(0).seal(direct, buffer,
            JournalRecord.encode(command, buffer, 0, payload, payload.length, cards));
        final byte[] actual = new byte[length];
        buffer.getBytes(0, actual);

        assertThat(actual).as("%s record, as pinned:%n%s", command.type, annotated(actual))
            .isEqualTo(GoldenHex.parse(golden));
        final UnsafeBuffer view = new UnsafeBuffer(actual);
        assertThat(JournalRecord.problem(new RecordChecksum(JournalWriter.MAX_RECORD), view, length)).isNull();
        assertThat(JournalRecord.type(view, 0)).isEqualTo(command.type);
        assertThat(JournalRecord.responseCode(view, 0)).isEqualTo(command.responseCode);
    }

    /** The record as annotated hex, field by field (docs/journal.md's table). */
    static String annotated(final byte[] record)
    {
        final UnsafeBuffer view = new UnsafeBuffer(record);
        final int payloadAt = JournalRecord.payloadOffset(view, 0);
        final StringBuilder text = new StringBuilder();
        text.append(GoldenHex.line(record, 0, 8,
            "version, type, response code, flags, lengths: PAN, merchant id, order id, refund id"));
        text.append(GoldenHex.line(record, 8, 16, "timestamp"));
        text.append(GoldenHex.line(record, 16, 24, "truncated PAN"));
        text.append(GoldenHex.line(record, 24, 32, "amount"));
        text.append(GoldenHex.line(record, 32, 40, "transaction id named"));
        text.append(GoldenHex.line(record, 40, 48, "transaction id decided"));
        text.append(GoldenHex.line(record, 48, 56, "discount"));
        text.append(GoldenHex.line(record, 56, 60, "card number"));
        text.append(GoldenHex.line(record, 60, 64, "currency"));
        text.append(GoldenHex.line(record, 64, 68, "MCC"));
        text.append(GoldenHex.line(record, 68, 70, "campaign"));
        text.append(GoldenHex.line(record, 70, 74, "payload length"));
        text.append(GoldenHex.lines(record, 74, 89, "merchant id"));
        text.append(GoldenHex.lines(record, 89, 129, "order id"));
        text.append(GoldenHex.lines(record, 129, 169, "refund id"));
        if (payloadAt > JournalRecord.FIXED_LENGTH)
        {
            text.append(GoldenHex.lines(record, JournalRecord.FIXED_LENGTH, payloadAt, "sealed card data"));
        }
        if (record.length - RecordChecksum.LENGTH > payloadAt)
        {
            text.append(GoldenHex.lines(record, payloadAt, record.length - RecordChecksum.LENGTH, "payload"));
        }
        text.append(GoldenHex.line(record, record.length - RecordChecksum.LENGTH, record.length, "CRC-32C"));
        return text.toString();
    }
}
