package org.payswitch.tools.operator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * What every import does around its own reading of the file: a progress display while the file is
 * read and its items sent, the wait for the last answers, then the outcome printed and its exit
 * status. A file that cannot be read past a point ends the run there, after what was read before
 * it has been sent.
 */
final class ImportRun
{
    /** Reads the rest of the file, handing each item to the run's {@link BulkSender}. */
    @FunctionalInterface
    interface Reading
    {
        void sendAll() throws IOException, InterruptedException;
    }

    private ImportRun()
    {
    }

    /**
     * Runs {@code reading} over {@code file} (whose {@code bytesRead} it reports as progress) and
     * prints the outcome of the items called {@code noun} to {@code out}.
     *
     * @return the exit status ({@link ImportResult#exitStatus()})
     */
    static int run(
        final String noun,
        final Path file,
        final BulkSender sender,
        final LongSupplier bytesRead,
        final PrintWriter out,
        final Reading reading) throws InterruptedException
    {
        ImportResult result = null;
        try
        {
            final ProgressMeter meter = new ProgressMeter(noun, Files.size(file), System.nanoTime());
            try (ProgressDisplay progress = ProgressDisplay.start(meter, bytesRead, sender::done))
            {
                reading.sendAll();
                result = sender.finish();
            }
        }
        catch (final IOException | UncheckedIOException e)
        {
            sender.fileEndsEarly("cannot read " + file + ": " + e.getMessage());
        }
        if (result == null)
        {
            result = sender.finish();
        }
        result.print(out, noun);
        return result.exitStatus();
    }
}
