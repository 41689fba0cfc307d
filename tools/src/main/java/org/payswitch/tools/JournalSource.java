package org.payswitch.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.journal.JournalConfig;
import picocli.CommandLine.Option;

/**
 * The journal {@code journal dump} and {@code journal tail} read: the one in the data folder's
 * {@code journal} folder, opened read-only ({@link JournalConfig#asReadOnly}: no file in it is
 * written, created or extended). Checked before it is opened: a folder without
 * {@code metadata.cq4t} is refused as not a journal. No card key is needed: the dump shows PANs
 * from their truncation, which every record holds in clear.
 */
final class JournalSource
{
    /** The Chronicle file every journal folder holds once a switch has opened it. */
    static final String METADATA_FILE = "metadata.cq4t";

    @Option(names = "--data-dir", description = "the switch's data folder (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of("data");

    /** The journal's folder. */
    Path directory()
    {
        return dataDir.resolve("journal");
    }

    /** The journal to read; its card keys are never used (sealed card data is not opened). */
    JournalConfig config()
    {
        return JournalConfig.in(dataDir, CardKeys.withoutKeyFile(dataDir)).asReadOnly();
    }

    /** Why the folder cannot be read as a journal, in one line naming it; null when it can. */
    String problem()
    {
        final Path directory = directory();
        if (!Files.isDirectory(directory))
        {
            return "no journal in " + directory + " (no such folder)";
        }
        if (!Files.isRegularFile(directory.resolve(METADATA_FILE)))
        {
            return directory + " is not a journal: it has no " + METADATA_FILE;
        }
        return null;
    }
}
