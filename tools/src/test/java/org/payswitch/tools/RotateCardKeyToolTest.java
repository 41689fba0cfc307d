package org.payswitch.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.crypto.CardData;
import org.payswitch.core.crypto.CardDataCipher;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.KeyEncryptionKeys;
import org.payswitch.core.testing.DataFolderFactory;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KEK rotation on a real key file and data key ring: card data sealed before the rotation still
 * opens after it with the old KEK's line removed from the key file (the data keys were re-wrapped,
 * the sealed data was not touched), and a data folder without a ring is refused by name.
 */
class RotateCardKeyToolTest
{
    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldOpenCardDataSealedBeforeTheRotationWithOnlyTheNewKek() throws Exception
    {
        final Path keyFile = dataDir.resolveSibling("card-keys");
        KeyEncryptionKeys.create(keyFile, new SecureRandom());
        final UnsafeBuffer sealed = new UnsafeBuffer(ByteBuffer.allocateDirect(CardDataCipher.SEALED_LENGTH));
        new CardDataCipher(CardKeys.of(keyFile, dataDir).openForWriting()).seal(6_222_600_000_000_006L, 16, 3012, sealed, 0);
        final List<String> before = Files.readAllLines(keyFile);

        final StringWriter out = new StringWriter();
        final int exit = run(out, "rotate-card-key", "--data-dir", dataDir.toString(), "--card-key-file", keyFile.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("KEK 2 added").contains("1 data key(s)");
        final List<String> after = Files.readAllLines(keyFile);
        assertThat(after).hasSize(before.size() + 1);
        Files.write(keyFile, after.subList(before.size(), after.size()));
        final CardData opened = new CardData();
        assertThat(new CardDataCipher(CardKeys.of(keyFile, dataDir).openForReading()).open(sealed, 0, opened)).isTrue();
        assertThat(opened.pan).isEqualTo(6_222_600_000_000_006L);
        assertThat(opened.panLength).isEqualTo(16);
        assertThat(opened.expiry).isEqualTo(3012);
    }

    @Test
    void shouldRefuseADataFolderWithoutADataKeyRing()
    {
        final StringWriter err = new StringWriter();
        final CommandLine commandLine = new CommandLine(new LoadGenerator());
        commandLine.setErr(new PrintWriter(err));
        final int exit = commandLine.execute("rotate-card-key", "--data-dir", dataDir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("no data key ring in");
    }

    private static int run(final StringWriter out, final String... args)
    {
        final CommandLine commandLine = new CommandLine(new LoadGenerator());
        commandLine.setOut(new PrintWriter(out));
        return commandLine.execute(args);
    }
}
