package org.payswitch.gateway.json;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * Writes JSON into a Netty buffer without building strings: names and ASCII values are
 * written byte by byte, commas placed by a small per-depth state. Reusable: {@link #wrap}.
 */
public final class JsonWriter
{
    /** Most arrays and objects open at once; the switch's answers nest three. */
    private static final int MAX_DEPTH = 16;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final boolean[] first = new boolean[MAX_DEPTH];
    private ByteBuf out;
    private int depth;

    /** Starts writing at the end of {@code buffer}. */
    public JsonWriter wrap(final ByteBuf buffer)
    {
        out = buffer;
        depth = 0;
        first[0] = true;
        return this;
    }

    public JsonWriter beginObject()
    {
        separator();
        out.writeByte('{');
        first[++depth] = true;
        return this;
    }

    public JsonWriter endObject()
    {
        depth--;
        out.writeByte('}');
        return this;
    }

    public JsonWriter beginArray()
    {
        separator();
        out.writeByte('[');
        first[++depth] = true;
        return this;
    }

    public JsonWriter endArray()
    {
        depth--;
        out.writeByte(']');
        return this;
    }

    /** Writes a member name; the value follows. */
    public JsonWriter name(final String name)
    {
        separator();
        out.writeByte('"');
        ByteBufUtil.writeAscii(out, name);
        out.writeByte('"').writeByte(':');
        first[depth] = true;
        return this;
    }

    /**
     * Writes a string value (null writes null), escaping as JSON requires. A surrogate without its
     * pair is written as '?' (UTF-8 has no encoding for it), and the character after it as itself.
     */
    public JsonWriter string(final CharSequence value)
    {
        separator();
        if (value == null)
        {
            ByteBufUtil.writeAscii(out, "null");
            return this;
        }
        out.writeByte('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.writeByte('\\').writeByte(c);
            }
            else if (c < 0x20)
            {
                out.writeByte('\\').writeByte('u').writeByte('0').writeByte('0')
                    .writeByte(HEX[c >> 4]).writeByte(HEX[c & 0xF]);
            }
            else if (c < 0x80)
            {
                out.writeByte(c);
            }
            else
            {
                final boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length() &&
                    Character.isLowSurrogate(value.charAt(i + 1));
                final int end = pair ? i + 2 : i + 1;
                ByteBufUtil.writeUtf8(out, value.subSequence(i, end));
                i = end - 1;
            }
        }
        out.writeByte('"');
        return this;
    }

    /** Writes a non-negative whole number as a JSON string ("123"), without building a String. */
    public JsonWriter numberAsString(final long value)
    {
        separator();
        out.writeByte('"');
        digits(value);
        out.writeByte('"');
        return this;
    }

    /** Writes a whole number. */
    public JsonWriter number(final long value)
    {
        separator();
        digits(value);
        return this;
    }

    private void digits(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            ByteBufUtil.writeAscii(out, Long.toString(value));
            return;
        }
        long v = value;
        if (v < 0)
        {
            out.writeByte('-');
            v = -v;
        }
        long divisor = 1;
        while (v / divisor >= 10)
        {
            divisor *= 10;
        }
        while (divisor > 0)
        {
            out.writeByte((int)('0' + (v / divisor) % 10));
            divisor /= 10;
        }
    }

    /** Writes a boolean. */
    public JsonWriter bool(final boolean value)
    {
        separator();
        ByteBufUtil.writeAscii(out, value ? "true" : "false");
        return this;
    }

    /** Writes null. */
    public JsonWriter nullValue()
    {
        separator();
        ByteBufUtil.writeAscii(out, "null");
        return this;
    }

    private void separator()
    {
        if (first[depth])
        {
            first[depth] = false;
        }
        else
        {
            out.writeByte(',');
        }
    }
}
