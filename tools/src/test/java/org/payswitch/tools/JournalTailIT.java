package org.payswitch.tools;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code journal tail} over a real Chronicle journal ({@link SmallJournal}), and following it as a record is appended. */
class JournalTailIT
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
    void shouldPrintTheLastRecordsTheFiltersSelectOldestFirst()
    {
        assertThat(csvColumn(2, "-n", "3")).containsExactly("AUTHORIZE", "AUTHORIZE", "REFUND");
        assertThat(csvColumn(5, "-n", "2", "--type", "authorize")).containsExactly("O\"2\\,\n\u00e9", "O6");
        assertThat(csvColumn(5, "-n", "2", "--type", "AUTHORIZE", "--code", "00")).containsExactly("O3", "O6");
        assertThat(csvColumn(2, "-n", "100")).hasSize(SmallJournal.RECORDS);
        assertThat(csvColumn(2, "-n", "0")).isEmpty();
        assertThat(csvColumn(2)).hasSize(SmallJournal.RECORDS);
    }

    @Test
    void shouldPrintTheTailInEveryFormat()
    {
        assertThat(run.run("tail", dataDir, "-n", "1", "--format", "jsonl")).isZero();
        assertThat(run.out()).startsWith("{\"index\":\"").contains("\"type\":\"REFUND\"").endsWith("}\n");
        assertThat(run.out().lines()).hasSize(1);

        final JournalCommandRun table = new JournalCommandRun();
        assertThat(table.run("tail", dataDir, "-n", "1")).isZero();
        assertThat(table.out().lines()).hasSize(2);
        assertThat(table.out()).startsWith("INDEX").contains(" REFUND ").contains(" R-1 ");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldFollowAndPrintARecordAppendedAfterItStarted() throws InterruptedException
    {
        final AtomicInteger exitStatus = new AtomicInteger(-1);
        final Thread follower = new Thread(() -> exitStatus.set(
            run.run("tail", dataDir, "-f", "-n", "1", "--format", "csv", "--type", "CAPTURE", "--poll-millis", "10")));
        follower.start();
        awaitOutput(",CAPTURE,");
        assertThat(run.out()).doesNotContain("FOLLOW-1");

        appendCaptureOf(2, "FOLLOW-1");
        awaitOutput("FOLLOW-1");

        follower.interrupt();
        follower.join(5_000);
        assertThat(follower.isAlive()).isFalse();
        assertThat(exitStatus.get()).isZero();
        final List<List<String>> rows = JournalDumpIT.parseCsv(run.out());
        assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(4)).collect(Collectors.toList()))
            .containsExactly("", "FOLLOW-1");
        assertThat(run.err()).isEmpty();
    }

    private void awaitOutput(final String text) throws InterruptedException
    {
        assertThat(run.awaitOut(text, 5)).as("%s printed, within 5 s", text).isTrue();
    }

    /** Appends a capture of {@code transactionId} at merchant {@code merchantId}, as a second writer would. */
    private void appendCaptureOf(final long transactionId, final String merchantId)
    {
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = CommandType.CAPTURE;
        command.timestamp = SmallJournal.NOON + 60_000;
        command.transactionId = transactionId;
        command.merchantId.set(merchantId);
        command.responseCode = ResponseCode.APPROVED;
        command.transaction.transactionId = transactionId;
        try (JournalWriter writer = new JournalWriter(JournalConfig.in(dataDir)))
        {
            writer.append(command);
        }
    }

    private List<String> csvColumn(final int column, final String... options)
    {
        final JournalCommandRun tail = new JournalCommandRun();
        final String[] args = new String[options.length + 2];
        args[0] = "--format";
        args[1] = "csv";
        System.arraycopy(options, 0, args, 2, options.length);
        assertThat(tail.run("tail", dataDir, args)).isZero();
        final List<List<String>> rows = JournalDumpIT.parseCsv(tail.out());
        assertThat(rows.get(0)).isEqualTo(RecordFormat.COLUMNS);
        return rows.subList(1, rows.size()).stream().map(row -> row.get(column)).collect(Collectors.toList());
    }
}
