package org.payswitch.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A temporary data folder, {@code data}, inside a temporary folder of its own: the switch puts its
 * demo card key file beside its data folder (never inside), so a test's data folder must not sit
 * directly in {@code /tmp}. Closing the factory deletes the outer folder, key file included.
 * Use as {@code @TempDir(factory = DataFolderFactory.class)}.
 */
public final class DataFolderFactory implements TempDirFactory
{
    private Path outer;

    @Override
    public Path createTempDirectory(final AnnotatedElementContext element, final ExtensionContext extension)
        throws IOException
    {
        outer = Files.createTempDirectory("junit-");
        return Files.createDirectory(outer.resolve("data"));
    }

    @Override
    public void close()
    {
        if (outer == null)
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(outer))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot delete " + outer, e);
        }
    }
}
