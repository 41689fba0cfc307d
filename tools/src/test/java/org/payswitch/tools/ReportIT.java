package org.payswitch.tools;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.discount.FunderSettlement;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReplayer;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.JournalDamage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report settlement} and {@code report campaigns} over a journal written by the switch's real
 * pipeline from a seeded workload ({@link ReportJournal}): their output compared with golden files
 * (src/test/resources/report), and every figure of every day in two zones, and every campaign
 * figure, checked against the engine's own state after the same workload ({@link ReportOracle},
 * {@code DiscountEngine.settlement}), so a golden file holds figures the engine agrees with, not
 * merely what the code printed once. {@code PAYSWITCH_REPORT_REGENERATE=true} in the environment rewrites the
 * golden files (then review the diff: the cross-checks must pass too).
 */
class ReportIT
{
    private static final Path GOLDEN = Path.of("src/test/resources/report");
    private static final LocalDate[] DAYS = {LocalDate.parse("2026-11-11"), LocalDate.parse("2026-11-12"),
        LocalDate.parse("2026-11-13"), LocalDate.parse("2026-11-14")};

    private static final List<Integer> COUNTS = List.of(SettlementTotals.AUTHORIZATIONS, SettlementTotals.CAPTURES,
        SettlementTotals.REFUNDS, SettlementTotals.REVERSALS, SettlementTotals.EXPIRIES);
    private static final String DEMO_PAN = "(622260|623199|436742|518888)[0-9]{6,}";

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
    void shouldReadAJournalWhoseReplayReachesTheStateOfTheSwitchAndOfTheOracle()
    {
        assertThat(journal.oracle.engine().stateHash()).isEqualTo(journal.live.stateHash());
        final SwitchEngine replayed = new SwitchEngine(ReportJournal.engineConfig());
        JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(replayed, DemoData::load));
        assertThat(replayed.stateHash()).isEqualTo(journal.live.stateHash());
    }

    @Test
    void shouldPrintTheGoldenSettlementTableOfADayInShanghai() throws IOException
    {
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "settlement", "--data-dir", dataDir.toString(), "--config", config.toString(),
            "--date", "2026-11-12")).isZero();
        assertThat(run.err()).isEmpty();
        assertGolden("settlement-2026-11-12-asia-shanghai.txt", run.out());
    }

    @Test
    void shouldWriteTheGoldenSettlementCsvOfADayInUtc() throws IOException
    {
        final Path csv = dataDir.getParent().resolve("settlement-utc.csv");
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "settlement", "--data-dir", dataDir.toString(), "--config", config.toString(),
            "--zone", "UTC", "--date", "2026-11-12", "--csv", csv.toString())).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertGolden("settlement-2026-11-12-utc.csv", Files.readString(csv));
    }

    @Test
    void shouldPrintTheGoldenCampaignTableAndCsv() throws IOException
    {
        final ToolsRun table = new ToolsRun();
        assertThat(table.run("report", "campaigns", "--data-dir", dataDir.toString(), "--config", config.toString()))
            .isZero();
        assertThat(table.err()).isEmpty();
        assertGolden("campaigns.txt", table.out());

        final ToolsRun csv = new ToolsRun();
        assertThat(csv.run("report", "campaigns", "--data-dir", dataDir.toString(), "--config", config.toString(),
            "--csv", "-")).isZero();
        assertGolden("campaigns.csv", csv.out());
    }

    /** Every figure of every merchant on every day of the workload, in the switch's zone and in UTC. */
    @Test
    void shouldAgreeWithTheEngineOnEveryFigureOfEveryDayInBothZones()
    {
        for (final ZoneId zone : List.of(ReportJournal.ZONE, ZoneId.of("UTC")))
        {
            for (final LocalDate day : DAYS)
            {
                final Map<String, long[]> expected = journal.oracle.settlement(day, zone);
                final Map<String, long[]> reported = settlementCsv(day, zone);
                assertThat(reported.keySet()).as(day + " " + zone).isEqualTo(expected.keySet());
                expected.forEach((row, figures) ->
                    assertThat(reported.get(row)).as(day + " " + zone + " " + row).containsExactly(figures));
            }
        }
    }

    /** The workload gives the golden day something of every kind, so the figures above can go wrong. */
    @Test
    void shouldHaveEveryKindOfFigureOnTheGoldenDay()
    {
        final Map<String, long[]> day = journal.oracle.settlement(DAYS[1], ReportJournal.ZONE);
        final long[] sum = new long[SettlementTotals.FIGURES];
        day.values().forEach(figures ->
        {
            for (int f = 0; f < sum.length; f++)
            {
                sum[f] += figures[f];
            }
        });
        assertThat(sum).doesNotContain(0L);
        assertThat(day.keySet()).anyMatch(row -> row.endsWith(" " + ReportWorkload.JPY));
        assertThat(journal.oracle.events()).anyMatch(e -> e.sale() && e.discount() > 0)
            .anyMatch(e -> e.kind().equals("expired") && e.time() >= LocalDate.parse("2026-11-14")
                .atStartOfDay(ReportJournal.ZONE).toInstant().toEpochMilli());
    }

    /** Per campaign: the figures of the switch's GET /v1/reports/discounts and GET /v1/campaigns. */
    @Test
    void shouldGiveTheSameCampaignFiguresAsTheSwitch()
    {
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "campaigns", "--data-dir", dataDir.toString(), "--config", config.toString(),
            "--csv", "-")).isZero();
        final List<List<String>> rows = JournalDumpIT.parseCsv(run.out());
        assertThat(rows.get(0)).containsExactly("funder", "campaignId", "onReversal", "currency", "redemptions",
            "discountGranted", "redemptionsRestored", "discountRestored", "netRedemptions", "discountOwed");
        final Map<String, List<String>> byCampaign = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byCampaign.put(row.get(1), row));

        final SwitchEngine live = journal.live;
        final List<FunderSettlement> funders = live.discounts().settlement(live.eventTime());
        final List<CampaignFigures> all = live.discounts().allFigures(live.eventTime());
        assertThat(byCampaign).hasSize(all.size());
        long restoredSomewhere = 0;
        long consumedReversals = 0;
        for (final FunderSettlement funder : funders)
        {
            long owed = 0;
            for (final CampaignFigures c : funder.campaigns())
            {
                final List<String> row = byCampaign.get(c.definition().campaignId());
                assertThat(row.get(0)).isEqualTo(funder.funder());
                assertThat(Long.parseLong(row.get(4))).isEqualTo(c.grossRedemptions());
                assertThat(minor(row.get(5), "CNY")).isEqualTo(c.grossDiscount());
                assertThat(Long.parseLong(row.get(6))).isEqualTo(c.restoredRedemptions());
                assertThat(minor(row.get(7), "CNY")).isEqualTo(c.restoredDiscount());
                assertThat(Long.parseLong(row.get(8))).isEqualTo(c.redemptions());
                assertThat(minor(row.get(9), "CNY")).isEqualTo(c.discountGranted());
                owed += minor(row.get(9), "CNY");
                restoredSomewhere += c.restoredRedemptions();
                if (row.get(2).equals("CONSUME"))
                {
                    consumedReversals += c.grossRedemptions();
                }
            }
            assertThat(owed).as(funder.funder()).isEqualTo(funder.netDiscount());
        }
        assertThat(restoredSomewhere).isPositive();
        assertThat(consumedReversals).isPositive();
    }

    @Test
    void shouldCountNoExpiryOnTheGoldenDayWithTheDefaultHoldExpiryOfSevenDays()
    {
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "settlement", "--data-dir", dataDir.toString(), "--date", "2026-11-12",
            "--csv", "-")).isZero();
        final List<List<String>> rows = JournalDumpIT.parseCsv(run.out());
        assertThat(rows.subList(1, rows.size())).allMatch(row -> row.get(12).equals("0"));
        assertThat(settlementCsv(DAYS[1], ReportJournal.ZONE).values())
            .anyMatch(figures -> figures[SettlementTotals.EXPIRIES] > 0);
    }

    @Test
    void shouldPrintNoPanAndNothingButTheReport()
    {
        for (final String[] args : List.of(
            new String[] {"report", "settlement", "--data-dir", dataDir.toString(), "--date", "2026-11-12"},
            new String[] {"report", "campaigns", "--data-dir", dataDir.toString(), "--csv", "-"}))
        {
            final ToolsRun run = new ToolsRun();
            assertThat(run.run(args)).isZero();
            assertThat(run.out()).doesNotContainPattern(DEMO_PAN).containsAnyOf("M00000000000001", "RESTORE");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void shouldHelpOnEveryCommand()
    {
        for (final String[] args : List.of(new String[] {"report", "--help"},
            new String[] {"report", "settlement", "--help"}, new String[] {"report", "campaigns", "--help"}))
        {
            final ToolsRun run = new ToolsRun();
            assertThat(run.run(args)).isZero();
            assertThat(run.out()).startsWith("Usage: payment-switch-tools report");
        }
        final ToolsRun settlement = new ToolsRun();
        settlement.run("report", "settlement", "--help");
        assertThat(settlement.out()).contains("--date", "--zone", "--hold-expiry", "--config", "--csv", "--data-dir",
            "journal holds neither");
        final ToolsRun bare = new ToolsRun();
        assertThat(bare.run("report")).isEqualTo(2);
        assertThat(bare.err()).contains("settlement", "campaigns");
    }

    @Test
    void shouldRefuseABadOptionValueInOneLine()
    {
        assertBadOption("--date", "2026-13-01", "YYYY-MM-DD");
        assertBadOption("--zone", "Mars/Olympus", "a time zone id");
        assertBadOption("--hold-expiry", "7d", "ISO-8601 duration");
        assertBadOption("--hold-expiry", "-P1D", "positive");
    }

    @Test
    void shouldNameTheFileAndIndexOfADamagedRecordAndPrintNoReport() throws IOException
    {
        SmallJournal.writeInto(smallDataDir);
        final Path file = JournalDamage.queueFile(smallDataDir.resolve("journal"));
        final long position = JournalDamage.find(file, "O2");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), position);
        }
        for (final String report : List.of("settlement", "campaigns"))
        {
            final ToolsRun run = new ToolsRun();
            final List<String> args = new ArrayList<>(List.of("report", report, "--data-dir", smallDataDir.toString()));
            if (report.equals("settlement"))
            {
                args.addAll(List.of("--date", "2026-11-12"));
            }
            assertThat(run.run(args.toArray(String[]::new))).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("report " + report + ": journal record ").contains(" in " + file)
                .contains("fails its CRC-32C checksum").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(run.err().lines()).hasSize(1);
        }
    }

    @Test
    void shouldNameTheFileOfATruncatedJournalAndLeaveItsLength() throws IOException
    {
        SmallJournal.writeInto(smallDataDir);
        final Path file = JournalDamage.queueFile(smallDataDir.resolve("journal"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(JournalDamage.find(file, "O2"));
        }
        final long cutAt = Files.size(file);
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "campaigns", "--data-dir", smallDataDir.toString())).isEqualTo(1);
        assertThat(Files.size(file)).isEqualTo(cutAt);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("report campaigns: journal record ").contains(" in " + file)
            .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void shouldRefuseAMissingOrForeignFolderAndLeaveAJournalByteForByte() throws IOException
    {
        final ToolsRun missing = new ToolsRun();
        assertThat(missing.run("report", "campaigns", "--data-dir", smallDataDir.resolve("none").toString()))
            .isEqualTo(2);
        assertThat(missing.err()).isEqualTo("report campaigns: no journal in " +
            smallDataDir.resolve("none").resolve("journal") + " (no such folder)\n");

        Files.createDirectories(smallDataDir.resolve("journal"));
        Files.writeString(smallDataDir.resolve("journal").resolve("notes.txt"), "not a queue");
        final ToolsRun foreign = new ToolsRun();
        assertThat(foreign.run("report", "settlement", "--data-dir", smallDataDir.toString(), "--date", "2026-11-12"))
            .isEqualTo(2);
        assertThat(foreign.err()).isEqualTo("report settlement: " + smallDataDir.resolve("journal") +
            " is not a journal: it has no metadata.cq4t\n");

        final Map<String, String> before = contents(dataDir.resolve("journal"));
        final Path inJournal = dataDir.resolve("journal").resolve("report.csv");
        final ToolsRun intoJournal = new ToolsRun();
        assertThat(intoJournal.run("report", "campaigns", "--data-dir", dataDir.toString(), "--csv",
            inJournal.toString())).isEqualTo(2);
        assertThat(intoJournal.err()).startsWith("report campaigns: --csv: '" + inJournal + "' is not accepted");
        assertThat(inJournal).doesNotExist();
        assertThat(new ToolsRun().run("report", "campaigns", "--data-dir", dataDir.toString())).isZero();
        assertThat(new ToolsRun().run("report", "settlement", "--data-dir", dataDir.toString(), "--date",
            "2026-11-12")).isZero();
        assertThat(contents(dataDir.resolve("journal"))).containsKey(JournalSource.METADATA_FILE).isEqualTo(before);
    }

    private static void assertBadOption(final String option, final String value, final String accepted)
    {
        final ToolsRun run = new ToolsRun();
        final String date = option.equals("--date") ? value : "2026-11-12";
        final String[] args = option.equals("--date") ?
            new String[] {"report", "settlement", "--data-dir", dataDir.toString(), "--date", date} :
            new String[] {"report", "settlement", "--data-dir", dataDir.toString(), "--date", date, option, value};
        assertThat(run.run(args)).as(option + " " + value).isEqualTo(2);
        assertThat(run.err()).startsWith("report settlement: " + option + ": '" + value + "' is not accepted")
            .contains(accepted);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    /** The settlement CSV of {@code day} in {@code zone}, per "merchantId currency", amounts back in minor units. */
    private static Map<String, long[]> settlementCsv(final LocalDate day, final ZoneId zone)
    {
        final ToolsRun run = new ToolsRun();
        assertThat(run.run("report", "settlement", "--data-dir", dataDir.toString(), "--config", config.toString(),
            "--zone", zone.getId(), "--date", day.toString(), "--csv", "-")).isZero();
        final List<List<String>> rows = JournalDumpIT.parseCsv(run.out());
        final Map<String, long[]> figures = new TreeMap<>();
        for (final List<String> row : rows.subList(1, rows.size()))
        {
            final long[] f = new long[SettlementTotals.FIGURES];
            for (int i = 0; i < f.length; i++)
            {
                final String text = row.get(2 + i);
                f[i] = COUNTS.contains(i) ? Long.parseLong(text) : minor(text, row.get(1));
            }
            figures.put(row.get(0) + " " + Currencies.numericOf(row.get(1)), f);
        }
        return figures;
    }

    /** Major units as printed back to minor units, refusing a number with other than the currency's decimals. */
    static long minor(final String major, final String currency)
    {
        final BigDecimal value = new BigDecimal(major);
        final int exponent = Currency.getInstance(currency).getDefaultFractionDigits();
        assertThat(value.scale()).as(major + " " + currency).isEqualTo(exponent);
        return value.movePointRight(exponent).longValueExact();
    }

    /** Compares {@code actual} with the golden file {@code name}; rewrites it first when PAYSWITCH_REPORT_REGENERATE=true. */
    static void assertGolden(final String name, final String actual) throws IOException
    {
        final Path golden = GOLDEN.resolve(name);
        if ("true".equals(System.getenv("PAYSWITCH_REPORT_REGENERATE")))
        {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    /** Every file of {@code folder} by name, its bytes as text. */
    static Map<String, String> contents(final Path folder) throws IOException
    {
        final Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder))
        {
            for (final Path path : paths.toList())
            {
                files.put(path.getFileName().toString(), java.util.Arrays.toString(Files.readAllBytes(path)));
            }
        }
        return files;
    }
}
