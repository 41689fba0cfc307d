package org.payswitch.gateway.json;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cursor against a reference parser, Jackson, on random documents ({@link RandomJson}): valid
 * ones, ones nested past the limit, and mutations of both. The cursor skips a document exactly
 * when Jackson reads it as one value and nothing after; it calls a document too deep exactly when
 * Jackson's nesting limit stops it; and strings and integers it reads are the values Jackson reads.
 * Each seed of {@link Seeds} is a run; a failure names its seed and the document.
 */
class JsonCursorPropertyTest
{
    /** Fixed seeds every run tries, before the one random seed of the run. */
    private static final int SEEDS = 6;

    private static final int DOCUMENTS = 1_500;
    private static final int VALUES = 2_000;

    private final JsonCursor cursor = new JsonCursor();

    static java.util.stream.LongStream seeds()
    {
        return Seeds.stream(SEEDS);
    }

    private boolean skips(final byte[] document)
    {
        return cursor.wrap(Unpooled.wrappedBuffer(document)).skipValue() && cursor.atEnd();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldSkipADocumentExactlyWhenJacksonReadsIt(final long seed)
    {
        final RandomJson json = new RandomJson(new Random(seed));
        for (int i = 0; i < DOCUMENTS; i++)
        {
            final String valid = json.space() + json.value(1 + json.random().nextInt(6)) + json.space();
            final String text = json.random().nextInt(3) == 0 ? valid : json.mutate(valid);
            if (RandomJson.escapesALoneSurrogate(text))
            {
                continue;
            }
            final byte[] document = RandomJson.utf8(text);
            final RandomJson.Verdict reference = RandomJson.reference(document);
            final String at = Seeds.replay(seed) + ", document " + i + ": " + text;

            assertThat(skips(document)).as(at).isEqualTo(reference == RandomJson.Verdict.ACCEPTED);
            assertThat(cursor.tooDeep()).as(at).isEqualTo(reference == RandomJson.Verdict.TOO_DEEP);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldCallTooDeepWhatJacksonsNestingLimitStops(final long seed)
    {
        final RandomJson json = new RandomJson(new Random(seed));
        for (int i = 0; i < DOCUMENTS / 5; i++)
        {
            final int depth = JsonCursor.MAX_DEPTH - 2 + json.random().nextInt(6);
            final String valid = json.nested(depth);
            final String text = json.random().nextBoolean() ? valid : json.mutate(valid);
            if (RandomJson.escapesALoneSurrogate(text))
            {
                continue;
            }
            final byte[] document = RandomJson.utf8(text);
            final RandomJson.Verdict reference = RandomJson.reference(document);
            final String at = Seeds.replay(seed) + ", depth " + depth + ": " + text;

            assertThat(skips(document)).as(at).isEqualTo(reference == RandomJson.Verdict.ACCEPTED);
            assertThat(cursor.tooDeep()).as(at).isEqualTo(reference == RandomJson.Verdict.TOO_DEEP);
            if (text == valid)
            {
                assertThat(reference).as(at).isEqualTo(depth > JsonCursor.MAX_DEPTH ? RandomJson.Verdict.TOO_DEEP :
                    RandomJson.Verdict.ACCEPTED);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldReadTheStringsJacksonReads(final long seed) throws Exception
    {
        final RandomJson json = new RandomJson(new Random(seed));
        final AsciiField field = new AsciiField(8);
        for (int i = 0; i < VALUES; i++)
        {
            final String text = json.randomText();
            final String encoded = json.string(text);
            final byte[] document = encoded.getBytes(StandardCharsets.UTF_8);
            final String expected = jacksonText(document);
            final String at = Seeds.replay(seed) + ", string " + encoded;

            assertThat(cursor.wrap(Unpooled.wrappedBuffer(document)).readString()).as(at).isEqualTo(expected);
            final boolean fits = expected.length() <= field.bytes().length &&
                expected.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
            assertThat(cursor.wrap(Unpooled.wrappedBuffer(document)).readAscii(field)).as(at).isEqualTo(fits);
            if (fits)
            {
                assertThat(field.toString()).as(at).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldReadAsIntegersTheNumbersJacksonReadsAsLongs(final long seed) throws Exception
    {
        final RandomJson json = new RandomJson(new Random(seed));
        for (int i = 0; i < VALUES; i++)
        {
            final String number = i % 2 == 0 ? json.number() : Long.toString(json.random().nextLong() >> json.random()
                .nextInt(64));
            final byte[] document = number.getBytes(StandardCharsets.US_ASCII);
            final String at = Seeds.replay(seed) + ", number " + number;
            try (JsonParser parser = RandomJson.REFERENCE.createParser(document))
            {
                final boolean integral = parser.nextToken() == JsonToken.VALUE_NUMBER_INT &&
                    parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER &&
                    parser.getLongValue() != Long.MIN_VALUE;

                assertThat(cursor.wrap(Unpooled.wrappedBuffer(document)).readLong()).as(at).isEqualTo(integral);
                if (integral)
                {
                    assertThat(cursor.longValue()).as(at).isEqualTo(parser.getLongValue());
                }
            }
        }
    }

    private static String jacksonText(final byte[] document) throws Exception
    {
        try (JsonParser parser = RandomJson.REFERENCE.createParser(document))
        {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            return parser.getText();
        }
    }
}
