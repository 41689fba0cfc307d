package org.payswitch.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.payswitch.core.domain.Pan;
import picocli.CommandLine.Option;

/**
 * Where {@code report statement} reads the card's PAN: the first line of a file ({@code --pan-file})
 * or of standard input ({@code --pan-stdin}), never an argument, since a shell keeps its command
 * lines in its history. Spaces in the line are ignored (a PAN is often written in groups of four).
 * No message ever shows what was read: a line that is not a PAN may still be most of one.
 */
final class PanInput
{
    @Option(names = "--pan-file", paramLabel = "FILE", required = true,
        description = "read the card's PAN from the first line of FILE")
    Path file;

    @Option(names = "--pan-stdin", required = true,
        description = "read the card's PAN from the first line of standard input")
    boolean stdin;

    /** A PAN read: its value (unsigned) and its number of digits. */
    record Card(long pan, int length)
    {
        /** The PAN truncated to its first six and last four digits, as journal records hold it. */
        long truncated()
        {
            return Pan.truncated(pan, length);
        }

        /** The PAN masked, first six and last four digits. */
        String masked()
        {
            return Pan.maskTruncated(truncated(), length);
        }
    }

    /**
     * The PAN of the file, or of {@code in} for {@code --pan-stdin}.
     *
     * @throws BadOptionException naming the option and what is wrong, without the line read
     */
    Card read(final InputStream in)
    {
        final String option = stdin ? "--pan-stdin" : "--pan-file";
        final String where = stdin ? "standard input" : file.toString();
        final String line;
        try
        {
            line = stdin ? firstLine(in) : firstLine(file);
        }
        catch (final IOException e)
        {
            throw new BadOptionException(option + ": cannot read " + where + ": " + e.getClass().getSimpleName());
        }
        if (line == null || line.isBlank())
        {
            throw new BadOptionException(option + ": " + where + " holds no PAN on its first line");
        }
        final String digits = line.replace(" ", "").strip();
        final long pan = Pan.parse(digits);
        if (pan == Pan.INVALID)
        {
            throw new BadOptionException(option + ": the first line of " + where +
                " is not a PAN: 12 to 19 digits expected (what was read is not shown)");
        }
        return new Card(pan, digits.length());
    }

    private static String firstLine(final Path path) throws IOException
    {
        try (InputStream in = Files.newInputStream(path))
        {
            return firstLine(in);
        }
    }

    private static String firstLine(final InputStream in) throws IOException
    {
        final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        return reader.readLine();
    }
}
