package org.payswitch.core.discount;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.Problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What each rule says of itself: its binary form (byte for byte what journals and snapshots
 * written before the rules carried their own behaviour hold, so they still replay), its fields
 * for the operator API, its validation and its discount outside the engine.
 */
class DiscountRuleFormsTest
{
    private static final String HEAD = "000442616e6b0000000200063632323236300007353138383838300000000200001523000016b4" +
        "0000000100024d310000009c0016323032362d30312d30315430303a30302b30383a30300019323033302d31322d33315432333a3" +
        "5393a35392b30383a303000000000000003e8";
    private static final String TAIL = "000000000000000300000000000000017fffffffffffffff00000000000f42407fffffffffffffff" +
        "00000000000001f47fffffffffffffff01";

    private static final DiscountRule FIXED = new DiscountRule.Fixed(1_234);
    private static final DiscountRule PERCENT = new DiscountRule.Percent(500, 2_000);
    private static final DiscountRule RANDOM = new DiscountRule.RandomAmount(100, 888);
    private static final DiscountRule TIERED = new DiscountRule.Tiered(
        List.of(new DiscountRule.Tier(200_000, 20_000), new DiscountRule.Tier(100_000, 10_000)));

    /** Every field of the definition set, so the rule sits between known bytes. */
    static CampaignDefinition definition(final String id, final DiscountRule rule)
    {
        return new CampaignDefinition(id, "Bank", List.of("622260", "5188880"), List.of(5411, 5812), List.of("M1"),
            156, OffsetDateTime.parse("2026-01-01T00:00+08:00"), OffsetDateTime.parse("2030-12-31T23:59:59+08:00"),
            1_000, rule, 3, 1, CampaignDefinition.NO_LIMIT, 1_000_000, CampaignDefinition.NO_LIMIT, 500,
            CampaignDefinition.NO_LIMIT, OnReversal.CONSUME);
    }

    @Test
    void shouldWriteEveryRuleInTheBytesJournalsAlreadyHold()
    {
        assertBytes("C-Fixed", FIXED, "0007432d4669786564", "0000000000000004d2");
        assertBytes("C-Percent", PERCENT, "0009432d50657263656e74", "01000001f400000000000007d0");
        assertBytes("C-RandomAmount", RANDOM, "000e432d52616e646f6d416d6f756e74",
            "0200000000000000640000000000000378");
        assertBytes("C-Tiered", TIERED, "0008432d546965726564",
            "03000000020000000000030d400000000000004e2000000000000186a00000000000002710");
    }

    @Test
    void shouldReadBackEveryRuleAsWrittenAndRefuseAnUnknownKind()
    {
        for (final DiscountRule rule : List.of(FIXED, PERCENT, RANDOM, TIERED))
        {
            final CampaignDefinition definition = definition("RT", rule);
            assertThat(CampaignCodec.fromBytes(CampaignCodec.toBytes(definition))).isEqualTo(definition);
        }
        final byte[] unknown = HexFormat.of().parseHex("0007432d4669786564" + HEAD + "07" + "00000000000004d2" + TAIL);
        assertThatThrownBy(() -> CampaignCodec.fromBytes(unknown)).hasMessage("unknown discount type 7");
    }

    @Test
    void shouldNameItsKindAndFieldsInTheOrderTheOperatorApiShowsThem()
    {
        assertThat(describe(FIXED)).containsExactly("FIXED", "amount=1234");
        assertThat(describe(PERCENT)).containsExactly("PERCENT", "basisPoints=500", "cap=2000");
        assertThat(describe(RANDOM)).containsExactly("RANDOM", "min=100", "max=888");
        assertThat(describe(TIERED)).containsExactly("TIERED", "tiers=" + ((DiscountRule.Tiered)TIERED).tiers());
    }

    @Test
    void shouldNameTheBadFieldOfEachRule()
    {
        assertThat(FIXED.validate()).isNull();
        assertThat(new DiscountRule.Fixed(0).validate()).isEqualTo(Problem.of("discount.amount", "positive"));
        assertThat(new DiscountRule.Percent(10_001, 5).validate()).isEqualTo(Problem.of("discount.basisPoints", "1..10000"));
        assertThat(new DiscountRule.Percent(1, 0).validate()).isEqualTo(Problem.of("discount.cap", "positive"));
        assertThat(new DiscountRule.RandomAmount(0, 5).validate()).isEqualTo(Problem.of("discount.min", "positive"));
        assertThat(new DiscountRule.RandomAmount(6, 5).validate()).isEqualTo(Problem.of("discount.max", "at least min"));
        assertThat(new DiscountRule.Tiered(List.of()).validate()).isEqualTo(Problem.of("discount.tiers", "at least one tier"));
        assertThat(new DiscountRule.Tiered(List.of(new DiscountRule.Tier(5, 1), new DiscountRule.Tier(5, 2)))
            .validate()).isEqualTo(Problem.of("discount.tiers", "minAmounts must differ"));
    }

    @Test
    void shouldTakeTheTierOfTheHighestMinimumReachedWhateverTheOrderOfTheTiers()
    {
        assertThat(TIERED.discount(99_999, 1, 0)).isZero();
        assertThat(TIERED.discount(100_000, 1, 0)).isEqualTo(10_000);
        assertThat(TIERED.discount(199_999, 1, 0)).isEqualTo(10_000);
        assertThat(TIERED.discount(200_000, 1, 0)).isEqualTo(20_000);
        assertThat(PERCENT.discount(19_999, 1, 0)).isEqualTo(999);
        assertThat(PERCENT.discount(1_000_000, 1, 0)).isEqualTo(2_000);
        assertThat(RANDOM.discount(10_000, 42, 3)).isEqualTo(RANDOM.discount(1, 42, 3)).isBetween(100L, 888L);
    }

    private static void assertBytes(final String id, final DiscountRule rule, final String idHex, final String ruleHex)
    {
        assertThat(HexFormat.of().formatHex(CampaignCodec.toBytes(definition(id, rule))))
            .isEqualTo(idHex + HEAD + ruleHex + TAIL);
    }

    private static List<String> describe(final DiscountRule rule)
    {
        final List<String> seen = new ArrayList<>();
        seen.add(rule.kind().name());
        rule.describe(new DiscountRule.Fields()
        {
            @Override
            public void number(final String name, final long value)
            {
                seen.add(name + "=" + value);
            }

            @Override
            public void tiers(final List<DiscountRule.Tier> tiers)
            {
                seen.add("tiers=" + tiers);
            }
        });
        return seen;
    }
}
