package org.payswitch.gateway.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Random JSON for the randomized tests, from one seeded {@link Random}: values of every kind
 * (strings with escapes and any Unicode, numbers of the whole grammar, nesting to a chosen
 * depth), random whitespace, and text mutations that keep the bytes valid UTF-8; and the
 * reference verdict on a document, Jackson's streaming parser held to the same depth limit.
 */
public final class RandomJson
{
    /** How the reference reads a document: one value, then nothing. */
    public enum Verdict
    {
        ACCEPTED,
        MALFORMED,
        TOO_DEEP
    }

    /** Jackson as the reference: strict defaults, {@link JsonCursor#MAX_DEPTH} levels, no limit a test reaches. */
    public static final JsonFactory REFERENCE = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(JsonCursor.MAX_DEPTH).maxNumberLength(1 << 20).build())
        .build();

    private static final String WHITESPACE = " \t\n\r";
    /** Characters a mutation inserts: JSON's structure, literals' and numbers' letters, controls, non-ASCII. */
    private static final String MUTATIONS =
        "{}[]:,\"\\ tnrfulseabx0123456789-+.eE/\u0000\u0001\u001f\u007f\u00e9\u4e2d";
    /** A high surrogate's escape with its low one's, or either alone (after no backslash, or escaped ones). */
    private static final Pattern SURROGATE_ESCAPE = Pattern.compile(
        "(?<!\\\\)(?:\\\\\\\\)*(?:\\\\u([dD][89abAB][0-9a-fA-F]{2})(\\\\u[dD][c-fC-F][0-9a-fA-F]{2})?|" +
        "\\\\u[dD][89a-fA-F][0-9a-fA-F]{2})");
    private static final String[] ESCAPES = {"\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"};

    private final Random random;

    public RandomJson(final Random random)
    {
        this.random = random;
    }

    public Random random()
    {
        return random;
    }

    /** Jackson's verdict on {@code document}. */
    public static Verdict reference(final byte[] document)
    {
        try (JsonParser parser = REFERENCE.createParser(document))
        {
            if (parser.nextToken() == null)
            {
                return Verdict.MALFORMED;
            }
            parser.skipChildren();
            return parser.nextToken() == null && !holdsNul(document) ? Verdict.ACCEPTED : Verdict.MALFORMED;
        }
        catch (final StreamConstraintsException e)
        {
            return Verdict.TOO_DEEP;
        }
        catch (final JsonProcessingException e)
        {
            return Verdict.MALFORMED;
        }
        catch (final java.io.IOException e)
        {
            throw new IllegalStateException("reading bytes in memory", e);
        }
    }

    /** A raw NUL is valid nowhere in JSON, though Jackson takes one after a document as its end. */
    private static boolean holdsNul(final byte[] document)
    {
        for (final byte b : document)
        {
            if (b == 0)
            {
                return true;
            }
        }
        return false;
    }

    /** A value nesting at most {@code depth} arrays and objects. */
    public String value(final int depth)
    {
        final int kind = random.nextInt(depth > 0 ? 9 : 6);
        switch (kind)
        {
            case 0:
                return string(randomText());
            case 1:
                return number();
            case 2:
                return random.nextBoolean() ? "true" : "false";
            case 3:
                return "null";
            case 4:
                return Long.toString(random.nextLong());
            case 5:
                return string(randomText());
            case 6:
            case 7:
                return array(depth);
            default:
                return object(depth);
        }
    }

    /** A value exactly {@code depth} containers deep along one branch. */
    public String nested(final int depth)
    {
        String value = value(0);
        for (int i = 0; i < depth; i++)
        {
            value = random.nextBoolean() ? "[" + space() + value + space() + "]" : "{" + string(randomText()) + ":" +
                value + "}";
        }
        return value;
    }

    private String array(final int depth)
    {
        final int count = random.nextInt(4);
        final List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            items.add(space() + value(depth - 1) + space());
        }
        return "[" + space() + String.join(",", items) + "]";
    }

    private String object(final int depth)
    {
        final int count = random.nextInt(4);
        final List<String> members = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            members.add(space() + string(randomText()) + space() + ":" + space() + value(depth - 1) + space());
        }
        return "{" + space() + String.join(",", members) + "}";
    }

    /** Whitespace: none most often, else a few of JSON's four characters. */
    public String space()
    {
        if (random.nextInt(3) > 0)
        {
            return "";
        }
        final StringBuilder space = new StringBuilder();
        for (int i = random.nextInt(3); i >= 0; i--)
        {
            space.append(WHITESPACE.charAt(random.nextInt(WHITESPACE.length())));
        }
        return space.toString();
    }

    /** A number of JSON's grammar: an integer, maybe with a fraction and an exponent. */
    public String number()
    {
        final StringBuilder number = new StringBuilder();
        if (random.nextBoolean())
        {
            number.append('-');
        }
        final long magnitude = 1 + (random.nextLong() >>> (1 + random.nextInt(63)));
        number.append(random.nextInt(4) == 0 ? "0" : Long.toString(magnitude));
        if (random.nextInt(3) == 0)
        {
            number.append('.').append(random.nextInt(1000));
        }
        if (random.nextInt(4) == 0)
        {
            number.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "" : random.nextBoolean() ?
                "+" : "-").append(random.nextInt(400));
        }
        return number.toString();
    }

    /** Text of any Unicode (no lone surrogate): ASCII most often, controls, quotes, backslashes, other planes. */
    public String randomText()
    {
        final int length = random.nextInt(12);
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            final int pick = random.nextInt(10);
            if (pick < 5)
            {
                text.append((char)(0x20 + random.nextInt(0x5F)));
            }
            else if (pick == 5)
            {
                text.append((char)random.nextInt(0x20));
            }
            else if (pick == 6)
            {
                text.append(random.nextBoolean() ? '"' : '\\');
            }
            else if (pick == 7)
            {
                text.append((char)(0x80 + random.nextInt(0xD800 - 0x80)));
            }
            else if (pick == 8)
            {
                text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000));
            }
            else
            {
                text.append((char)(0xE000 + random.nextInt(0x2000)));
            }
        }
        return text.toString();
    }

    /** {@code text} as a JSON string, each character plain, as a short escape or as {@code \\uXXXX} at random. */
    public String string(final String text)
    {
        final StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            final boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length();
            final int way = random.nextInt(6);
            final int shortEscape = "\"\\/\b\f\n\r\t".indexOf(c);
            if (c < 0x20 || c == '"' || c == '\\' || way == 0)
            {
                if (shortEscape >= 0 && random.nextBoolean())
                {
                    json.append(ESCAPES[shortEscape]);
                }
                else
                {
                    json.append(unicodeEscape(c));
                    if (pair)
                    {
                        json.append(unicodeEscape(text.charAt(++i)));
                    }
                }
            }
            else
            {
                json.append(c);
                if (pair)
                {
                    json.append(text.charAt(++i));
                }
            }
        }
        return json.append('"').toString();
    }

    private String unicodeEscape(final char c)
    {
        return String.format(random.nextBoolean() ? "\\u%04x" : "\\u%04X", (int)c);
    }

    /**
     * True when {@code text} escapes a surrogate without its pair ({@code \\uD800} alone). RFC 8259
     * leaves such a string's meaning open; Jackson refuses it in a field name but not in a value, and
     * the cursor accepts both, so the comparisons leave such documents out.
     */
    public static boolean escapesALoneSurrogate(final String text)
    {
        final Matcher escape = SURROGATE_ESCAPE.matcher(text);
        while (escape.find())
        {
            if (escape.group(1) == null || escape.group(2) == null)
            {
                return true;
            }
        }
        return false;
    }

    /** {@code text} changed in one to three places: a character inserted, deleted or replaced, or the end cut off. */
    public String mutate(final String text)
    {
        final StringBuilder mutated = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0; n--)
        {
            final int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
            final char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
            switch (random.nextInt(4))
            {
                case 0 -> mutated.insert(at, c);
                case 1 ->
                {
                    if (mutated.length() > 0)
                    {
                        mutated.deleteCharAt(at);
                    }
                }
                case 2 ->
                {
                    if (mutated.length() > 0)
                    {
                        mutated.setCharAt(at, c);
                    }
                }
                default -> mutated.setLength(at);
            }
        }
        return mutated.toString();
    }

    /** UTF-8 bytes (a lone surrogate, which a mutation may leave, becomes '?'). */
    public static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
