package org.payswitch.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import org.payswitch.core.crypto.CardKeys;
import picocli.CommandLine.Option;

/**
 * The options of the commands that read a switch's data folder and its card data keys
 * ({@code journal}, {@code rotate-card-key}): the folder, and the key file that opens it, which
 * defaults to the demo key file the switch makes beside the folder on loopback.
 */
final class CardKeyOptions
{
    @Option(names = "--data-dir", description = "the switch's data folder (default: ${DEFAULT-VALUE})")
    Path dataDir = Path.of("data");

    @Option(names = "--card-key-file",
        description = "the switch's card-key-file, which opens the card data sealed in the data folder "
            + "(default: the demo key file beside the data folder)")
    Path cardKeyFile;

    /** The key file given, else the demo key file beside the data folder. */
    Path keyFile()
    {
        return cardKeyFile != null ? cardKeyFile : CardKeys.demoKeyFile(dataDir);
    }

    /** The keys to read with: the key file given, else the demo key file when it exists, else none. */
    CardKeys forReading()
    {
        return forReading(cardKeyFile, dataDir);
    }

    /**
     * The keys to read {@code dataDir} with: {@code keyFile} when given (not null), else the demo key
     * file beside the folder when it exists, else none (a journal of cards on file only needs none).
     */
    static CardKeys forReading(final Path keyFile, final Path dataDir)
    {
        if (keyFile != null)
        {
            return CardKeys.of(keyFile, dataDir);
        }
        return Files.exists(CardKeys.demoKeyFile(dataDir)) ? CardKeys.demo(dataDir) : CardKeys.withoutKeyFile(dataDir);
    }
}
