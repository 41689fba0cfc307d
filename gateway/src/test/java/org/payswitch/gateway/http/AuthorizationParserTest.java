package org.payswitch.gateway.http;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization body of docs/api.md section 3, field by field: what is read, what is refused and named. */
class AuthorizationParserTest
{
    private static final String VALID = "{\"merchantId\":\"M00000000000001\",\"orderId\":\"TM20261111000001\"," +
        "\"pan\":\"6222600000000006\",\"expiry\":\"3012\",\"amount\":12000,\"currency\":\"CNY\",\"mcc\":\"5651\"," +
        "\"capture\":false}";
    private static final String REQUIRED = "\"merchantId\":\"M1\",\"orderId\":\"O1\",\"pan\":\"6222600000000006\"," +
        "\"amount\":1,\"currency\":\"CNY\"";

    private final AuthorizationParser parser = new AuthorizationParser();
    private final SwitchCommand command = new SwitchCommand();
    private final FormatProblem problem = new FormatProblem();

    private boolean parse(final String json)
    {
        final ByteBuf body = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        try
        {
            command.reset();
            problem.clear();
            return parser.parse(body, command, problem);
        }
        finally
        {
            body.release();
        }
    }

    private void assertProblem(final String json, final String field, final String message)
    {
        assertThat(parse(json)).as(json).isFalse();
        assertThat(problem.field).as(json).isEqualTo(field);
        assertThat(problem.message).as(json).isEqualTo(message);
    }

    @Test
    void shouldReadEveryFieldOfTheContractsExample()
    {
        assertThat(parse(VALID)).isTrue();

        assertThat(command.type).isEqualTo(CommandType.AUTHORIZE);
        assertThat(command.merchantId.toString()).isEqualTo("M00000000000001");
        assertThat(command.orderId.toString()).isEqualTo("TM20261111000001");
        assertThat(command.pan).isEqualTo(6_222_600_000_000_006L);
        assertThat(command.panLength).isEqualTo(16);
        assertThat(command.expiry).isEqualTo(3012);
        assertThat(command.amount).isEqualTo(12_000);
        assertThat(command.currency).isEqualTo(Currencies.numericOf("CNY"));
        assertThat(command.mcc).isEqualTo(5651);
        assertThat(command.capture).isFalse();
    }

    @Test
    void shouldLeaveOutOptionalFieldsOrTakeThemAsNull()
    {
        assertThat(parse("{" + REQUIRED + "}")).isTrue();
        assertThat(command.expiry).isEqualTo(SwitchCommand.NO_EXPIRY);
        assertThat(command.mcc).isEqualTo(SwitchCommand.NO_MCC);
        assertThat(command.capture).isFalse();

        assertThat(parse("{" + REQUIRED + ",\"expiry\":null,\"mcc\":null,\"capture\":true}")).isTrue();
        assertThat(command.expiry).isEqualTo(SwitchCommand.NO_EXPIRY);
        assertThat(command.mcc).isEqualTo(SwitchCommand.NO_MCC);
        assertThat(command.capture).isTrue();
    }

    @Test
    void shouldNameTheFieldOfTheWrongTypeOrShape()
    {
        assertProblem("{\"merchantId\":\"M 1\"}", "merchantId", "merchantId: 1..15 characters of [A-Za-z0-9_-]");
        assertProblem("{\"merchantId\":\"M0000000000000001\"}", "merchantId",
            "merchantId: 1..15 characters of [A-Za-z0-9_-]");
        assertProblem("{\"orderId\":\"\"}", "orderId", "orderId: 1..40 characters of [A-Za-z0-9_-]");
        assertProblem("{\"orderId\":7}", "orderId", "orderId: 1..40 characters of [A-Za-z0-9_-]");
        assertProblem("{\"pan\":\"62226000000\"}", "pan", "pan: 12..19 digits");
        assertProblem("{\"pan\":6222600000000006}", "pan", "pan: 12..19 digits");
        assertProblem("{\"expiry\":\"3013\"}", "expiry", "expiry: YYMM");
        assertProblem("{\"expiry\":3012}", "expiry", "expiry: YYMM");
        assertProblem("{\"amount\":\"100\"}", "amount", "amount: an integer number of minor units");
        assertProblem("{\"amount\":12.5}", "amount", "amount: an integer number of minor units");
        assertProblem("{\"amount\":1e3}", "amount", "amount: an integer number of minor units");
        assertProblem("{\"amount\":99999999999999999999}", "amount", "amount: an integer number of minor units");
        assertProblem("{\"currency\":\"XYZ\"}", "currency", "currency: a known ISO 4217 alphabetic code");
        assertProblem("{\"mcc\":\"541\"}", "mcc", "mcc: 4 digits");
        assertProblem("{\"capture\":\"true\"}", "capture", "capture: true or false");
    }

    @Test
    void shouldTakeWhatTheEngineDecidesAsWellFormed()
    {
        assertThat(parse("{" + REQUIRED.replace("\"amount\":1", "\"amount\":-5") + "}")).isTrue();
        assertThat(command.amount).isEqualTo(-5);
        assertThat(parse("{" + REQUIRED.replace("6222600000000006", "6222600000000007") + "}")).as("Luhn").isTrue();
    }

    @Test
    void shouldNameTheFirstMissingFieldInTheContractsOrder()
    {
        assertProblem("{}", "merchantId", "merchantId: required");
        assertProblem("{\"merchantId\":\"M1\"}", "orderId", "orderId: required");
        assertProblem("{\"merchantId\":\"M1\",\"orderId\":\"O\"}", "pan", "pan: required");
        assertProblem("{\"merchantId\":\"M1\",\"orderId\":\"O\",\"pan\":\"6222600000000006\"}", "amount",
            "amount: required");
        assertProblem("{\"merchantId\":\"M1\",\"orderId\":\"O\",\"pan\":\"6222600000000006\",\"amount\":1}",
            "currency", "currency: required");
    }

    @Test
    void shouldRefuseWhatIsNoJsonObjectWithoutNamingAField()
    {
        assertProblem("[1]", null, "body: a JSON object is required");
        assertProblem("", null, "body: a JSON object is required");
        assertProblem("{" + REQUIRED, null, "body: malformed JSON object");
        assertProblem("{" + REQUIRED + "} x", null, "body: trailing characters after the JSON object");
        assertProblem("{\"merchantId\" \"M1\"}", null, "body: malformed JSON object");
        assertProblem("{" + REQUIRED + ",\"extra\":[1,]}", null, "body: malformed JSON");
        assertProblem("{" + REQUIRED + ",\"extra\":01}", null, "body: malformed JSON object");
    }

    @Test
    void shouldLetALaterDuplicateWin()
    {
        assertThat(parse("{" + REQUIRED + ",\"amount\":7,\"mcc\":\"5411\",\"mcc\":null}")).isTrue();
        assertThat(command.amount).isEqualTo(7);
        assertThat(command.mcc).isEqualTo(SwitchCommand.NO_MCC);
    }

    @Test
    void shouldSkipUnknownFieldsWhateverTheirName()
    {
        final String longName = "a_field_name_longer_than_forty_characters_all_plain";
        assertThat(parse("{\"" + longName + "\":{\"x\":[1,2.5e3,\"y\"]}," + REQUIRED + ",\"\u4e2d\u6587\":true," +
            "\"tab\\there\":null}")).isTrue();
        assertThat(command.amount).isEqualTo(1);
    }

    @Test
    void shouldReadEscapedNamesAndValues()
    {
        assertThat(parse("{" + REQUIRED.replace("\"amount\"", "\"\\u0061mount\"").replace("\"O1\"", "\"O\\u0031\"") +
            "}")).isTrue();
        assertThat(command.orderId.toString()).isEqualTo("O1");
    }

    @Test
    void shouldNameAPlainUnknownFieldUpToFortyCharactersWhenItIsTooDeep()
    {
        final String forty = "f".repeat(40);
        assertProblem("{\"" + forty + "\":" + "[".repeat(40) + "}", forty, forty + ": nested deeper than 32 levels");
        assertProblem("{\"" + forty + "g\":" + "[".repeat(40) + "}", null, "body: nested deeper than 32 levels");
    }

    @Test
    void shouldParseWithoutAllocating()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final ByteBuf body = Unpooled.copiedBuffer(VALID, StandardCharsets.UTF_8);
        final ByteBuf direct = Unpooled.directBuffer(VALID.length()).writeBytes(body.duplicate());
        for (int i = 0; i < 20_000; i++)
        {
            command.reset();
            parser.parse(body, command, problem);
            parser.parse(direct, command, problem);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            command.reset();
            parser.parse(body, command, problem);
            parser.parse(direct, command, problem);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated by 20 000 parses").isLessThan(1_024);
        body.release();
        direct.release();
    }
}
