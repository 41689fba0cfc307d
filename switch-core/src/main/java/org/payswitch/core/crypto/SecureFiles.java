package org.payswitch.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Key material on disk: files created readable and writable by their owner only (0600) whatever
 * the umask, written durably (forced to the device, then renamed into place, then the folder
 * forced, so a crash leaves the old file or the new one, never half of one).
 */
final class SecureFiles
{
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    private SecureFiles()
    {
    }

    /** Creates {@code file} with {@code bytes}, mode 0600; refuses when it exists. */
    static void createPrivateFile(final Path file, final byte[] bytes) throws IOException
    {
        if (Files.exists(file))
        {
            throw new FileAlreadyExistsException(file.toString());
        }
        replacePrivate(file, bytes);
    }

    /** Appends {@code bytes} to the existing {@code file}, durably, keeping its mode 0600. */
    static void appendPrivate(final Path file, final byte[] bytes) throws IOException
    {
        final byte[] old = Files.readAllBytes(file);
        final byte[] both = new byte[old.length + bytes.length];
        System.arraycopy(old, 0, both, 0, old.length);
        System.arraycopy(bytes, 0, both, old.length, bytes.length);
        replacePrivate(file, both);
    }

    /** Writes {@code bytes} as the whole of {@code file} (mode 0600), atomically and durably. */
    static void replacePrivate(final Path file, final byte[] bytes) throws IOException
    {
        final Path folder = file.toAbsolutePath().getParent();
        createPrivateFolder(folder);
        final Path temporary = folder.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE), ownerOnly()))
        {
            final ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.setPosixFilePermissions(temporary, OWNER_ONLY);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(folder);
    }

    /** Creates {@code folder} (and its parents) when missing; a folder this creates is 0700. */
    static void createPrivateFolder(final Path folder) throws IOException
    {
        if (!Files.isDirectory(folder))
        {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        }
    }

    private static void forceFolder(final Path folder) throws IOException
    {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly()
    {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }
}
