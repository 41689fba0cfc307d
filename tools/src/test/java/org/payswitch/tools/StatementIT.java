package org.payswitch.tools;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.TransactionView;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.JournalDamage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report statement} over the report tests' journal ({@link ReportJournal}: a seeded workload
 * through the switch's real pipeline): the statements of two cards, table and CSV, compared with
 * golden files (src/test/resources/report), and every line of each checked against the transaction
 * as the switch's own engine holds it at the end (GET_TRANSACTION of every transaction id, those of
 * the card's PAN that were approved), so the golden files hold what the engine agrees with. One
 * card is a demo card (LOAD_DEMO_DATA) with discounts, a refund and a reversal; the other a JPY card
 * an operator defined (UPSERT_CARD: its PAN sealed, opened with the demo key file beside the data
 * folder). Also: the PAN from a file and from stdin, a PAN on the command line refused, a line that
 * is not a PAN, a card not on file, a damaged journal, keys that do not open the card definition,
 * and never a full PAN in the output.
 */
class StatementIT
{
    private static final int DEMO_CARD = 36;
    private static final int JPY_CARD = 503;
    private static final String UNKNOWN_CARD = DemoData.panText(9_999);
    private static final int[] AMOUNT_COLUMNS = {6, 7, 9, 10, 11};
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    @TempDir(factory = DataFolderFactory.class)
    static Path dataDir;

    @TempDir(factory = DataFolderFactory.class)
    Path smallDataDir;

    private static ReportJournal journal;
    private static Path config;

    @BeforeAll
    static void writeJournal() throws IOException
    {
        journal = ReportJournal.writeInto(dataDir, ReportJournal.SEED);
        config = dataDir.getParent().resolve("switch.properties");
        Files.writeString(config, "zone=Asia/Shanghai\nhold-expiry=" + ReportWorkload.HOLD_EXPIRY + "\n");
    }

    @Test
    void shouldPrintTheGoldenStatementOfADemoCardWithDiscountsARefundAndAReversal() throws IOException
    {
        final ToolsRun run = statement(DemoData.panText(DEMO_CARD));
        assertThat(run.err()).isEmpty();
        ReportIT.assertGolden("statement-622260-0360.txt", run.out());
        assertThat(run.out()).contains("622260******0360", "SINGLES-DAY-BOCOM", "REVERSED", "EXPIRED", "CAPTURED",
            "per year", "per merchant category");
    }

    @Test
    void shouldPrintTheGoldenStatementOfAnOperatorsCardInYen() throws IOException
    {
        final ToolsRun run = statement(DemoData.panText(JPY_CARD));
        assertThat(run.err()).isEmpty();
        ReportIT.assertGolden("statement-518888-5031.txt", run.out());
    }

    @Test
    void shouldWriteTheGoldenStatementCsvOfBothCards() throws IOException
    {
        for (final int card : new int[] {DEMO_CARD, JPY_CARD})
        {
            final String pan = DemoData.panText(card);
            final Path csv = dataDir.getParent().resolve("statement-" + card + ".csv");
            final ToolsRun run = statement(pan, "--csv", csv.toString());
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEmpty();
            ReportIT.assertGolden("statement-" + pan.substring(0, 6) + "-" + pan.substring(12) + ".csv",
                Files.readString(csv));
        }
    }

    /** Each CSV line is a transaction the engine holds for the card's PAN, and each such transaction is a line. */
    @Test
    void shouldAgreeWithTheEnginesTransactionsOfTheCard() throws IOException
    {
        final List<String> statuses = new ArrayList<>();
        long discounted = 0;
        long refunded = 0;
        for (final int card : new int[] {DEMO_CARD, JPY_CARD})
        {
            final String pan = DemoData.panText(card);
            final List<List<String>> rows = JournalDumpIT.parseCsv(statement(pan, "--csv", "-").out());
            final List<List<String>> expected = engineRows(DemoData.pan(card));
            assertThat(expected).hasSizeGreaterThan(5);
            assertThat(rows.subList(1, rows.size()).stream().map(StatementIT::inMinorUnits).toList())
                .as(pan.substring(12)).isEqualTo(expected);
            for (final List<String> row : expected)
            {
                statuses.add(row.get(12));
                discounted += row.get(7).equals("0") ? 0 : 1;
                refunded += row.get(11).equals("0") ? 0 : 1;
            }
        }
        assertThat(statuses).contains("CAPTURED", "EXPIRED", "REVERSED");
        assertThat(discounted).isPositive();
        assertThat(refunded).isPositive();
    }

    @Test
    void shouldReadThePanFromStandardInputAsFromAFile() throws IOException
    {
        final String pan = DemoData.panText(DEMO_CARD);
        final ToolsRun fromFile = statement(pan);
        final InputStream stdin = System.in;
        final ToolsRun fromStdin = new ToolsRun();
        try
        {
            System.setIn(new ByteArrayInputStream((pan + "\n").getBytes(StandardCharsets.US_ASCII)));
            assertThat(fromStdin.run("report", "statement", "--data-dir", dataDir.toString(), "--config",
                config.toString(), "--pan-stdin")).isZero();
        }
        finally
        {
            System.setIn(stdin);
        }
        assertThat(fromStdin.err()).isEmpty();
        assertThat(fromStdin.out()).isEqualTo(fromFile.out()).contains("7 transaction(s)");
    }

    @Test
    void shouldRefuseAPanOnTheCommandLineWithoutRepeatingIt()
    {
        final String pan = DemoData.panText(DEMO_CARD);
        for (final String[] args : List.of(
            new String[] {"report", "statement", "--data-dir", dataDir.toString(), pan},
            new String[] {"report", "statement", "--data-dir", dataDir.toString(), "--pan", pan},
            new String[] {"report", "statement", "--data-dir", dataDir.toString(), "--pan=" + pan},
            new String[] {"report", "statement", "--data-dir", dataDir.toString(), "--pan-stdin", pan}))
        {
            final ToolsRun run = new ToolsRun();
            assertThat(run.run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("report statement: a PAN is not taken from the command line")
                .doesNotContain(pan).doesNotContain(pan.substring(6));
            assertThat(run.err().lines()).hasSize(1);
        }
        final ToolsRun neither = new ToolsRun();
        assertThat(neither.run("report", "statement", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(neither.err()).isEqualTo("report statement: which card? Give its PAN on the first line of " +
            "--pan-file FILE, or of standard input with --pan-stdin\n");
    }

    @Test
    void shouldRefuseALineThatIsNotAPanWithoutShowingIt() throws IOException
    {
        for (final String line : List.of("62226000000003601234", "6222-6000-0000-0360", "62226000360", ""))
        {
            final Path file = dataDir.getParent().resolve("bad.pan");
            Files.writeString(file, line + "\n");
            final ToolsRun run = new ToolsRun();
            assertThat(run.run("report", "statement", "--data-dir", dataDir.toString(), "--pan-file", file.toString()))
                .as(line).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("report statement: --pan-file: ").contains(file.toString());
            if (!line.isEmpty())
            {
                assertThat(run.err()).contains("12 to 19 digits").doesNotContain(line).doesNotContain("0360");
            }
        }
        final ToolsRun missing = new ToolsRun();
        assertThat(missing.run("report", "statement", "--data-dir", dataDir.toString(), "--pan-file",
            dataDir.getParent().resolve("none.pan").toString())).isEqualTo(2);
        assertThat(missing.err()).startsWith("report statement: --pan-file: cannot read ");
    }

    @Test
    void shouldSayAStatementIsEmptyForACardTheJournalDoesNotDefine() throws IOException
    {
        final ToolsRun run = statement(UNKNOWN_CARD);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("statement of card 518888******9992 in Asia/Shanghai (hold expiry PT8H): " +
            journal.commands + " journal records, no transactions of this card (the journal does not define it: not " +
            "on file, or defined before the journal's first record)\n");
        final ToolsRun csv = statement(UNKNOWN_CARD, "--csv", "-");
        assertThat(csv.out()).isEqualTo("maskedPan,time,transactionId,merchantId,mcc,currency,amount,discount," +
            "campaignId,chargedAmount,capturedAmount,refundedAmount,status\n");
    }

    @Test
    void shouldPrintNoFullPan() throws IOException
    {
        for (final int card : new int[] {DEMO_CARD, JPY_CARD, 9_999})
        {
            final String pan = DemoData.panText(card);
            for (final ToolsRun run : List.of(statement(pan), statement(pan, "--csv", "-")))
            {
                assertThat(run.out() + run.err()).doesNotContain(pan)
                    .doesNotContainPattern("(622260|623199|436742|518888)[0-9]{6,}");
            }
        }
    }

    @Test
    void shouldNameTheKeyFileWhenItDoesNotOpenTheCardDefinitionsAndLeaveTheJournalByteForByte() throws IOException
    {
        final Map<String, String> before = ReportIT.contents(dataDir.resolve("journal"));
        final Path keyFile = dataDir.getParent().resolve("no-such-card-keys");
        final Path panFile = dataDir.getParent().resolve("card.pan");
        Files.writeString(panFile, DemoData.panText(JPY_CARD) + "\n");
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "statement", "--data-dir", dataDir.toString(), "--pan-file", panFile.toString(),
            "--card-key-file", keyFile.toString())).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("report statement: journal record ").contains("(a card definition)")
            .contains(keyFile.toString()).doesNotContain("\tat ");
        assertThat(ReportIT.contents(dataDir.resolve("journal"))).isEqualTo(before);
    }

    @Test
    void shouldNameTheFileAndIndexOfADamagedRecordAndPrintNoStatement() throws IOException
    {
        SmallJournal.writeInto(smallDataDir);
        final Path file = JournalDamage.queueFile(smallDataDir.resolve("journal"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), JournalDamage.find(file, "O2"));
        }
        final Path panFile = smallDataDir.getParent().resolve("card.pan");
        Files.writeString(panFile, DemoData.panText(0) + "\n");
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "statement", "--data-dir", smallDataDir.toString(), "--pan-file",
            panFile.toString())).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("report statement: journal record ").contains(" in " + file)
            .contains("fails its CRC-32C checksum").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void shouldHelp()
    {
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "statement", "--help")).isZero();
        assertThat(run.out()).startsWith("Usage: payment-switch-tools report statement")
            .contains("--pan-file", "--pan-stdin", "--card-key-file", "--zone", "--hold-expiry", "--csv", "--data-dir")
            .doesNotContain("--pan ").doesNotContain("--pan=");
        final ToolsRun report = new ToolsRun();
        report.run("report", "--help");
        assertThat(report.out()).contains("statement");
    }

    /** The statement of {@code pan} (read from a file beside the data folder) with the switch's settings. */
    private static ToolsRun statement(final String pan, final String... more) throws IOException
    {
        final Path file = dataDir.getParent().resolve("card.pan");
        Files.writeString(file, pan + "\n");
        final List<String> args = new ArrayList<>(List.of("report", "statement", "--data-dir", dataDir.toString(),
            "--config", config.toString(), "--pan-file", file.toString()));
        args.addAll(List.of(more));
        final ToolsRun run = new ToolsRun();
        assertThat(run.run(args.toArray(String[]::new))).as(run.err()).isZero();
        return run;
    }

    /** A CSV row of the statement with its amounts back in minor units. */
    private static List<String> inMinorUnits(final List<String> row)
    {
        final List<String> values = new ArrayList<>(row);
        for (final int column : AMOUNT_COLUMNS)
        {
            values.set(column, Long.toString(ReportIT.minor(row.get(column), row.get(5))));
        }
        return values;
    }

    /**
     * The statement's CSV rows as the engine's own transactions of {@code pan} give them (amounts in
     * minor units): every approved one, in id order.
     */
    private static List<List<String>> engineRows(final long pan)
    {
        final CommandExecutor executor = new CommandExecutor(journal.live);
        final SwitchCommand query = new SwitchCommand();
        final List<List<String>> rows = new ArrayList<>();
        for (long id = 1; id <= journal.live.transactionCount(); id++)
        {
            query.reset();
            query.type = CommandType.GET_TRANSACTION;
            query.timestamp = journal.live.eventTime();
            query.transactionId = id;
            executor.execute(query);
            final TransactionView v = query.transaction;
            assertThat(query.responseCode).isEqualTo(ResponseCode.APPROVED);
            if (v.pan != pan || v.status == TransactionStatus.DECLINED)
            {
                continue;
            }
            rows.add(List.of(masked(pan), CSV_TIME.format(Instant.ofEpochMilli(v.createdAt).atZone(ReportJournal.ZONE)),
                Long.toString(v.transactionId), v.merchantId.toString(), String.format("%04d", v.mcc),
                Currencies.alphaOf(v.currency), Long.toString(v.amount), Long.toString(v.discount),
                v.campaignId == null ? "" : v.campaignId, Long.toString(v.chargedAmount),
                Long.toString(v.capturedAmount), Long.toString(v.refundedAmount), v.status.name()));
        }
        return rows;
    }

    private static String masked(final long pan)
    {
        final String digits = Long.toString(pan);
        return digits.substring(0, 6) + "*".repeat(digits.length() - 10) + digits.substring(digits.length() - 4);
    }
}
