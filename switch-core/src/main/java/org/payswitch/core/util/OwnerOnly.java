package org.payswitch.core.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The switch's data (journal, snapshots) holds card numbers: its folders are made 0700 and its
 * files 0600, set explicitly after creation so the umask does not decide (as
 * {@code crypto.SecureFiles} does for key files). On a file system without POSIX modes nothing is
 * changed. Also forces a folder to disk, which makes a rename inside it durable.
 */
public final class OwnerOnly
{
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly()
    {
    }

    /** Creates {@code folder} (and missing parents, each 0700) when missing, and makes it 0700. */
    public static Path folder(final Path folder)
    {
        try
        {
            final Path absolute = folder.toAbsolutePath();
            if (!Files.isDirectory(absolute))
            {
                final Path parent = absolute.getParent();
                if (parent != null)
                {
                    folderIfMissing(parent);
                }
                Files.createDirectories(absolute);
            }
            setMode(absolute, FOLDER);
            return folder;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    /** Creates {@code folder} 0700 when missing; an existing folder (the operator's) keeps its mode. */
    public static Path folderIfMissing(final Path folder)
    {
        return Files.isDirectory(folder) ? folder : folder(folder);
    }

    /** Makes {@code file} 0600. */
    public static void file(final Path file)
    {
        try
        {
            setMode(file, FILE);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot restrict " + file, e);
        }
    }

    /** Makes every regular file directly in {@code folder} 0600. */
    public static void filesIn(final Path folder)
    {
        try (Stream<Path> files = Files.list(folder))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                if (Files.isRegularFile(file))
                {
                    setMode(file, FILE);
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot restrict the files in " + folder, e);
        }
    }

    /** Forces {@code folder}'s entries to disk: after a rename into it, the new name survives a power cut. */
    public static void force(final Path folder) throws IOException
    {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    private static void setMode(final Path path, final Set<PosixFilePermission> mode) throws IOException
    {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) != null &&
            !Files.getPosixFilePermissions(path).equals(mode))
        {
            Files.setPosixFilePermissions(path, mode);
        }
    }
}
