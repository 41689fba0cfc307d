package org.payswitch.gateway.json;

/**
 * Skips a value the reader does not want (an unknown field's), checking it as strictly as the
 * values it reads (RFC 8259: literals, strings, and numbers of the JSON grammar only) and holding
 * it to {@value JsonCursor#MAX_DEPTH} open containers. A loop with one bit per open container,
 * not recursion: a body of 60 000 {@code [} costs a format error, not the I/O thread's stack.
 * One per {@link JsonCursor}, which it reads through.
 */
final class JsonSkipper
{
    private final JsonCursor cursor;
    private boolean tooDeep;

    JsonSkipper(final JsonCursor cursor)
    {
        this.cursor = cursor;
    }

    /** True when the last {@link #skip} failed because the value was nested too deeply. */
    boolean tooDeep()
    {
        return tooDeep;
    }

    /**
     * Skips one value inside {@code enclosing} arrays or objects; false when it is malformed or
     * would open more than {@value JsonCursor#MAX_DEPTH} containers in all.
     */
    boolean skip(final int enclosing)
    {
        tooDeep = false;
        long objects = 0;
        int open = 0;
        while (true)
        {
            final int c = cursor.peek();
            boolean ended = true;
            if (c == '{' || c == '[')
            {
                if (enclosing + open + 1 > JsonCursor.MAX_DEPTH)
                {
                    tooDeep = true;
                    return false;
                }
                cursor.skipBytes(1);
                final boolean object = c == '{';
                if (!cursor.consume(object ? '}' : ']'))
                {
                    objects = object ? objects | (1L << open) : objects & ~(1L << open);
                    open++;
                    if (object && !skipKey())
                    {
                        return false;
                    }
                    ended = false;
                }
            }
            else if (!skipScalar(c))
            {
                return false;
            }
            while (ended)
            {
                if (open == 0)
                {
                    return true;
                }
                final boolean object = (objects & (1L << (open - 1))) != 0;
                if (cursor.consume(','))
                {
                    if (object && !skipKey())
                    {
                        return false;
                    }
                    ended = false;
                }
                else if (cursor.consume(object ? '}' : ']'))
                {
                    open--;
                }
                else
                {
                    return false;
                }
            }
        }
    }

    private boolean skipKey()
    {
        return cursor.readString() != null && cursor.consume(':');
    }

    private boolean skipScalar(final int c)
    {
        switch (c)
        {
            case '"':
                return cursor.readString() != null;
            case 't':
            case 'f':
                return cursor.readBoolean() >= 0;
            case 'n':
                return cursor.readNull();
            default:
                return skipNumber();
        }
    }

    /** A number of RFC 8259's grammar: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private boolean skipNumber()
    {
        int at = cursor.byteAhead(0) == '-' ? 1 : 0;
        final int first = cursor.byteAhead(at);
        if (first == '0')
        {
            at++;
        }
        else if (isDigit(first))
        {
            at = digitsFrom(at);
        }
        else
        {
            return false;
        }
        if (cursor.byteAhead(at) == '.')
        {
            final int end = digitsFrom(at + 1);
            if (end == at + 1)
            {
                return false;
            }
            at = end;
        }
        final int e = cursor.byteAhead(at);
        if (e == 'e' || e == 'E')
        {
            at++;
            final int sign = cursor.byteAhead(at);
            if (sign == '+' || sign == '-')
            {
                at++;
            }
            final int end = digitsFrom(at);
            if (end == at)
            {
                return false;
            }
            at = end;
        }
        cursor.skipBytes(at);
        return true;
    }

    private int digitsFrom(final int from)
    {
        int at = from;
        while (isDigit(cursor.byteAhead(at)))
        {
            at++;
        }
        return at;
    }

    private static boolean isDigit(final int b)
    {
        return b >= '0' && b <= '9';
    }
}
