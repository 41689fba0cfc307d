package org.payswitch.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.KeyEncryptionKeys;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.testing.DataFolderFactory;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code journal} over a real Chronicle journal written the way the switch writes it. */
class JournalToolTest
{
    private static final long NOON = 1_794_456_000_000L;

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void journalDemoDataThreeAuthorizationsAndACapture()
    {
        final CommandExecutor executor = demoExecutor();
        final SwitchCommand command = new SwitchCommand();
        try (JournalWriter writer = new JournalWriter(JournalConfig.in(dataDir)))
        {
            journalDemoData(executor, writer, command);
            for (int i = 1; i <= 3; i++)
            {
                authorization(command, i, "O" + i, i);
                executor.execute(command);
                assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
                writer.append(command);
            }
            command.reset();
            command.type = CommandType.CAPTURE;
            command.timestamp = NOON + 10;
            command.transactionId = 1;
            executor.execute(command);
            writer.append(command);
        }
    }

    @Test
    void shouldPrintEveryRecordWithItsDecisionAndNoWholePan()
    {
        assertThat(run()).isZero();

        final String printed = out.toString();
        assertThat(printed.lines().filter(line -> line.contains(" AUTHORIZE "))).hasSize(3)
            .allMatch(line -> line.contains(" code=00 ") && line.contains(" amount=12000 CNY"));
        assertThat(printed).contains("LOAD_DEMO_DATA", "CAPTURE", "order=O2", "5 record(s) read, 5 shown");
        for (int i = 1; i <= 3; i++)
        {
            assertThat(printed).doesNotContain(DemoData.panText(i))
                .contains(DemoData.panText(i).substring(0, 6) + "******" + DemoData.panText(i).substring(12));
        }
    }

    @Test
    void shouldSelectByOrderOrByTransaction()
    {
        assertThat(run("--order-id", "O2")).isZero();
        assertThat(out.toString()).contains("5 record(s) read, 1 shown").contains("order=O2 ").doesNotContain("order=O1 ");

        out.getBuffer().setLength(0);
        assertThat(run("--transaction-id", "1")).isZero();
        assertThat(out.toString().lines().filter(line -> line.contains(" AUTHORIZE ") || line.contains(" CAPTURE ")))
            .hasSize(2);
    }

    @Test
    void shouldStopAtTheLimitAndSaySo()
    {
        assertThat(run("--limit", "2")).isZero();
        assertThat(out.toString()).contains("5 record(s) read, 2 shown");
    }

    @Test
    void shouldExitWith2WithoutAJournal()
    {
        assertThat(runIn(dataDir.resolve("nothing"))).isEqualTo(2);
        assertThat(err.toString()).contains("no journal in");
    }

    @Test
    void shouldExitWith1NamingTheFileAndIndexOfADamagedRecord() throws IOException
    {
        final Path file;
        try (Stream<Path> files = Files.list(dataDir.resolve("journal")))
        {
            file = files.filter(f -> f.getFileName().toString().endsWith("L.cq4")).findFirst().orElseThrow();
        }
        final long position = positionOf(file, "O2");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), position);
        }

        assertThat(run()).isEqualTo(1);

        assertThat(out.toString()).contains("O1").doesNotContain("order=O2").contains("2 record(s) read");
        assertThat(err.toString()).startsWith("journal: journal record ").contains(" in " + file)
            .contains("fails its CRC-32C checksum").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldOpenSealedCardDataWithTheKeyFileAndNameTheMissingKeyWithoutIt()
    {
        final Path sealedData = dataDir.resolve("sealed-data");
        final Path keyFile = dataDir.resolve("sealed-card-keys");
        KeyEncryptionKeys.create(keyFile, new SecureRandom());
        final CommandExecutor executor = demoExecutor();
        final SwitchCommand command = new SwitchCommand();
        try (JournalWriter writer = new JournalWriter(JournalConfig.in(sealedData, CardKeys.of(keyFile, sealedData))))
        {
            journalDemoData(executor, writer, command);
            for (int i = 1; i <= 2; i++)
            {
                authorization(command, i, "S" + i, i == 1 ? 3 : 80);
                executor.execute(command);
                writer.append(command);
            }
        }

        assertThat(runIn(sealedData, "--card-key-file", keyFile.toString())).isZero();
        assertThat(out.toString()).contains("3 record(s) read, 3 shown").contains(" code=14 ")
            .contains(DemoData.panText(80).substring(0, 6) + "******" + DemoData.panText(80).substring(12))
            .doesNotContain(DemoData.panText(80)).doesNotContain(DemoData.panText(3));

        out.getBuffer().setLength(0);
        assertThat(runIn(sealedData)).isEqualTo(2);
        assertThat(err.toString()).contains("--card-key-file").contains(sealedData.resolve("keys").toString())
            .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).contains("3 record(s) read, 2 shown");
    }

    private static long positionOf(final Path file, final String orderId) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] wanted = orderId.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + wanted.length <= bytes.length; i++)
        {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length) && bytes[i + wanted.length] == 0)
            {
                return i;
            }
        }
        throw new IllegalStateException(orderId + " not in " + file);
    }

    private int run(final String... options)
    {
        return runIn(dataDir, options);
    }

    private int runIn(final Path folder, final String... options)
    {
        final String[] args = new String[options.length + 3];
        args[0] = "journal";
        args[1] = "--data-dir";
        args[2] = folder.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        final CommandLine command = new CommandLine(new LoadGenerator());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private static CommandExecutor demoExecutor()
    {
        return new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16)), DemoData::load);
    }

    /** Executes and journals the demo data of 10 cards, as of noon. */
    private static void journalDemoData(
        final CommandExecutor executor, final JournalWriter writer, final SwitchCommand command)
    {
        command.reset();
        command.type = CommandType.LOAD_DEMO_DATA;
        command.amount = 10;
        command.timestamp = NOON;
        executor.execute(command);
        writer.append(command);
    }

    /** An authorization of 120.00 CNY at merchant {@code i}, demo card {@code card}, {@code i} ms after noon. */
    private static void authorization(final SwitchCommand command, final int i, final String orderId, final int card)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = NOON + i;
        command.merchantId.set(DemoData.merchantId(i));
        command.orderId.set(orderId);
        command.pan = DemoData.pan(card);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = 12_000;
        command.currency = DemoData.CNY;
    }
}
