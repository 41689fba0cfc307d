package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.gateway.json.JsonCursor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization parser skips unknown fields nested up to the limit (counting its own object)
 * and answers a deeper one, such as the attacker's 60 000 {@code [}, with a format problem naming
 * the field, where it once overflowed the I/O thread's stack.
 */
class AuthorizationParserDepthTest
{
    private static final String VALID = "\"merchantId\":\"M00000000000001\",\"orderId\":\"O1\"," +
        "\"pan\":\"6222600000000006\",\"amount\":12000,\"currency\":\"CNY\"";

    private final AuthorizationParser parser = new AuthorizationParser();
    private final SwitchCommand command = new SwitchCommand();
    private final FormatProblem problem = new FormatProblem();

    private boolean parse(final String json)
    {
        final ByteBuf body = Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
        try
        {
            problem.clear();
            return parser.parse(body, command, problem);
        }
        finally
        {
            body.release();
        }
    }

    @Test
    void shouldSkipAnUnknownFieldNestedToTheLimit()
    {
        final int inner = JsonCursor.MAX_DEPTH - 1;
        assertThat(parse("{" + VALID + ",\"extra\":" + "[".repeat(inner) + "]".repeat(inner) + "}")).isTrue();
        assertThat(command.amount).isEqualTo(12000);
    }

    @Test
    void shouldAnswerAnUnknownFieldOfSixtyThousandBracketsWithAFormatProblemNamingIt()
    {
        assertThat(parse("{" + VALID + ",\"extra\":" + "[".repeat(60_000) + "}")).isFalse();
        assertThat(problem.field).isEqualTo("extra");
        assertThat(problem.message).isEqualTo("extra: nested deeper than 32 levels");
    }

    @Test
    void shouldAnswerOneLevelTooManyAsTooDeep()
    {
        final int inner = JsonCursor.MAX_DEPTH;
        assertThat(parse("{\"x\":" + "[".repeat(inner) + "]".repeat(inner) + "," + VALID + "}")).isFalse();
        assertThat(problem.message).isEqualTo("x: nested deeper than 32 levels");
    }

    @Test
    void shouldNotEchoAFieldNameThatIsNotPlain()
    {
        assertThat(parse("{\"a b\":" + "{\"a\":".repeat(40) + "}")).isFalse();
        assertThat(problem.field).isNull();
        assertThat(problem.message).isEqualTo("body: nested deeper than 32 levels");
    }

    @Test
    void shouldStillCallAMalformedUnknownFieldMalformed()
    {
        assertThat(parse("{" + VALID + ",\"extra\":[1,]}")).isFalse();
        assertThat(problem.message).isEqualTo("body: malformed JSON");
    }
}
