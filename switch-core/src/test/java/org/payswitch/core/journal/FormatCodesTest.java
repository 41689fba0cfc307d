package org.payswitch.core.journal;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Test;
import org.payswitch.core.discount.CampaignCodec;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.CommandType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codes every persisted enum is written with (docs/journal.md, "Format codes"), pinned
 * constant by constant, and the kind byte {@link CampaignCodec} writes for each discount rule: journals and snapshots already on disk hold these bytes, so a code may
 * never change, a constant may not be added without a code of its own, and an unknown code reads
 * as none (null), never as another constant. The tables are written out literally on purpose.
 */
class FormatCodesTest
{
    @Test
    void shouldKeepTheCommandTypeCodes()
    {
        final Map<CommandType, Integer> pinned = new LinkedHashMap<>();
        pinned.put(CommandType.AUTHORIZE, 0);
        pinned.put(CommandType.CAPTURE, 1);
        pinned.put(CommandType.REVERSAL, 2);
        pinned.put(CommandType.REFUND, 3);
        pinned.put(CommandType.EXPIRE_HOLDS, 4);
        pinned.put(CommandType.UPSERT_CARD, 5);
        pinned.put(CommandType.SET_CARD_STATUS, 6);
        pinned.put(CommandType.UPSERT_MERCHANT, 7);
        pinned.put(CommandType.CREATE_CAMPAIGN, 8);
        pinned.put(CommandType.PAUSE_CAMPAIGN, 9);
        pinned.put(CommandType.RESUME_CAMPAIGN, 10);
        pinned.put(CommandType.LOAD_DEMO_DATA, 11);
        pinned.put(CommandType.TAKE_SNAPSHOT, 12);
        pinned.put(CommandType.GET_TRANSACTION, 13);
        pinned.put(CommandType.LOOKUP_CARD, 14);
        pinned.put(CommandType.GET_CAMPAIGNS, 15);
        pinned.put(CommandType.DISCOUNT_REPORT, 16);
        pinned.put(CommandType.TRANSACTION_REPORT, 17);

        assertPinned(CommandType.values(), pinned, CommandType::code, CommandType::fromCode);
    }

    @Test
    void shouldKeepTheResponseCodesStoredCodes()
    {
        final Map<ResponseCode, Integer> pinned = new LinkedHashMap<>();
        pinned.put(ResponseCode.APPROVED, 0);
        pinned.put(ResponseCode.INVALID_MERCHANT, 1);
        pinned.put(ResponseCode.DO_NOT_HONOUR, 2);
        pinned.put(ResponseCode.INVALID_TRANSACTION, 3);
        pinned.put(ResponseCode.INVALID_AMOUNT, 4);
        pinned.put(ResponseCode.INVALID_CARD_NUMBER, 5);
        pinned.put(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL, 6);
        pinned.put(ResponseCode.FORMAT_ERROR, 7);
        pinned.put(ResponseCode.LOST_CARD, 8);
        pinned.put(ResponseCode.STOLEN_CARD, 9);
        pinned.put(ResponseCode.INSUFFICIENT_FUNDS, 10);
        pinned.put(ResponseCode.EXPIRED_CARD, 11);
        pinned.put(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER, 12);
        pinned.put(ResponseCode.EXCEEDS_AMOUNT_LIMIT, 13);
        pinned.put(ResponseCode.SWITCH_UNAVAILABLE, 14);
        pinned.put(ResponseCode.DUPLICATE_TRANSMISSION, 15);
        pinned.put(ResponseCode.SYSTEM_MALFUNCTION, 16);

        assertPinned(ResponseCode.values(), pinned, ResponseCode::storedCode, ResponseCode::fromStoredCode);
        assertThat(ResponseCode.fromStoredCode(0xFF)).as("0xFF is the journal's 'no decision'").isNull();
    }

    @Test
    void shouldKeepTheCardStatusCodes()
    {
        final Map<CardStatus, Integer> pinned = new LinkedHashMap<>();
        pinned.put(CardStatus.ACTIVE, 0);
        pinned.put(CardStatus.BLOCKED, 1);
        pinned.put(CardStatus.LOST, 2);
        pinned.put(CardStatus.STOLEN, 3);

        assertPinned(CardStatus.values(), pinned, CardStatus::code, CardStatus::fromCode);
    }

    @Test
    void shouldKeepTheTransactionStatusCodes()
    {
        final Map<TransactionStatus, Integer> pinned = new LinkedHashMap<>();
        pinned.put(TransactionStatus.AUTHORIZED, 0);
        pinned.put(TransactionStatus.CAPTURED, 1);
        pinned.put(TransactionStatus.REFUNDED, 2);
        pinned.put(TransactionStatus.REVERSED, 3);
        pinned.put(TransactionStatus.EXPIRED, 4);
        pinned.put(TransactionStatus.DECLINED, 5);

        assertPinned(TransactionStatus.values(), pinned, TransactionStatus::code, TransactionStatus::fromCode);
    }

    @Test
    void shouldKeepTheOnReversalCodes()
    {
        final Map<OnReversal, Integer> pinned = new LinkedHashMap<>();
        pinned.put(OnReversal.RESTORE, 0);
        pinned.put(OnReversal.CONSUME, 1);

        assertPinned(OnReversal.values(), pinned, OnReversal::code, OnReversal::fromCode);
    }

    @Test
    void shouldKeepTheDiscountRuleKindCodes()
    {
        assertThat(ruleKind(new DiscountRule.Fixed(1_000), 8)).isEqualTo(0);
        assertThat(ruleKind(new DiscountRule.Percent(500, 2_000), 4 + 8)).isEqualTo(1);
        assertThat(ruleKind(new DiscountRule.RandomAmount(100, 888), 8 + 8)).isEqualTo(2);
        assertThat(ruleKind(new DiscountRule.Tiered(List.of(new DiscountRule.Tier(10_000, 500))), 4 + 8 + 8))
            .isEqualTo(3);
    }

    @Test
    void shouldKeepTheOnReversalCodeAsTheCampaignDefinitionsLastByte()
    {
        final byte[] restore = CampaignCodec.toBytes(campaign(new DiscountRule.Fixed(1_000), OnReversal.RESTORE));
        final byte[] consume = CampaignCodec.toBytes(campaign(new DiscountRule.Fixed(1_000), OnReversal.CONSUME));

        assertThat(restore[restore.length - 1]).isEqualTo((byte)0);
        assertThat(consume[consume.length - 1]).isEqualTo((byte)1);
    }

    /**
     * The byte {@link CampaignCodec} writes before a rule's {@code ruleBytes} fields, which are
     * followed by seven limits (longs) and the on-reversal byte.
     */
    private static int ruleKind(final DiscountRule rule, final int ruleBytes)
    {
        final byte[] bytes = CampaignCodec.toBytes(campaign(rule, OnReversal.RESTORE));
        return bytes[bytes.length - 1 - 7 * Long.BYTES - ruleBytes - 1];
    }

    private static CampaignDefinition campaign(final DiscountRule rule, final OnReversal onReversal)
    {
        final long none = CampaignDefinition.NO_LIMIT;
        return new CampaignDefinition("CODES", "Bank", List.of("622260"), List.of(), List.of(), 156,
            OffsetDateTime.parse("2026-01-01T00:00:00+08:00"), OffsetDateTime.parse("2026-12-31T00:00:00+08:00"), 0,
            rule, none, none, none, none, none, none, none, onReversal);
    }

    /**
     * Every constant is in the table with its code; each code reads back as its constant, as a
     * signed byte too; every other byte value reads as null.
     */
    private static <E extends Enum<E>> void assertPinned(
        final E[] constants, final Map<E, Integer> pinned, final ToIntFunction<E> code, final IntFunction<E> fromCode)
    {
        assertThat(pinned.keySet()).as("constants without a pinned code").containsExactlyInAnyOrder(constants);
        for (final E constant : constants)
        {
            assertThat(code.applyAsInt(constant)).as("code of %s", constant).isEqualTo(pinned.get(constant));
            assertThat(fromCode.apply(pinned.get(constant))).isSameAs(constant);
            assertThat(fromCode.apply((byte)(int)pinned.get(constant))).isSameAs(constant);
        }
        for (int value = -128; value < 256; value++)
        {
            if (!pinned.containsValue(value & 0xFF))
            {
                assertThat(fromCode.apply(value)).as("constant of unknown code %d", value).isNull();
            }
        }
    }
}
