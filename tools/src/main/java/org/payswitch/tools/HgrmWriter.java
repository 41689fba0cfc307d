package org.payswitch.tools;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;

/**
 * Writes a latency histogram recorded in nanoseconds as an HdrHistogram percentile distribution
 * ({@code .hgrm}, {@link Histogram#outputPercentileDistribution} in milliseconds), the text that
 * HdrHistogram's plotter and wrk2 users compare runs with.
 */
final class HgrmWriter
{
    /** Nanoseconds per millisecond: the .hgrm's unit. */
    static final double NANOS_PER_MILLI = 1e6;
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private HgrmWriter()
    {
    }

    /** The distribution of {@code histogram} as .hgrm text. */
    static String toText(final Histogram histogram)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(out, TICKS_PER_HALF_DISTANCE, NANOS_PER_MILLI);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Writes the distribution of {@code histogram} to {@code file}. */
    static void write(final Histogram histogram, final Path file) throws IOException
    {
        Files.writeString(file, toText(histogram), StandardCharsets.UTF_8);
    }
}
