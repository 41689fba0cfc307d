package org.payswitch.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code journal dump} over a real Chronicle journal written by the switch's own {@code JournalWriter} ({@link SmallJournal}). */
class JournalDumpIT
{
    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private final JournalCommandRun run = new JournalCommandRun();

    @BeforeEach
    void writeSmallJournal()
    {
        SmallJournal.writeInto(dataDir);
    }

    @Test
    void shouldPrintATableWithAHeaderAndOneAlignedLinePerRecord()
    {
        assertThat(dump()).isZero();

        final List<String> lines = run.out().lines().collect(Collectors.toList());
        assertThat(lines).hasSize(1 + SmallJournal.RECORDS);
        assertThat(lines.get(0)).startsWith("INDEX").contains("TIME", "TYPE", "CODE", "MERCHANT", "PAN", "PAYLOAD");
        final int timeColumn = lines.get(0).indexOf("TIME");
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith("2026-11-12T04:00:00.00", timeColumn));
        assertThat(lines.get(2)).contains(" AUTHORIZE ", " 00 ", " M00000000000001 ", " O1 ",
            " " + masked(1) + " ", " 12000 ", " CNY ", " 1 ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldPrintRfc4180CsvQuotingOnlyTheFieldsThatNeedIt()
    {
        assertThat(dump("--format", "csv")).isZero();

        final List<List<String>> rows = parseCsv(run.out());
        assertThat(rows).hasSize(1 + SmallJournal.RECORDS);
        assertThat(rows.get(0)).isEqualTo(RecordFormat.COLUMNS);
        assertThat(rows).allMatch(row -> row.size() == RecordFormat.COLUMNS.size());
        assertThat(rows.get(2).subList(1, 16)).containsExactly("2026-11-12T04:00:00.001Z", "AUTHORIZE", "00",
            "M00000000000001", "O1", masked(1), "12000", "CNY", "false", "", "1", "", rows.get(2).get(13),
            rows.get(2).get(14), "0");
        assertThat(rows.get(6).subList(4, 6))
            .containsExactly(new String(SmallJournal.ODD_MERCHANT, StandardCharsets.ISO_8859_1),
                new String(SmallJournal.ODD_ORDER, StandardCharsets.ISO_8859_1));
        assertThat(run.out()).contains(",AUTHORIZE,03,\"M,\"\"1\",\"O\"\"2\\,\n\u00e9\",,1000,CNY,false,,,,0,,0\n")
            .contains(",AUTHORIZE,00,M00000000000006,O6,,8000,CNY,true,,77,,500,3,0\n")
            .contains(",REFUND,00,,,,1000,CNY,false,77,77,R-1,0,,0\n");
    }

    @Test
    void shouldPrintOneEscapedJsonObjectPerLine() throws IOException
    {
        assertThat(dump("--format", "jsonl")).isZero();

        final List<String> lines = run.out().lines().collect(Collectors.toList());
        assertThat(lines).hasSize(SmallJournal.RECORDS).allMatch(line -> line.chars().allMatch(c -> c >= 0x20 && c < 0x7F));
        final ObjectMapper mapper = new ObjectMapper();
        final List<JsonNode> records = new ArrayList<>();
        for (final String line : lines)
        {
            records.add(mapper.readTree(line));
        }
        final List<String> keys = new ArrayList<>();
        records.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(RecordFormat.COLUMNS);
        final JsonNode odd = records.get(5);
        assertThat(odd.get("merchantId").asText()).isEqualTo(new String(SmallJournal.ODD_MERCHANT, StandardCharsets.ISO_8859_1));
        assertThat(odd.get("orderId").asText()).isEqualTo(new String(SmallJournal.ODD_ORDER, StandardCharsets.ISO_8859_1));
        assertThat(odd.get("code").asText()).isEqualTo("03");
        assertThat(odd.get("pan").isNull()).isTrue();
        final JsonNode sale = records.get(6);
        assertThat(sale.get("sale").asBoolean()).isTrue();
        assertThat(sale.get("amount").asLong()).isEqualTo(8_000);
        assertThat(sale.get("discount").asLong()).isEqualTo(500);
        assertThat(sale.get("campaign").asInt()).isEqualTo(3);
        assertThat(sale.get("resultTransactionId").asLong()).isEqualTo(77);
        assertThat(sale.get("transactionId").isNull()).isTrue();
        assertThat(records.get(1).get("pan").asText()).isEqualTo(masked(1));
        assertThat(records.get(1).get("time").asText()).isEqualTo("2026-11-12T04:00:00.001Z");
        assertThat(records.get(7).get("refundId").asText()).isEqualTo("R-1");
    }

    @Test
    void shouldNeverPrintAWholePanInAnyFormat()
    {
        for (final String format : RecordFormat.NAMES)
        {
            final JournalCommandRun formatRun = new JournalCommandRun();
            assertThat(formatRun.run("dump", dataDir, "--format", format)).isZero();
            for (int card = 1; card <= 3; card++)
            {
                assertThat(formatRun.out()).as(format).doesNotContain(DemoData.panText(card)).contains(masked(card));
            }
        }
    }

    @Test
    void shouldSelectByEveryFilterAndByThemCombined()
    {
        assertThat(orderIdsOf("--from", "2026-11-12T12:00:00.002+08:00", "--to", "2026-11-12T04:00:00.004Z"))
            .containsExactly("O2", "O3");
        assertThat(orderIdsOf("--merchant", "M00000000000001")).containsExactly("O1");
        assertThat(orderIdsOf("--order-id", "O2")).containsExactly("O2");
        assertThat(typesOf("--transaction-id", "1")).containsExactly("AUTHORIZE", "CAPTURE");
        assertThat(typesOf("--transaction-id", "77")).containsExactly("AUTHORIZE", "REFUND");
        assertThat(orderIdsOf("--campaign", "3")).containsExactly("O6");
        assertThat(typesOf("--type", "capture,Refund")).containsExactly("CAPTURE", "REFUND");
        assertThat(typesOf("--type", "CAPTURE", "--type", "LOAD_DEMO_DATA")).containsExactly("LOAD_DEMO_DATA", "CAPTURE");
        assertThat(typesOf("--code", "03")).containsExactly("AUTHORIZE");
        assertThat(typesOf("--code", "03", "--code", "00", "--type", "REFUND")).containsExactly("REFUND");
        assertThat(orderIdsOf("--type", "AUTHORIZE", "--code", "00", "--from", "2026-11-12T04:00:00.002Z"))
            .containsExactly("O2", "O3", "O6");
        assertThat(orderIdsOf("--type", "AUTHORIZE", "--limit", "2")).containsExactly("O1", "O2");
        assertThat(typesOf("--limit", "0")).hasSize(SmallJournal.RECORDS);
        assertThat(typesOf("--merchant", "M00000000000009")).isEmpty();
    }

    @Test
    void shouldRefuseABadOptionValueInOneLineNamingTheOptionAndWhatItAccepts()
    {
        assertBadOption(new String[] {"--type", "AUTHORIZE,PAY"}, "--type: 'PAY'", "AUTHORIZE, CAPTURE, REVERSAL");
        assertBadOption(new String[] {"--code", "7"}, "--code: '7'", "00, 03, 05");
        assertBadOption(new String[] {"--code", "00,XX"}, "--code: 'XX'", "96");
        assertBadOption(new String[] {"--from", "2026-11-11"}, "--from: '2026-11-11'", "2026-11-11T00:00:00+08:00");
        assertBadOption(new String[] {"--to", "yesterday"}, "--to: 'yesterday'", "ISO-8601");
        assertBadOption(new String[] {"--format", "xml"}, "--format: 'xml'", "table, csv, jsonl");
        assertBadOption(new String[] {"--campaign", "-1"}, "--campaign: '-1'", "0 to 32767");
        assertBadOption(new String[] {"--transaction-id", "x1"}, "--transaction-id: 'x1'", "above 0");
    }

    @Test
    void shouldNameTheFileAndIndexOfADamagedRecordAfterPrintingTheRecordsBeforeIt() throws IOException
    {
        final Path file = queueFile();
        final long position = positionOf(file, "O2".getBytes(StandardCharsets.US_ASCII));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), position);
        }

        assertThat(dump("--format", "csv")).isEqualTo(1);

        assertThat(run.out()).contains(",O1,").doesNotContain("O2").doesNotContain("O3");
        assertThat(run.err()).startsWith("journal dump: journal record ").contains(" in " + file)
            .contains("fails its CRC-32C checksum").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    /**
     * A queue file cut in the middle of a record (a copy that stopped short): the records before
     * the cut are printed, then one line naming the file and the index of the record cut.
     */
    @Test
    void shouldNameTheFileAndIndexOfATruncatedRecord() throws IOException
    {
        final Path file = queueFile();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(positionOf(file, "O2".getBytes(StandardCharsets.US_ASCII)));
        }

        final long cutAt = Files.size(file);

        assertThat(dump("--format", "csv")).isEqualTo(1);

        assertThat(Files.size(file)).as("the cut file, read-only").isEqualTo(cutAt);
        assertThat(run.out()).contains(",O1,").doesNotContain("O2");
        assertThat(run.err()).startsWith("journal dump: journal record ").contains(" in " + file)
            .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void shouldRefuseAMissingFolderAndAFolderThatIsNotAJournalWithoutCreatingAnything() throws IOException
    {
        final Path missing = dataDir.resolve("missing");
        assertThat(run.run("dump", missing)).isEqualTo(2);
        assertThat(run.err()).isEqualTo("journal dump: no journal in " + missing.resolve("journal") + " (no such folder)\n");
        assertThat(missing).doesNotExist();

        final Path notAJournal = dataDir.resolve("other");
        Files.createDirectories(notAJournal.resolve("journal"));
        Files.writeString(notAJournal.resolve("journal").resolve("notes.txt"), "not a queue");
        final JournalCommandRun tail = new JournalCommandRun();
        assertThat(tail.run("tail", notAJournal)).isEqualTo(2);
        assertThat(tail.err()).isEqualTo("journal tail: " + notAJournal.resolve("journal") +
            " is not a journal: it has no metadata.cq4t\n");
        try (Stream<Path> files = Files.list(notAJournal.resolve("journal")))
        {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    /**
     * Every file of the journal, Chronicle's {@code metadata.cq4t} included, is left byte for byte
     * as it was, and no file is added: the tools open the queue read-only.
     */
    @Test
    void shouldLeaveTheJournalsQueueFilesAsTheyWereAndAddNoFile() throws IOException
    {
        final Map<String, String> before = digests();

        assertThat(dump("--format", "csv")).isZero();
        assertThat(new JournalCommandRun().run("tail", dataDir, "-n", "3")).isZero();

        final Map<String, String> after = digests();
        assertThat(after).containsKey(JournalSource.METADATA_FILE).isEqualTo(before);
    }

    private int dump(final String... options)
    {
        return run.run("dump", dataDir, options);
    }

    private void assertBadOption(final String[] options, final String problem, final String accepted)
    {
        final JournalCommandRun badRun = new JournalCommandRun();
        assertThat(badRun.run("dump", dataDir, options)).as(String.join(" ", options)).isEqualTo(2);
        assertThat(badRun.err()).startsWith("journal dump: " + problem).contains(accepted)
            .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(badRun.err().lines()).hasSize(1);
        assertThat(badRun.out()).isEmpty();
    }

    private List<String> orderIdsOf(final String... filters)
    {
        return column(5, filters);
    }

    private List<String> typesOf(final String... filters)
    {
        return column(2, filters);
    }

    private List<String> column(final int column, final String... filters)
    {
        final JournalCommandRun filtered = new JournalCommandRun();
        final String[] options = Stream.concat(Stream.of("--format", "csv"), Arrays.stream(filters)).toArray(String[]::new);
        assertThat(filtered.run("dump", dataDir, options)).isZero();
        final List<List<String>> rows = parseCsv(filtered.out());
        return rows.subList(1, rows.size()).stream().map(row -> row.get(column)).collect(Collectors.toList());
    }

    private static String masked(final int card)
    {
        return DemoData.panText(card).substring(0, 6) + "******" + DemoData.panText(card).substring(12);
    }

    /** Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(final String text)
    {
        final List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (quoted)
            {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"')
                {
                    field.append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.add(field.toString());
                field.setLength(0);
            }
            else if (c == '\n')
            {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            }
            else
            {
                field.append(c);
            }
        }
        assertThat(field).as("a complete last row").isEmpty();
        return rows;
    }

    private Path queueFile() throws IOException
    {
        try (Stream<Path> files = Files.list(dataDir.resolve("journal")))
        {
            return files.filter(f -> f.getFileName().toString().endsWith("L.cq4")).findFirst().orElseThrow();
        }
    }

    private Map<String, String> digests() throws IOException
    {
        final Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.list(dataDir.resolve("journal")))
        {
            final Iterator<Path> each = files.iterator();
            while (each.hasNext())
            {
                final Path file = each.next();
                digests.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return digests;
    }

    private static String sha256(final byte[] bytes)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static long positionOf(final Path file, final byte[] wanted) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i + wanted.length <= bytes.length; i++)
        {
            if (Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length) && bytes[i + wanted.length] == 0)
            {
                return i;
            }
        }
        throw new IllegalStateException("not in " + file);
    }
}
