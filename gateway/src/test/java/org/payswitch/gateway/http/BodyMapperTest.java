package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.gateway.json.JsonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cold-path bodies mapped by Jackson (docs/api.md section 3): the records they make, and for
 * each kind of fault the field an error names and its words, as the hand-written parser of these
 * bodies answered before (money as JSON integers within a long, no coercion, unknown fields
 * skipped, a later duplicate wins, 32 levels of nesting).
 */
class BodyMapperTest
{
    private static final String CARD = "{\"pan\":\"6222601234567893\",\"expiry\":\"3012\",\"status\":\"ACTIVE\"," +
        "\"currency\":\"CNY\",\"creditLimit\":50000,\"perTransactionLimit\":null,\"dailyLimit\":7000}";
    private static final String CAMPAIGN = "{\"campaignId\":\"H-CAMP\",\"funder\":\"HTTP Bank\"," +
        "\"binPrefixes\":[\"518888\"],\"mccs\":[\"5411\"],\"merchantIds\":[],\"currency\":\"CNY\"," +
        "\"startsAt\":\"2026-01-01T00:00:00+08:00\",\"endsAt\":\"2030-12-31T23:59:59+08:00\",\"minAmount\":1000," +
        "\"discount\":{\"type\":\"TIERED\",\"tiers\":[{\"minAmount\":1000,\"amount\":100}]},\"perCardLimit\":null," +
        "\"budget\":100000,\"onReversal\":\"CONSUME\"}";
    private static final String FIXED = "{\"type\":\"TIERED\",\"tiers\":[{\"minAmount\":1000,\"amount\":100}]}";

    private static <T> T read(final String body, final Class<T> type, final Map<String, String> fields,
        final String... notNull)
    {
        return BodyMapper.read(Unpooled.copiedBuffer(body, StandardCharsets.UTF_8), type, fields, notNull);
    }

    private static CardDefinition card(final String body)
    {
        return read(body, CardBodies.Card.class, CardBodies.CARD_FIELDS).definition();
    }

    private static CampaignDefinition campaign(final String body)
    {
        return read(body, CampaignBody.class, CampaignBody.FIELDS, CampaignBody.NOT_NULL).definition();
    }

    private static LifecycleBodies.Capture capture(final String body)
    {
        return read(body, LifecycleBodies.Capture.class, LifecycleBodies.FIELDS);
    }

    private static void assertProblem(final Runnable mapping, final String field, final String message)
    {
        assertThatThrownBy(mapping::run).isInstanceOfSatisfying(JsonException.class, e ->
        {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void shouldMapACardOntoItsDefinition()
    {
        final CardDefinition card = card(CARD);

        assertThat(card.pan()).isEqualTo(6_222_601_234_567_893L);
        assertThat(card.panLength()).isEqualTo(16);
        assertThat(card.expiry()).isEqualTo(3012);
        assertThat(card.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(card.creditLimit()).isEqualTo(50_000);
        assertThat(card.perTransactionLimit()).isEqualTo(Money.NO_LIMIT);
        assertThat(card.dailyLimit()).isEqualTo(7_000);
    }

    @Test
    void shouldNameTheCardFieldAtFault()
    {
        assertProblem(() -> card(CARD.replace("\"6222601234567893\"", "6222601234567893")), "pan",
            "pan: a non-empty string is required");
        assertProblem(() -> card(CARD.replace("6222601234567893", "62226012345")), "pan", "pan: 12..19 digits");
        assertProblem(() -> card(CARD.replace("3012", "3013")), "expiry", "expiry: YYMM");
        assertProblem(() -> card(CARD.replace("ACTIVE", "GONE")), "status", "status: ACTIVE, BLOCKED, LOST or STOLEN");
        assertProblem(() -> card(CARD.replace("\"ACTIVE\"", "true")), "status",
            "status: a non-empty string is required");
        assertProblem(() -> card(CARD.replace("CNY", "XYZ")), "currency", "currency: a known ISO 4217 alphabetic code");
        assertProblem(() -> card(CARD.replace("50000", "\"50000\"")), "creditLimit",
            "creditLimit: an integer number of minor units");
        assertProblem(() -> card(CARD.replace("50000", "500.5")), "creditLimit",
            "creditLimit: an integer number of minor units");
        assertProblem(() -> card(CARD.replace("50000", "5e4")), "creditLimit",
            "creditLimit: an integer number of minor units");
        assertProblem(() -> card(CARD.replace(",\"creditLimit\":50000", "")), "creditLimit",
            "creditLimit: an integer number of minor units");
        assertProblem(() -> card(CARD.replace("7000", "99999999999999999999")), "dailyLimit",
            "dailyLimit: null or an integer");
        assertProblem(() -> card(CARD.replace("7000", "false")), "dailyLimit", "dailyLimit: null or an integer");
    }

    @Test
    void shouldMapAMerchantEnabledUnlessItSaysOtherwiseButNotNull()
    {
        final String merchant = "{\"merchantId\":\"M1\",\"name\":\"Shop\",\"mcc\":\"5411\"";
        final MerchantDefinition enabled = read(merchant + "}", CardBodies.Merchant.class, CardBodies.MERCHANT_FIELDS,
            CardBodies.MERCHANT_NOT_NULL).definition();
        assertThat(enabled).isEqualTo(new MerchantDefinition("M1", "Shop", 5411, true));

        assertProblem(() -> read(merchant + ",\"enabled\":null}", CardBodies.Merchant.class, CardBodies.MERCHANT_FIELDS,
            CardBodies.MERCHANT_NOT_NULL), "enabled", "enabled: true or false");
        assertThat(read(merchant + ",\"enabled\":null,\"enabled\":false}", CardBodies.Merchant.class,
            CardBodies.MERCHANT_FIELDS, CardBodies.MERCHANT_NOT_NULL).definition().enabled())
            .as("the later of two counts").isFalse();
        assertProblem(() -> read(merchant + ",\"enabled\":1}", CardBodies.Merchant.class, CardBodies.MERCHANT_FIELDS,
            CardBodies.MERCHANT_NOT_NULL), "enabled", "enabled: true or false");
        assertProblem(() -> read(merchant.replace("5411", "541") + "}", CardBodies.Merchant.class,
            CardBodies.MERCHANT_FIELDS).definition(), "mcc", "mcc: 4 digits");
        assertProblem(() -> read("{\"merchantId\":\"M1\",\"name\":\"Shop\"}", CardBodies.Merchant.class,
            CardBodies.MERCHANT_FIELDS).definition(), "mcc", "mcc: a non-empty string is required");
    }

    @Test
    void shouldMapACampaignWithItsDiscountByType()
    {
        final CampaignDefinition campaign = campaign(CAMPAIGN);

        assertThat(campaign.binPrefixes()).containsExactly("518888");
        assertThat(campaign.mccs()).containsExactly(5411);
        assertThat(campaign.minAmount()).isEqualTo(1000);
        assertThat(campaign.discount()).isEqualTo(new DiscountRule.Tiered(List.of(new DiscountRule.Tier(1000, 100))));
        assertThat(campaign.budget()).isEqualTo(100_000);
        assertThat(campaign.perCardLimit()).isEqualTo(Money.NO_LIMIT);
        assertThat(campaign.onReversal()).isEqualTo(OnReversal.CONSUME);
        final String fixed = "{\"type\":\"FIXED\",\"amount\":5,\"cap\":\"ignored\"}";
        assertThat(campaign(CAMPAIGN.replace(FIXED, fixed)).discount())
            .as("members of other types are not read").isEqualTo(new DiscountRule.Fixed(5));
        assertThat(campaign(CAMPAIGN.replace(",\"minAmount\":1000", "").replace(",\"onReversal\":\"CONSUME\"", "")))
            .satisfies(c ->
            {
                assertThat(c.minAmount()).isZero();
                assertThat(c.onReversal()).isEqualTo(OnReversal.RESTORE);
            });
    }

    @Test
    void shouldNameTheCampaignFieldAtFault()
    {
        assertProblem(() -> campaign(CAMPAIGN.replace("[\"518888\"]", "[1]")), "binPrefixes",
            "binPrefixes: an array of strings");
        assertProblem(() -> campaign(CAMPAIGN.replace("[\"518888\"]", "[null]")), "binPrefixes",
            "binPrefixes: an array of strings");
        assertProblem(() -> campaign(CAMPAIGN.replace("[\"518888\"]", "\"518888\"")), "binPrefixes",
            "binPrefixes: an array of strings");
        assertProblem(() -> campaign(CAMPAIGN.replace("[\"5411\"]", "[\"54\"]")), "mccs", "mccs: each is 4 digits");
        assertProblem(() -> campaign(CAMPAIGN.replace("2026-01-01T00:00:00+08:00", "2026-01-01")), "startsAt",
            "startsAt: an ISO-8601 date-time with offset");
        assertProblem(() -> campaign(CAMPAIGN.replace("\"minAmount\":1000,", "\"minAmount\":null,")), "minAmount",
            "minAmount: an integer number of minor units");
        assertProblem(() -> campaign(CAMPAIGN.replace("\"CONSUME\"", "null")), "onReversal",
            "onReversal: RESTORE or CONSUME");
        assertProblem(() -> campaign(CAMPAIGN.replace("\"CONSUME\"", "\"KEEP\"")), "onReversal",
            "onReversal: RESTORE or CONSUME");
        assertProblem(() -> campaign(CAMPAIGN.replace("\"budget\":100000", "\"budget\":\"1\"")), "budget",
            "budget: null or an integer");
    }

    @Test
    void shouldNameTheDiscountFieldAtFault()
    {
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "\"FIXED\"")), "discount",
            "discount: an object with a type");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "null")), "discount", "discount: an object with a type");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "{\"type\":\"BOGUS\"}")), "discount.type",
            "discount.type: FIXED, PERCENT, RANDOM or TIERED");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "{\"amount\":5}")), "discount.type",
            "discount.type: FIXED, PERCENT, RANDOM or TIERED");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "{\"type\":\"FIXED\",\"amount\":\"5\"}")),
            "discount.amount", "discount.amount: an integer");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "{\"type\":\"FIXED\",\"amount\":99999999999999999999}")),
            "discount.amount", "discount.amount: an integer");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "{\"type\":\"PERCENT\",\"basisPoints\":10001,\"cap\":1}")),
            "discount.basisPoints", "discount.basisPoints: 1..10000");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "{\"type\":\"RANDOM\",\"min\":1}")), "discount.max",
            "discount.max: an integer");
        assertProblem(() -> campaign(CAMPAIGN.replace("\"amount\":100}", "\"amount\":1.5}")), "discount.tiers",
            "discount.tiers: an integer");
        assertProblem(() -> campaign(CAMPAIGN.replace("[{\"minAmount\":1000,", "[7,{\"minAmount\":1000,")),
            "discount.tiers", "discount.tiers: an array of {minAmount, amount}");
        assertProblem(() -> campaign(CAMPAIGN.replace(FIXED, "{\"type\":\"TIERED\"}")), "discount.tiers",
            "discount.tiers: an array of {minAmount, amount}");
    }

    @Test
    void shouldReadCaptureAndRefundAmountsAsLongMinorUnits()
    {
        assertThat(capture("{\"amount\":8000}").amount()).isEqualTo(8000);
        assertThat(capture("{\"amount\":-0}").amount()).isZero();
        assertThat(capture("{\"amount\":null}").amount()).isNull();
        assertThat(capture("").amount()).as("no body is an empty object").isNull();
        assertThat(capture("{\"amount\":1,\"amount\":2,\"note\":{\"x\":[1.5,\"y\"]}}").amount())
            .as("a later duplicate wins; unknown fields are skipped").isEqualTo(2);
        assertThat(capture("{\"x\":" + "9".repeat(60_000) + "}").amount()).as("a huge unknown number").isNull();
        for (final String amount : new String[] {"1.5", "1e2", "\"1\"", "true", "[1]", "9223372036854775808",
            "9".repeat(60_000)})
        {
            assertProblem(() -> capture("{\"amount\":" + amount + "}"), "amount",
                "amount: an integer number of minor units");
        }
        final LifecycleBodies.Refund refund = read("{\"refundId\":\"R1\",\"amount\":5000}",
            LifecycleBodies.Refund.class, LifecycleBodies.FIELDS);
        assertThat(refund).isEqualTo(new LifecycleBodies.Refund("R1", 5000L));
        assertProblem(() -> read("{\"refundId\":5}", LifecycleBodies.Refund.class, LifecycleBodies.FIELDS), "refundId",
            "refundId: a non-empty string is required");
    }

    @Test
    void shouldRefuseWhatIsNoJsonObjectWithoutNamingAField()
    {
        assertProblem(() -> capture("[1]"), null, "body: a JSON object is required");
        assertProblem(() -> capture("null"), null, "body: a JSON object is required");
        assertProblem(() -> capture("   "), null, "body: a JSON object is required");
        assertProblem(() -> capture("{\"amount\":1"), null, "body: malformed JSON");
        assertProblem(() -> capture("{\"amount\":00012}"), null, "body: malformed JSON");
        assertProblem(() -> capture("{} x"), null, "body: malformed JSON");
        assertProblem(() -> capture("{} {}"), null, "body: trailing characters after the JSON value");
    }

    @Test
    void shouldRefuseNestingDeeperThan32LevelsNamingThePlainTopLevelField()
    {
        final String inner = "[".repeat(31) + "]".repeat(31);
        assertThat(capture("{\"x\":" + inner + "}").amount()).as("32 levels with the body's own").isNull();
        assertProblem(() -> capture("{\"x\":[" + inner + "]}"), "x", "x: nested deeper than 32 levels");
        assertProblem(() -> capture("{\"discount\":" + "[".repeat(60_000) + "}"), "discount",
            "discount: nested deeper than 32 levels");
        assertProblem(() -> campaign("{\"discount\":{\"amount\":" + "{\"a\":".repeat(40) + "}}"), "discount",
            "discount: nested deeper than 32 levels");
        assertProblem(() -> capture("{\"no echo\":" + "{\"a\":".repeat(40) + "}"), null,
            "body: nested deeper than 32 levels");
        assertProblem(() -> capture("[".repeat(33) + "]".repeat(33)), null, "body: nested deeper than 32 levels");
    }
}
