package org.payswitch.gateway.json;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Depth limits of both hand-written JSON readers: the cursor's skip (the authorization path) and
 * the tree (the tools' reader of answers) accept {@link JsonCursor#MAX_DEPTH} levels, refuse one
 * more, and refuse 60 000 levels the same way, without a stack overflow. The operator bodies'
 * limit, in Jackson, is BodyMapperTest's.
 */
class JsonDepthTest
{
    private static ByteBuf body(final String json)
    {
        return Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
    }

    private static String nested(final int depth, final String open, final String close)
    {
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    @Test
    void shouldSkipValuesNestedToTheLimit()
    {
        final JsonCursor cursor = new JsonCursor();
        assertThat(cursor.wrap(body(nested(JsonCursor.MAX_DEPTH, "[", "]"))).skipValue()).isTrue();
        assertThat(cursor.atEnd()).isTrue();
        assertThat(cursor.wrap(body(nested(JsonCursor.MAX_DEPTH, "{\"a\":", "}"))).skipValue()).isTrue();
        assertThat(cursor.atEnd()).isTrue();
    }

    @Test
    void shouldRefuseOneLevelMoreAsTooDeep()
    {
        final JsonCursor cursor = new JsonCursor();
        assertThat(cursor.wrap(body(nested(JsonCursor.MAX_DEPTH + 1, "[", "]"))).skipValue()).isFalse();
        assertThat(cursor.tooDeep()).isTrue();
        assertThat(cursor.wrap(body(nested(JsonCursor.MAX_DEPTH, "[", "]"))).skipValue(1)).isFalse();
        assertThat(cursor.tooDeep()).isTrue();
    }

    @Test
    void shouldRefuseSixtyThousandOpeningBracketsWithoutRecursion()
    {
        final JsonCursor cursor = new JsonCursor();
        assertThat(cursor.wrap(body("[".repeat(60_000))).skipValue()).isFalse();
        assertThat(cursor.tooDeep()).isTrue();
    }

    @Test
    void shouldTellMalformedFromTooDeep()
    {
        final JsonCursor cursor = new JsonCursor();
        assertThat(cursor.wrap(body("[[1,]]")).skipValue()).isFalse();
        assertThat(cursor.tooDeep()).isFalse();
        assertThat(cursor.wrap(body("{\"a\" 1}")).skipValue()).isFalse();
        assertThat(cursor.tooDeep()).isFalse();
        assertThat(cursor.wrap(body("[[1]")).skipValue()).isFalse();
        assertThat(cursor.tooDeep()).isFalse();
    }

    @Test
    void shouldSkipMixedContainersAndStopAfterTheValue()
    {
        final JsonCursor cursor = new JsonCursor();
        cursor.wrap(body("{\"a\":[1,{\"b\":[true,false,null,\"x\\\"y\"]},{}],\"c\":[]} ,2"));
        assertThat(cursor.skipValue()).isTrue();
        assertThat(cursor.consume(',')).isTrue();
        assertThat(cursor.readLong()).isTrue();
        assertThat(cursor.longValue()).isEqualTo(2);
    }
}
