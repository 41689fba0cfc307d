package org.payswitch.tools;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the CSV and JSON Lines formats write the journal's id fields, whose bytes may be anything. */
class IdEscapingTest
{
    @Test
    void shouldLeavePlainCsvFieldsAsTheyAreAndQuoteTheOthersDoublingQuotes()
    {
        assertThat(csv("M00000000000001")).isEqualTo("M00000000000001");
        assertThat(csv("a b;c")).isEqualTo("a b;c");
        assertThat(csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(csv("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(csv("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(csv("")).isEmpty();
    }

    @Test
    void shouldEscapeJsonSoThatAParserReadsTheSameText() throws Exception
    {
        final String text = "q\"b\\s/ t\tn\nc\u0001\u001f\u007f\u00e9";

        final String json = json(text);

        assertThat(json).isEqualTo("\"q\\\"b\\\\s/ t\\u0009n\\u000ac\\u0001\\u001f\\u007f\\u00e9\"");
        assertThat(new ObjectMapper().readValue(json, String.class)).isEqualTo(text);
        assertThat(json("")).isEqualTo("null");
    }

    private static String csv(final String text)
    {
        final StringWriter out = new StringWriter();
        final LineBuffer line = new LineBuffer(out);
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        CsvFormat.field(line, Arrays.copyOf(bytes, bytes.length + 3), bytes.length);
        line.endLine();
        line.flush();
        return out.toString().substring(0, out.toString().length() - 1);
    }

    private static String json(final String text)
    {
        final StringWriter out = new StringWriter();
        final LineBuffer line = new LineBuffer(out);
        final byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        JsonLinesFormat.text(line, Arrays.copyOf(bytes, bytes.length + 3), bytes.length);
        line.endLine();
        line.flush();
        return out.toString().substring(0, out.toString().length() - 1);
    }
}
