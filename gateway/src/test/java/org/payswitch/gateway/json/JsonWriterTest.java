package org.payswitch.gateway.json;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer's output byte for byte: separators, escapes, numbers at the edges, and no allocation for ASCII. */
class JsonWriterTest
{
    private final ByteBuf out = Unpooled.buffer();
    private final JsonWriter writer = new JsonWriter().wrap(out);

    private String written()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPlaceCommasBetweenMembersAndItemsOnly()
    {
        writer.beginObject().name("a").number(1).name("b").beginArray().bool(true).nullValue().beginObject().endObject()
            .endArray().name("c").numberAsString(42).endObject();

        assertThat(written()).isEqualTo("{\"a\":1,\"b\":[true,null,{}],\"c\":\"42\"}");
    }

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters()
    {
        writer.beginArray().string("a\"b\\c\n\u0001\u007f").string(null).endArray();

        assertThat(written()).isEqualTo("[\"a\\\"b\\\\c\\u000a\\u0001\u007f\",null]");
    }

    @Test
    void shouldWriteNonAsciiAsUtf8AndALoneSurrogateAsAQuestionMark()
    {
        writer.beginArray().string("\u4e2d\uD83D\uDE00").string("\uD800\"").string("x\uDC00").endArray();

        assertThat(written()).isEqualTo("[\"\u4e2d\uD83D\uDE00\",\"?\\\"\",\"x?\"]");
    }

    @Test
    void shouldWriteEveryLong()
    {
        writer.beginArray().number(0).number(-1).number(Long.MAX_VALUE).number(Long.MIN_VALUE)
            .number(1_000_000_000_000L)
            .endArray();

        assertThat(written()).isEqualTo("[0,-1,9223372036854775807,-9223372036854775808,1000000000000]");
    }

    @Test
    void shouldWriteAnAnswerWithoutAllocating()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++)
        {
            answer();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            answer();
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated by 10 000 answers").isLessThan(1_024);
    }

    private void answer()
    {
        out.clear();
        writer.wrap(out).beginObject().name("transactionId").numberAsString(123_456).name("status").string("AUTHORIZED")
            .name("responseCode").string("00").name("amount").number(12_000).name("capture").bool(false).endObject();
    }
}
