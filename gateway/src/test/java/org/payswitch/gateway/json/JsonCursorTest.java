package org.payswitch.gateway.json;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.AsciiField;

import static org.assertj.core.api.Assertions.assertThat;

/** The cursor's readers one by one: what each accepts, what it refuses, and where it leaves the position. */
class JsonCursorTest
{
    private final JsonCursor cursor = new JsonCursor();

    private JsonCursor on(final String json)
    {
        return cursor.wrap(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8));
    }

    private JsonCursor on(final byte[] json)
    {
        return cursor.wrap(Unpooled.wrappedBuffer(json));
    }

    @Test
    void shouldReadStringsIntoAnAsciiFieldDecodingEscapes()
    {
        final AsciiField field = new AsciiField(8);

        assertThat(on(" \"A\\u0042\\/\\\"\"").readAscii(field)).isTrue();
        assertThat(field.toString()).isEqualTo("AB/\"");
        assertThat(cursor.atEnd()).isTrue();
    }

    @Test
    void shouldRefuseAStringThatDoesNotFitOrIsNotPrintableAscii()
    {
        final AsciiField field = new AsciiField(4);

        assertThat(on("\"ABCDE\"").readAscii(field)).isFalse();
        assertThat(cursor.atEnd()).as("read to its end").isTrue();
        assertThat(on("\"\u00e9\"").readAscii(field)).isFalse();
        assertThat(on("\"a\\u0001\"").readAscii(field)).isFalse();
        assertThat(on("12").readAscii(field)).isFalse();
        assertThat(on("\"abc").readAscii(field)).isFalse();
        assertThat(on("\"a\\x\"").readAscii(field)).isFalse();
    }

    @Test
    void shouldTellAKeyThatFitsFromAValidOneThatDoesNotAndFromNone()
    {
        final AsciiField key = new AsciiField(4);

        assertThat(on("\"pan\":").readKey(key)).isEqualTo(JsonCursor.KEY);
        assertThat(key.toString()).isEqualTo("pan");
        assertThat(cursor.consume(':')).isTrue();
        assertThat(on("\"much too long\":").readKey(key)).isEqualTo(JsonCursor.OTHER_KEY);
        assertThat(key.length()).isZero();
        assertThat(cursor.consume(':')).isTrue();
        assertThat(on("\"\u4e2d\u6587\":").readKey(key)).isEqualTo(JsonCursor.OTHER_KEY);
        assertThat(cursor.consume(':')).isTrue();
        assertThat(on("\"a\u0001\":").readKey(key)).as("a raw control character").isEqualTo(JsonCursor.NO_KEY);
        assertThat(on("\"long and \\q\":").readKey(key)).as("a bad escape after the field is full")
            .isEqualTo(JsonCursor.NO_KEY);
        assertThat(on("pan:").readKey(key)).isEqualTo(JsonCursor.NO_KEY);
    }

    @Test
    void shouldReadAnyUnicodeStringAndRefuseMalformedUtf8()
    {
        assertThat(on("\"\u4e2d\\u6587 \uD83D\uDE00\"").readString()).isEqualTo("\u4e2d\u6587 \uD83D\uDE00");
        assertThat(on(new byte[] {'"', (byte)0xE4, (byte)0xB8, '"'}).readString()).as("cut short").isNull();
        assertThat(on(new byte[] {'"', (byte)0x80, '"'}).readString()).as("a continuation first").isNull();
        assertThat(on(new byte[] {'"', (byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80, '"'}).readString())
            .as("beyond U+10FFFF").isNull();
        assertThat(on(new byte[] {'"', (byte)0xF4, (byte)0x8F, (byte)0xBF, (byte)0xBF, '"'}).readString())
            .isEqualTo(new String(Character.toChars(0x10FFFF)));
        assertThat(on("\"tab\tinside\"").readString()).as("a raw control character").isNull();
    }

    @Test
    void shouldReadIntegersWithinALong()
    {
        assertThat(on("12000").readLong()).isTrue();
        assertThat(cursor.longValue()).isEqualTo(12_000);
        assertThat(on(" -0").readLong()).isTrue();
        assertThat(cursor.longValue()).isZero();
        assertThat(on("9223372036854775807").readLong()).isTrue();
        assertThat(cursor.longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(on("-9223372036854775807").readLong()).isTrue();
        assertThat(cursor.longValue()).isEqualTo(-Long.MAX_VALUE);
    }

    @Test
    void shouldRefuseOtherNumbersAndLeaveThePositionAtTheValue()
    {
        for (final String refused : new String[] {"9223372036854775808", "-9223372036854775808", "1.5", "1e2", "1E2",
            "012", "-", "-a", "\"1\"", "+1", "1."})
        {
            assertThat(on(refused + "]").readLong()).as(refused).isFalse();
            assertThat(cursor.peek()).as("still at the value: " + refused).isEqualTo(refused.charAt(0));
        }
    }

    @Test
    void shouldReadLiterals()
    {
        assertThat(on("true").readBoolean()).isEqualTo(1);
        assertThat(on("false").readBoolean()).isZero();
        assertThat(on("tru").readBoolean()).isEqualTo(-1);
        assertThat(on("null").readNull()).isTrue();
        assertThat(on("nul").readNull()).isFalse();
    }

    @Test
    void shouldSkipOnlyNumbersOfTheJsonGrammar()
    {
        for (final String number : new String[] {"0", "-0", "1.5", "-12.50e+3", "1E400",
            "123456789012345678901234567890"})
        {
            assertThat(on("[" + number + "]").skipValue()).as(number).isTrue();
        }
        for (final String notNumber : new String[] {"-", "+1", "01", ".5", "1.", "1e", "1e+", "--1", "e1", "1-2"})
        {
            assertThat(on("[" + notNumber + "]").skipValue()).as(notNumber).isFalse();
            assertThat(cursor.tooDeep()).isFalse();
        }
    }

    @Test
    void shouldReadABodyThatIsACompositeOfBuffers()
    {
        final CompositeByteBuf body = Unpooled.compositeBuffer();
        body.addComponent(true, Unpooled.copiedBuffer("{\"a\":", StandardCharsets.US_ASCII));
        body.addComponent(true, Unpooled.copiedBuffer("123}", StandardCharsets.US_ASCII));
        final AsciiField key = new AsciiField(4);

        cursor.wrap(body);

        assertThat(cursor.consume('{')).isTrue();
        assertThat(cursor.readKey(key)).isEqualTo(JsonCursor.KEY);
        assertThat(cursor.consume(':') && cursor.readLong()).isTrue();
        assertThat(cursor.longValue()).isEqualTo(123);
        assertThat(cursor.consume('}') && cursor.atEnd()).isTrue();
        body.release();
    }

    @Test
    void shouldReadOnlyTheReadableBytes()
    {
        final ByteBuf body = Unpooled.copiedBuffer("xx[1]yy", StandardCharsets.US_ASCII).setIndex(2, 5);

        assertThat(cursor.wrap(body).skipValue()).isTrue();
        assertThat(cursor.atEnd()).isTrue();
    }
}
