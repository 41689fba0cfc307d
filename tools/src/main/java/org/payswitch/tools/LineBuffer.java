package org.payswitch.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * The characters of the lines a journal command prints, built in one reused array and handed to
 * the output {@link Writer} a large block at a time: no String, no {@code String.format} and no
 * lock per record, which is what lets a dump of millions of records keep up with a pipe. Numbers
 * are written digit by digit, the journal's ASCII id fields byte by byte (each byte as the
 * character of the same value).
 */
final class LineBuffer
{
    private static final int FLUSH_AT = 64 * 1024;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] DIGIT_PAIRS = digitPairs();

    private final Writer out;
    private char[] chars = new char[FLUSH_AT + 1024];
    private int length;
    private int lineStart;

    LineBuffer(final Writer out)
    {
        this.out = out;
    }

    /** Characters of the current line so far. */
    int column()
    {
        return length - lineStart;
    }

    LineBuffer append(final char c)
    {
        ensure(1);
        chars[length++] = c;
        return this;
    }

    LineBuffer append(final String text)
    {
        final int count = text.length();
        ensure(count);
        text.getChars(0, count, chars, length);
        length += count;
        return this;
    }

    /** The value in decimal: two digits per division, from a table. */
    LineBuffer append(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            return append(Long.toString(value));
        }
        ensure(20);
        final char[] target = chars;
        long rest = value;
        int start = length;
        if (rest < 0)
        {
            target[start++] = '-';
            rest = -rest;
        }
        final int end = start + digitsOf(rest);
        int at = end;
        while (rest >= 100)
        {
            final long quotient = rest / 100;
            final int pair = (int)(rest - quotient * 100) << 1;
            target[--at] = DIGIT_PAIRS[pair + 1];
            target[--at] = DIGIT_PAIRS[pair];
            rest = quotient;
        }
        if (rest >= 10)
        {
            target[--at] = DIGIT_PAIRS[((int)rest << 1) + 1];
            target[--at] = DIGIT_PAIRS[(int)rest << 1];
        }
        else
        {
            target[--at] = (char)('0' + rest);
        }
        length = end;
        return this;
    }

    /** The value in lower-case hexadecimal, without a prefix (how the journal names its indexes). */
    LineBuffer appendHex(final long value)
    {
        ensure(16);
        final char[] target = chars;
        final int end = length + Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 3) / 4);
        long rest = value;
        for (int at = end - 1; at >= length; at--)
        {
            target[at] = HEX[(int)rest & 0xF];
            rest >>>= 4;
        }
        length = end;
        return this;
    }

    /** The value zero-padded to {@code width} digits (a non-negative value of at most that many digits), two digits per division. */
    LineBuffer appendPadded(final int value, final int width)
    {
        ensure(width);
        final char[] target = chars;
        final int start = length;
        int at = start + width;
        int rest = value;
        while (at - start >= 2)
        {
            final int quotient = rest / 100;
            final int pair = (rest - quotient * 100) << 1;
            target[--at] = DIGIT_PAIRS[pair + 1];
            target[--at] = DIGIT_PAIRS[pair];
            rest = quotient;
        }
        if (at > start)
        {
            target[--at] = (char)('0' + rest % 10);
        }
        length = start + width;
        return this;
    }

    /** {@code count} asterisks (the masked digits of a PAN). */
    LineBuffer appendStars(final int count)
    {
        ensure(count);
        for (int i = 0; i < count; i++)
        {
            chars[length++] = '*';
        }
        return this;
    }

    /** {@code count} chars of {@code source} from {@code from}. */
    LineBuffer append(final char[] source, final int from, final int count)
    {
        ensure(count);
        System.arraycopy(source, from, chars, length, count);
        length += count;
        return this;
    }

    /** {@code count} ASCII bytes of {@code bytes} from {@code from}. */
    LineBuffer appendAscii(final byte[] bytes, final int from, final int count)
    {
        ensure(count);
        for (int i = from; i < from + count; i++)
        {
            chars[length++] = (char)(bytes[i] & 0xFF);
        }
        return this;
    }

    /** Spaces up to column {@code column} of the line, or one space when the line is already that long. */
    LineBuffer padTo(final int column)
    {
        int spaces = Math.max(1, column - column());
        ensure(spaces);
        while (spaces-- > 0)
        {
            chars[length++] = ' ';
        }
        return this;
    }

    /** Ends the line; hands the lines so far to the writer once they fill the block. */
    void endLine()
    {
        append('\n');
        lineStart = length;
        if (length >= FLUSH_AT)
        {
            drain();
        }
    }

    /** Hands every complete line to the writer and flushes it: before waiting, before an error, at the end. */
    void flush()
    {
        drain();
        try
        {
            out.flush();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private void drain()
    {
        if (lineStart == 0)
        {
            return;
        }
        try
        {
            out.write(chars, 0, lineStart);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        System.arraycopy(chars, lineStart, chars, 0, length - lineStart);
        length -= lineStart;
        lineStart = 0;
    }

    private void ensure(final int more)
    {
        if (length + more > chars.length)
        {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    private static char[] digitPairs()
    {
        final char[] pairs = new char[200];
        for (int i = 0; i < 100; i++)
        {
            pairs[2 * i] = (char)('0' + i / 10);
            pairs[2 * i + 1] = (char)('0' + i % 10);
        }
        return pairs;
    }

    private static int digitsOf(final long value)
    {
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10)
        {
            digits++;
        }
        return digits;
    }
}
