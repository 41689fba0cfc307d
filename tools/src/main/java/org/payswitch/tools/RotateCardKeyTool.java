package org.payswitch.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.crypto.KeyEncryptionKeys;
import org.payswitch.core.crypto.KeyFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Rotates the key-encryption key of a switch's card data (docs/security.md): adds a fresh KEK to
 * the key file, which becomes the active one, and re-wraps every data key of the data folder's
 * ring under it. The journal and the snapshots are not touched (their card data is sealed under
 * the data keys, which stay the same), so history is not rewritten; once this has run, the old
 * KEK's line may be removed from the key file. Run it with the switch stopped.
 */
@Command(name = "rotate-card-key", mixinStandardHelpOptions = true,
    description = "Adds a new key-encryption key to the card key file and re-wraps the data folder's data keys under it "
        + "(run with the switch stopped; the journal is not rewritten).")
final class RotateCardKeyTool implements Callable<Integer>
{
    @Mixin
    CardKeyOptions keys;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final Path keyFile = keys.keyFile();
        final Path ring = CardKeys.ringFolderOf(keys.dataDir);
        if (!Files.isRegularFile(ring.resolve(DataKeyRing.FILE_NAME)))
        {
            spec.commandLine().getErr().println("rotate-card-key: no data key ring in " + ring);
            return 2;
        }
        try
        {
            final KeyEncryptionKeys before = KeyEncryptionKeys.load(keyFile);
            final SecureRandom random = new SecureRandom();
            final int id = KeyEncryptionKeys.addKey(keyFile, random);
            final int rewrapped = DataKeyRing.rewrap(ring, before, KeyEncryptionKeys.load(keyFile), random);
            spec.commandLine().getOut().printf("rotate-card-key: KEK %d added to %s and active; %d data key(s) of %s " +
                "re-wrapped under it. The older KEK lines may now be removed from the key file.%n",
                id, keyFile, rewrapped, ring);
            return 0;
        }
        catch (final KeyFileException e)
        {
            spec.commandLine().getErr().println("rotate-card-key: " + e.getMessage());
            return 2;
        }
    }
}
