package org.payswitch.core.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * Where the keys of a data folder's card data are: the key-encryption key file (outside the data
 * folder) and the data key ring ({@code <data-dir>/keys}). Opens the ring for the switch, which
 * seals, or for readers (recovery, the tools), which only open. A demo key file, made beside the
 * data folder when missing, is what a switch on loopback uses without {@code card-key-file}.
 *
 * @param keyFile    the key-encryption key file, or null when none was given (a reader then
 *                   refuses sealed data, naming what is missing)
 * @param ringFolder the folder of the data key ring
 * @param demo       true when {@code keyFile} is the demo key file, which the switch creates if missing
 */
public record CardKeys(Path keyFile, Path ringFolder, boolean demo)
{
    private static final System.Logger LOG = System.getLogger(CardKeys.class.getName());
    /** Suffix of the demo key file's name, after the data folder's own name, beside it. */
    public static final String DEMO_SUFFIX = ".card-keys";

    /** The keys of {@code dataDir} under the key file {@code keyFile}. */
    public static CardKeys of(final Path keyFile, final Path dataDir)
    {
        return new CardKeys(keyFile, ringFolderOf(dataDir), false);
    }

    /** The demo keys of {@code dataDir}: the key file {@code <data-dir>.card-keys} beside the folder. */
    public static CardKeys demo(final Path dataDir)
    {
        return new CardKeys(demoKeyFile(dataDir), ringFolderOf(dataDir), true);
    }

    /** A reader's keys without a key file: sealed data is refused with a message naming the setting. */
    public static CardKeys withoutKeyFile(final Path dataDir)
    {
        return new CardKeys(null, ringFolderOf(dataDir), false);
    }

    /** The demo key file of {@code dataDir}: beside it, never inside it. */
    public static Path demoKeyFile(final Path dataDir)
    {
        final Path absolute = dataDir.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + DEMO_SUFFIX);
    }

    /** The folder of the data key ring of {@code dataDir}. */
    public static Path ringFolderOf(final Path dataDir)
    {
        return dataDir.resolve("keys");
    }

    /**
     * The ring with a new data key for this run (the switch's, which seals). The demo key file is
     * created when missing, and its use logged once as a warning.
     */
    public DataKeyRing openForWriting()
    {
        final SecureRandom random = new SecureRandom();
        if (demo)
        {
            if (!Files.exists(keyFile))
            {
                KeyEncryptionKeys.create(keyFile, random);
            }
            LOG.log(System.Logger.Level.WARNING, () -> "card data at rest is encrypted under the demo key file " +
                keyFile + ", beside the data folder: set card-key-file to a key file kept apart from the data " +
                "(docs/security.md)");
        }
        return DataKeyRing.openForWriting(ringFolder, KeyEncryptionKeys.load(requireKeyFile()), System.currentTimeMillis(),
            random);
    }

    /** The ring as it is, for readers; refused, naming the key file, when it does not open. */
    public DataKeyRing openForReading()
    {
        return DataKeyRing.openForReading(ringFolder, KeyEncryptionKeys.load(requireKeyFile()));
    }

    /** Names the key file for messages; says that none was given when so. */
    public String describe()
    {
        return keyFile == null ? "no key file given (card-key-file / --card-key-file)" : "key file " + keyFile;
    }

    private Path requireKeyFile()
    {
        if (keyFile == null)
        {
            throw new KeyFileException("card data is sealed under the data keys in " + ringFolder.resolve(
                DataKeyRing.FILE_NAME) + ", which open only with the key-encryption key file of the switch that " +
                "wrote them: give it with --card-key-file (the switch's card-key-file setting)");
        }
        if (!Files.isRegularFile(keyFile))
        {
            throw new KeyFileException("key file " + keyFile + " (card-key-file) does not exist: the data keys in " +
                ringFolder.resolve(DataKeyRing.FILE_NAME) + " open only with it");
        }
        return keyFile;
    }
}
