package org.payswitch.gateway.json;

/**
 * The two decodings inside a JSON string (RFC 8259 section 7), as functions over bytes that move
 * no position: an escape after its backslash, and a multi-byte UTF-8 sequence. {@link JsonCursor}
 * advances by the lengths they give.
 */
final class JsonChars
{
    /** The largest Unicode code point; a UTF-8 sequence beyond it is malformed. */
    private static final int MAX_CODE_POINT = 0x10FFFF;
    /** Bytes of a {@code \\uXXXX} escape after the backslash. */
    private static final int UNICODE_ESCAPE_BYTES = 5;
    private static final int HEX_DIGITS = 4;
    private static final int HEX = 16;

    private JsonChars()
    {
    }

    /**
     * The character the escape at {@code at} (the byte after the backslash) stands for, or -1 when
     * it is no JSON escape or runs past {@code limit}. A {@code \\u} escape gives one UTF-16 unit.
     */
    static int escape(final byte[] buffer, final int at, final int limit)
    {
        if (at >= limit)
        {
            return -1;
        }
        switch (buffer[at])
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
                return unicodeEscape(buffer, at + 1, limit);
            default:
                return -1;
        }
    }

    /** Bytes of the escape whose first byte after the backslash is {@code first}. */
    static int escapeLength(final byte first)
    {
        return first == 'u' ? UNICODE_ESCAPE_BYTES : 1;
    }

    private static int unicodeEscape(final byte[] buffer, final int at, final int limit)
    {
        if (at + HEX_DIGITS > limit)
        {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < HEX_DIGITS; i++)
        {
            final int digit = Character.digit(buffer[at + i], HEX);
            if (digit < 0)
            {
                return -1;
            }
            code = code * HEX + digit;
        }
        return code;
    }

    /** Bytes of the UTF-8 sequence that {@code first} (at least 0x80) starts, or -1 when it starts none. */
    static int utf8Length(final int first)
    {
        if ((first & 0xE0) == 0xC0)
        {
            return 2;
        }
        if ((first & 0xF0) == 0xE0)
        {
            return 3;
        }
        return (first & 0xF8) == 0xF0 ? 4 : -1;
    }

    /**
     * The code point of the {@code length}-byte UTF-8 sequence at {@code at}, or -1 when it runs
     * past {@code limit}, a continuation byte is wrong, or it lies beyond U+10FFFF.
     */
    static int utf8(final byte[] buffer, final int at, final int limit, final int length)
    {
        if (at + length > limit)
        {
            return -1;
        }
        int code = buffer[at] & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++)
        {
            final int b = buffer[at + i] & 0xFF;
            if ((b & 0xC0) != 0x80)
            {
                return -1;
            }
            code = (code << 6) | (b & 0x3F);
        }
        return code > MAX_CODE_POINT ? -1 : code;
    }
}
