package org.payswitch.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A tmpfs of a few MiB mounted for one test, so that a disk fills for real (a memory-mapped
 * journal then raises {@code InternalError} from SIGBUS, as on a full disk). {@link #mount}
 * returns null where the machine does not allow mounting (not root, no CAP_SYS_ADMIN); the tests
 * then inject the same failure instead.
 */
public final class SmallTmpfs implements AutoCloseable
{
    private final Path folder;

    private SmallTmpfs(final Path folder)
    {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code mebibytes} at {@code folder} (created if missing), or returns null. */
    public static SmallTmpfs mount(final Path folder, final int mebibytes)
    {
        try
        {
            Files.createDirectories(folder);
            return run("mount", "-t", "tmpfs", "-o", "size=" + mebibytes + "m", "tmpfs", folder.toString()) ?
                new SmallTmpfs(folder) : null;
        }
        catch (final IOException e)
        {
            return null;
        }
    }

    /** The mounted folder. */
    public Path folder()
    {
        return folder;
    }

    /** Grows the file system to {@code mebibytes}: the operator freeing the disk before a restart. */
    public void grow(final int mebibytes)
    {
        if (!run("mount", "-o", "remount,size=" + mebibytes + "m", folder.toString()))
        {
            throw new IllegalStateException("cannot grow the tmpfs at " + folder);
        }
    }

    @Override
    public void close()
    {
        run("umount", "-l", folder.toString());
    }

    private static boolean run(final String... command)
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor() == 0;
        }
        catch (final IOException e)
        {
            return false;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
