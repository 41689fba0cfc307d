package org.payswitch.gateway.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.payswitch.core.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer against a reference, Jackson: random values (objects, arrays, strings of any
 * Unicode with quotes, backslashes and control characters, every {@code long}, booleans, nulls),
 * written by the writer and read back by Jackson, are the values Jackson writes and reads itself.
 * A surrogate without its pair is expected as '?'. Each seed of {@link Seeds} is a run; a failure
 * names its seed and what was written.
 */
class JsonWriterPropertyTest
{
    /** Fixed seeds every run tries, before the one random seed of the run. */
    private static final int SEEDS = 6;

    private static final int VALUES = 1_000;
    /** The writer holds 16 levels; the values go as deep as 15 containers. */
    private static final int MAX_NESTING = 15;
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private final JsonWriter writer = new JsonWriter();

    static LongStream seeds()
    {
        return Seeds.stream(SEEDS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldWriteWhatJacksonReadsAsTheSameValue(final long seed) throws Exception
    {
        final RandomJson json = new RandomJson(new Random(seed));
        final ByteBuf out = Unpooled.buffer();
        for (int i = 0; i < VALUES; i++)
        {
            final Object value = value(json, 1 + json.random().nextInt(MAX_NESTING));
            out.clear();
            write(writer.wrap(out), value);
            final String written = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            final String at = Seeds.replay(seed) + ", value " + i + " written as " + written;

            assertThat(JACKSON.readTree(ByteBufUtil.getBytes(out))).as(at)
                .isEqualTo(JACKSON.readTree(JACKSON.writeValueAsBytes(wellFormed(value))));
        }
        out.release();
    }

    private static Object value(final RandomJson json, final int depth)
    {
        final Random random = json.random();
        switch (random.nextInt(depth > 0 ? 9 : 6))
        {
            case 0:
            case 1:
                return random.nextInt(10) == 0 ? loneSurrogates(random) : json.randomText();
            case 2:
                return random.nextInt(4) == 0 ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) :
                    random.nextLong() >> random.nextInt(64);
            case 3:
                return random.nextBoolean();
            case 4:
                return null;
            case 5:
                return new Digits(random.nextLong() >>> 1 >> random.nextInt(63));
            case 6:
            case 7:
                final List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--)
                {
                    list.add(value(json, depth - 1));
                }
                return list;
            default:
                final Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--)
                {
                    map.put("k" + i + "_" + random.nextInt(100), value(json, depth - 1));
                }
                return map;
        }
    }

    /** Text with a surrogate or two alone, before quotes, ASCII or their partners in the wrong order. */
    private static String loneSurrogates(final Random random)
    {
        final String[] pieces = {"\uD800", "\uDC00", "\"", "a", "\uD83D\uDE00", "\uDE00\uD83D", "\\"};
        final StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(6); i > 0; i--)
        {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    /** A number the writer writes as a string of digits ({@link JsonWriter#numberAsString}). */
    private record Digits(long value)
    {
    }

    private static void write(final JsonWriter writer, final Object value)
    {
        if (value instanceof Map<?, ?> map)
        {
            writer.beginObject();
            map.forEach((name, member) ->
            {
                writer.name((String)name);
                write(writer, member);
            });
            writer.endObject();
        }
        else if (value instanceof List<?> list)
        {
            writer.beginArray();
            list.forEach(item -> write(writer, item));
            writer.endArray();
        }
        else if (value instanceof String text)
        {
            writer.string(text);
        }
        else if (value instanceof Long number)
        {
            writer.number(number);
        }
        else if (value instanceof Boolean flag)
        {
            writer.bool(flag);
        }
        else if (value instanceof Digits digits)
        {
            writer.numberAsString(digits.value());
        }
        else
        {
            writer.nullValue();
        }
    }

    /** The value as the writer means it: digits as their string, a surrogate without its pair as '?'. */
    private static Object wellFormed(final Object value)
    {
        if (value instanceof Map<?, ?> map)
        {
            final Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((name, member) -> copy.put(name, wellFormed(member)));
            return copy;
        }
        if (value instanceof List<?> list)
        {
            return list.stream().map(JsonWriterPropertyTest::wellFormed).toList();
        }
        if (value instanceof Digits digits)
        {
            return Long.toString(digits.value());
        }
        if (value instanceof String text)
        {
            final StringBuilder plain = new StringBuilder();
            for (int i = 0; i < text.length(); i++)
            {
                final char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < text.length() &&
                    Character.isLowSurrogate(text.charAt(i + 1)))
                {
                    plain.append(c).append(text.charAt(++i));
                }
                else
                {
                    plain.append(Character.isSurrogate(c) ? '?' : c);
                }
            }
            return plain.toString();
        }
        return value;
    }
}
