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

    /** {@link #readKey} read a string that fits the field. */
    public static final int KEY = 1;
    /** {@link #readKey} read a valid string that does not fit the field (too long, or not printable ASCII). */
    public static final int OTHER_KEY = 0;
    /** {@link #readKey} found no valid string. */
    public static final int NO_KEY = -1;

    /** Room for the copy of a body without an array of its own; it grows to the largest body read. */
    private static final int INITIAL_COPY_BYTES = 1024;

    private byte[] copy = new byte[INITIAL_COPY_BYTES];
    private byte[] buffer;
    private int position;
    private int limit;
    private final StringBuilder text = new StringBuilder();
    private final JsonSkipper skipper = new JsonSkipper(this);
    private long longValue;

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
        return readFitting(out) == KEY;
    }

    /**
     * Reads an object's key into {@code out}: {@link #KEY} when it fits, {@link #OTHER_KEY} when it
     * is a valid string that does not (longer than the field, or not printable ASCII: {@code out} is
     * then empty), {@link #NO_KEY} when no valid string is next. A key that does not fit is read a
     * second time, as any string: that costs only such keys.
     */
    public int readKey(final AsciiField out)
    {
        final int start = position;
        final int read = readFitting(out);
        if (read != OTHER_KEY)
        {
            return read;
        }
        position = start;
        return readString() == null ? NO_KEY : OTHER_KEY;
    }

    /** {@link #KEY}, {@link #OTHER_KEY} (the string was read to its end) or {@link #NO_KEY}. */
    private int readFitting(final AsciiField out)
    {
        out.clear();
        if (!consume('"'))
        {
            return NO_KEY;
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
                    return KEY;
                }
                return OTHER_KEY;
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
                    return NO_KEY;
                }
            }
            else
            {
                bytes[length++] = (byte)c;
            }
        }
        return NO_KEY;
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
     * Reads an integer: optional minus, digits, no fraction, no exponent, no leading zeros, within
     * -(2<sup>63</sup>-1)..2<sup>63</sup>-1. Returns false, the position left at the value's start,
     * for anything else; the value is in {@link #longValue()}.
     */
    public boolean readLong()
    {
        if (peek() == -1)
        {
            return false;
        }
        final int begin = position;
        if (!scanLong())
        {
            position = begin;
            return false;
        }
        return true;
    }

    /** {@link #readLong()} after the whitespace: false for anything but an integer within a {@code long}. */
    private boolean scanLong()
    {
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

    /** Skips one value at the top of a document, as {@link #skipValue(int)} inside none. */
    public boolean skipValue()
    {
        return skipper.skip(0);
    }

    /**
     * Skips one value of any kind inside {@code enclosing} arrays or objects ({@link JsonSkipper});
     * false when it is malformed or opens more than {@value #MAX_DEPTH} in all ({@link #tooDeep()}).
     */
    public boolean skipValue(final int enclosing)
    {
        return skipper.skip(enclosing);
    }

    /** True when the last {@link #skipValue} failed because the value was nested too deeply. */
    public boolean tooDeep()
    {
        return skipper.tooDeep();
    }

    /** The byte {@code ahead} places after the position, or -1 past the end (no whitespace skipped). */
    int byteAhead(final int ahead)
    {
        return position + ahead < limit ? buffer[position + ahead] : -1;
    }

    /** Moves the position {@code count} bytes on. */
    void skipBytes(final int count)
    {
        position += count;
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

    /** Reads the escape after a backslash; the character, or -1 when it is malformed. */
    private int readEscape()
    {
        final int code = JsonChars.escape(buffer, position, limit);
        if (code >= 0)
        {
            position += JsonChars.escapeLength(buffer[position]);
        }
        return code;
    }

    /** Reads the UTF-8 sequence that {@code first} starts into the text; false when it is malformed. */
    private boolean readUtf8(final int first)
    {
        final int length = JsonChars.utf8Length(first);
        final int code = length < 0 ? -1 : JsonChars.utf8(buffer, position, limit, length);
        if (code < 0)
        {
            return false;
        }
        position += length;
        text.appendCodePoint(code);
        return true;
    }
}
