package org.payswitch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.payswitch.core.crypto.CardKeys;

/** The temporary folders of benchmarks and bare servers (journals), deleted when done. */
public final class TempFolders
{
    private TempFolders()
    {
    }

    /** Deletes {@code directory}, everything in it, and the demo card key file beside it, if any. */
    public static void delete(final Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            Files.deleteIfExists(CardKeys.demoKeyFile(directory));
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
