package org.payswitch.gateway.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;

/**
 * Parses a whole JSON document into maps, lists, Strings, Longs, Booleans and nulls, for programs
 * that read the switch's answers (the tools); the switch maps its own cold-path bodies with
 * Jackson. Numbers that are not integers are {@link #NOT_AN_INTEGER} (money is minor units). A document
 * nested deeper than {@link JsonCursor#MAX_DEPTH} is refused before the recursion goes further,
 * naming the top-level field that holds the deep value.
 */
public final class JsonTree
{
    /** Marks a JSON number that is not an integer; operator fields refuse it. */
    public static final Object NOT_AN_INTEGER = new Object();

    /** The "field" of a problem with the document as a whole (left out of the error answer). */
    private static final String BODY = "body";
    /** A top-level key is named in an error only when it is this short and plain. */
    private static final int MAX_NAMED_FIELD = 40;

    private JsonTree()
    {
    }

    /** The document, or throws {@link JsonException} naming what is wrong. */
    public static Object parse(final ByteBuf body)
    {
        final JsonCursor cursor = new JsonCursor().wrap(body);
        final Object value = value(cursor, 0, BODY);
        if (!cursor.atEnd())
        {
            throw new JsonException("trailing characters after the JSON value");
        }
        return value;
    }

    /** A value inside {@code depth} open containers, under the top-level {@code field}. */
    private static Object value(final JsonCursor cursor, final int depth, final String field)
    {
        final int c = cursor.peek();
        if ((c == '{' || c == '[') && depth + 1 > JsonCursor.MAX_DEPTH)
        {
            throw new JsonException(field + ": nested deeper than " + JsonCursor.MAX_DEPTH + " levels",
                BODY.equals(field) ? null : field);
        }
        switch (c)
        {
            case '{':
                return object(cursor, depth, field);
            case '[':
                return array(cursor, depth, field);
            case '"':
                final String s = cursor.readString();
                if (s == null)
                {
                    throw new JsonException("malformed string");
                }
                return s;
            case 't':
            case 'f':
                final int b = cursor.readBoolean();
                if (b < 0)
                {
                    throw new JsonException("malformed literal");
                }
                return b == 1;
            case 'n':
                if (!cursor.readNull())
                {
                    throw new JsonException("malformed literal");
                }
                return null;
            case -1:
                throw new JsonException("empty body");
            default:
                if (cursor.readLong())
                {
                    return cursor.longValue();
                }
                if (cursor.skipValue())
                {
                    return NOT_AN_INTEGER;
                }
                throw new JsonException("malformed value");
        }
    }

    private static Map<String, Object> object(final JsonCursor cursor, final int depth, final String field)
    {
        cursor.consume('{');
        final Map<String, Object> map = new LinkedHashMap<>();
        if (cursor.consume('}'))
        {
            return map;
        }
        do
        {
            final String key = cursor.readString();
            if (key == null || !cursor.consume(':'))
            {
                throw new JsonException("malformed object");
            }
            map.put(key, value(cursor, depth + 1, depth == 0 ? nameable(key) : field));
        }
        while (cursor.consume(','));
        if (!cursor.consume('}'))
        {
            throw new JsonException("malformed object");
        }
        return map;
    }

    private static List<Object> array(final JsonCursor cursor, final int depth, final String field)
    {
        cursor.consume('[');
        final List<Object> list = new ArrayList<>();
        if (cursor.consume(']'))
        {
            return list;
        }
        do
        {
            list.add(value(cursor, depth + 1, field));
        }
        while (cursor.consume(','));
        if (!cursor.consume(']'))
        {
            throw new JsonException("malformed array");
        }
        return list;
    }

    /** The key itself when it is short and of [A-Za-z0-9_-] (safe to echo), else "body". */
    static String nameable(final String key)
    {
        if (key.isEmpty() || key.length() > MAX_NAMED_FIELD)
        {
            return BODY;
        }
        for (int i = 0; i < key.length(); i++)
        {
            final char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'))
            {
                return BODY;
            }
        }
        return key;
    }
}
