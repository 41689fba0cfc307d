package org.payswitch.core.testing;

import java.util.HexFormat;

/**
 * Golden bytes written as annotated hex: each line some bytes in hex, then {@code #} and what they
 * are. {@link #parse} drops the notes and the spaces; {@link #line} writes one such line, so a test
 * can print the actual bytes in the form of its expectation when they differ.
 */
public final class GoldenHex
{
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private GoldenHex()
    {
    }

    /** The bytes of annotated hex: on each line what comes before {@code #}, spaces ignored. */
    public static byte[] parse(final String annotated)
    {
        final StringBuilder digits = new StringBuilder();
        annotated.lines().forEach(line ->
        {
            final int note = line.indexOf('#');
            digits.append((note < 0 ? line : line.substring(0, note)).replaceAll("\\s", ""));
        });
        return HexFormat.of().parseHex(digits);
    }

    /** One annotated line: bytes {@code from} to {@code to} (excluded) of {@code bytes}, then the note. */
    public static String line(final byte[] bytes, final int from, final int to, final String note)
    {
        return HEX.formatHex(bytes, from, to) + "  # " + note + "\n";
    }

    /** Bytes {@code from} to {@code to} as annotated lines of at most 16 bytes, the note on the first. */
    public static String lines(final byte[] bytes, final int from, final int to, final String note)
    {
        final StringBuilder text = new StringBuilder();
        for (int at = from; at < to; at += 16)
        {
            text.append(line(bytes, at, Math.min(to, at + 16), at == from ? note : note + ", continued"));
        }
        return text.toString();
    }
}
