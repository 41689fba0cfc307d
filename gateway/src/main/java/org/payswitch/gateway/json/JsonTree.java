package org.payswitch.gateway.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;

/**
 * Parses a whole JSON document into maps, lists, Strings, Longs, Booleans and nulls: for
 * operator bodies, off the hot path. Numbers must be integers (money is minor units).
 */
public final class JsonTree
{
    /** Marks a JSON number that is not an integer; operator fields refuse it. */
    public static final Object NOT_AN_INTEGER = new Object();

    private static final int MAX_DEPTH = 32;

    private JsonTree()
    {
    }

    /** The document, or throws {@link JsonException} naming what is wrong. */
    public static Object parse(final ByteBuf body)
    {
        final JsonCursor cursor = new JsonCursor().wrap(body);
        final Object value = value(cursor, 0);
        if (!cursor.atEnd())
        {
            throw new JsonException("trailing characters after the JSON value");
        }
        return value;
    }

    private static Object value(final JsonCursor cursor, final int depth)
    {
        if (depth > MAX_DEPTH)
        {
            throw new JsonException("nested too deeply");
        }
        final int c = cursor.peek();
        switch (c)
        {
            case '{':
                return object(cursor, depth);
            case '[':
                return array(cursor, depth);
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

    private static Map<String, Object> object(final JsonCursor cursor, final int depth)
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
            map.put(key, value(cursor, depth + 1));
        }
        while (cursor.consume(','));
        if (!cursor.consume('}'))
        {
            throw new JsonException("malformed object");
        }
        return map;
    }

    private static List<Object> array(final JsonCursor cursor, final int depth)
    {
        cursor.consume('[');
        final List<Object> list = new ArrayList<>();
        if (cursor.consume(']'))
        {
            return list;
        }
        do
        {
            list.add(value(cursor, depth + 1));
        }
        while (cursor.consume(','));
        if (!cursor.consume(']'))
        {
            throw new JsonException("malformed array");
        }
        return list;
    }
}
