package org.payswitch.gateway.json;

import io.netty.buffer.ByteBuf;
import org.payswitch.core.domain.AsciiField;

/**
 * A strict JSON scanner over a body (RFC 8259), reading values in place: strings into a
 * reusable {@link AsciiField} or a String, integers into a {@code long}. Money is never a
 * floating-point number here: a fraction or exponent is a format error. Reusable per thread.
 *
 * <p>It reads a {@code byte[]}: the body's own array when it has one, else a copy of its readable
 * bytes into a reused array. An aggregated HTTP body is a composite buffer, where every
 * {@code getByte} looked up its component: the copy of a 200-byte body costs less than that.
 */
public final class JsonCursor
{
    /**
     * Most arrays and objects open at once in a document the switch reads; deeper is a format
     * error. The switch's own bodies nest three levels at most. At most 64 (one bit a level).
     */
    public static final int MAX_DEPTH = 32;

    private static final int INITIAL_COPY_BYTES = 1024;

    private byte[] copy = new byte[INITIAL_COPY_BYTES];
    private byte[] buffer;
    private int position;
    private int limit;
    private final StringBuilder text = new StringBuilder();
    private boolean tooDeep;

    /** Starts reading the readable bytes of {@code body}. */
    public JsonCursor wrap(final ByteBuf body)
    {
        final int readable = body.readableBytes();
        if (body.hasArray())
        {
            buffer = body.array();
            position = body.arrayOffset() + body.readerIndex();
        }
        else
        {
            if (copy.length < readable)
            {
                copy = new byte[Math.max(readable, copy.length * 2)];
            }
            body.getBytes(body.readerIndex(), copy, 0, readable);
            buffer = copy;
            position = 0;
        }
        limit = position + readable;
        return this;
    }

    /** Skips whitespace and returns the next character without consuming it, or -1 at the end. */
    public int peek()
    {
        while (position < limit)
        {
            final byte b = buffer[position];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                return b;
            }
            position++;
        }
        return -1;
    }

    /** Consumes {@code c} (after whitespace); false when the next character is another. */
    public boolean consume(final char c)
    {
        if (peek() == c)
        {
            position++;
            return true;
        }
        return false;
    }

    /** True when only whitespace is left. */
    public boolean atEnd()
    {
        return peek() == -1;
    }

    /**
     * Reads a string into {@code out}; false when the next value is not a string, or holds a
     * character outside printable ASCII, or is longer than the field.
     */
    public boolean readAscii(final AsciiField out)
    {
        out.clear();
        if (!consume('"'))
        {
            return false;
        }
        final byte[] bytes = out.bytes();
        int length = 0;
        boolean fits = true;
        while (position < limit)
        {
            int c = buffer[position++] & 0xFF;
            if (c == '"')
            {
                if (fits)
                {
                    out.set(bytes, 0, length);
                }
                return fits;
            }
            if (c == '\\')
            {
                c = readEscape();
            }
            if (c < 0x20 || c > 0x7E || length == bytes.length)
            {
                fits = false;
                if (c < 0)
                {
                    return false;
                }
            }
            else
            {
                bytes[length++] = (byte)c;
            }
        }
        return false;
    }

    /** Reads a string of any Unicode content, or returns null when the next value is not a valid string. */
    public String readString()
    {
        if (!consume('"'))
        {
            return null;
        }
        text.setLength(0);
        while (position < limit)
        {
            final int b = buffer[position] & 0xFF;
            if (b == '"')
            {
                position++;
                return text.toString();
            }
            if (b == '\\')
            {
                position++;
                final int c = readEscape();
                if (c < 0)
                {
                    return null;
                }
                text.append((char)c);
            }
            else if (b < 0x20)
            {
                return null;
            }
            else if (b < 0x80)
            {
                text.append((char)b);
                position++;
            }
            else if (!readUtf8(b))
            {
                return null;
            }
        }
        return null;
    }

    /**
     * Reads an integer: optional minus, digits, no fraction, no exponent, no leading zeros.
     * Returns false (position unspecified) for anything else or an overflow; the value is in
     * {@link #longValue()}.
     */
    public boolean readLong()
    {
        if (peek() == -1)
        {
            return false;
        }
        boolean negative = false;
        if (buffer[position] == '-')
        {
            negative = true;
            position++;
        }
        final int start = position;
        long value = 0;
        while (position < limit)
        {
            final byte b = buffer[position];
            if (b < '0' || b > '9')
            {
                break;
            }
            if (value > (Long.MAX_VALUE - (b - '0')) / 10)
            {
                return false;
            }
            value = value * 10 + (b - '0');
            position++;
        }
        final int digits = position - start;
        if (digits == 0 || (digits > 1 && buffer[start] == '0'))
        {
            return false;
        }
        if (position < limit)
        {
            final byte next = buffer[position];
            if (next == '.' || next == 'e' || next == 'E')
            {
                return false;
            }
        }
        longValue = negative ? -value : value;
        return true;
    }

    private long longValue;

    /** The integer {@link #readLong()} read. */
    public long longValue()
    {
        return longValue;
    }

    /** Reads {@code true} or {@code false}; returns 1, 0, or -1 when the next value is neither. */
    public int readBoolean()
    {
        if (readLiteral("true"))
        {
            return 1;
        }
        return readLiteral("false") ? 0 : -1;
    }

    /** Consumes {@code null} if it is next. */
    public boolean readNull()
    {
        return readLiteral("null");
    }

    /**
     * Skips one value of any kind at the top of a document; false when it is malformed or nested
     * deeper than {@value #MAX_DEPTH} ({@link #tooDeep()} tells which).
     */
    public boolean skipValue()
    {
        return skipValue(0);
    }

    /**
     * Skips one value of any kind inside {@code enclosing} arrays or objects; false when it is
     * malformed or would open more than {@value #MAX_DEPTH} containers in all ({@link #tooDeep()}
     * tells which). A loop with one bit per open container, not recursion: a body of 60 000
     * {@code [} costs a format error, not the I/O thread's stack.
     */
    public boolean skipValue(final int enclosing)
    {
        tooDeep = false;
        long objects = 0;
        int open = 0;
        while (true)
        {
            final int c = peek();
            boolean ended = true;
            if (c == '{' || c == '[')
            {
                if (enclosing + open + 1 > MAX_DEPTH)
                {
                    tooDeep = true;
                    return false;
                }
                position++;
                final boolean object = c == '{';
                if (!consume(object ? '}' : ']'))
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
                if (consume(','))
                {
                    if (object && !skipKey())
                    {
                        return false;
                    }
                    ended = false;
                }
                else if (consume(object ? '}' : ']'))
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

    /** True when the last {@link #skipValue} failed because the value was nested too deeply. */
    public boolean tooDeep()
    {
        return tooDeep;
    }

    private boolean skipKey()
    {
        return readString() != null && consume(':');
    }

    private boolean skipScalar(final int c)
    {
        switch (c)
        {
            case '"':
                return readString() != null;
            case 't':
            case 'f':
                return readBoolean() >= 0;
            case 'n':
                return readNull();
            default:
                return skipNumber();
        }
    }

    private boolean skipNumber()
    {
        final int start = position;
        while (position < limit)
        {
            final byte b = buffer[position];
            if ((b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E')
            {
                position++;
            }
            else
            {
                break;
            }
        }
        return position > start;
    }

    private boolean readLiteral(final String literal)
    {
        if (peek() == -1 || position + literal.length() > limit)
        {
            return false;
        }
        for (int i = 0; i < literal.length(); i++)
        {
            if (buffer[position + i] != literal.charAt(i))
            {
                return false;
            }
        }
        position += literal.length();
        return true;
    }

    private int readEscape()
    {
        if (position >= limit)
        {
            return -1;
        }
        final byte e = buffer[position++];
        switch (e)
        {
            case '"':
                return '"';
            case '\\':
                return '\\';
            case '/':
                return '/';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (position + 4 > limit)
                {
                    return -1;
                }
                int code = 0;
                for (int i = 0; i < 4; i++)
                {
                    final int digit = Character.digit(buffer[position++], 16);
                    if (digit < 0)
                    {
                        return -1;
                    }
                    code = code * 16 + digit;
                }
                return code;
            default:
                return -1;
        }
    }

    private boolean readUtf8(final int first)
    {
        final int extra;
        int code;
        if ((first & 0xE0) == 0xC0)
        {
            extra = 1;
            code = first & 0x1F;
        }
        else if ((first & 0xF0) == 0xE0)
        {
            extra = 2;
            code = first & 0x0F;
        }
        else if ((first & 0xF8) == 0xF0)
        {
            extra = 3;
            code = first & 0x07;
        }
        else
        {
            return false;
        }
        if (position + 1 + extra > limit)
        {
            return false;
        }
        for (int i = 1; i <= extra; i++)
        {
            final int b = buffer[position + i] & 0xFF;
            if ((b & 0xC0) != 0x80)
            {
                return false;
            }
            code = (code << 6) | (b & 0x3F);
        }
        position += 1 + extra;
        text.appendCodePoint(code);
        return true;
    }
}
