package org.payswitch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReader;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.JournalWriter;

/**
 * Journal appends per second on one thread: {@link JournalWriter#append} of a typical
 * authorization with its decision (a new authorization of 10.00 CNY on a demo card of BIN
 * 518888, approved, as the engine decided it in setup) into a Chronicle Queue, not forced to disk
 * ({@code journal-sync=false}, the switch's default), as the journal stage does for every
 * request. Each iteration writes into a new journal in a temporary folder, deleted after it, so
 * the disk holds one iteration's records at a time (about 200 bytes each).
 * <p>Checks its answers after each iteration: the writer counted one record per
 * operation, the queue on disk holds exactly that many, and its last record reads back as the
 * authorization written (type, card, amount, order id, decision).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JournalAppendBenchmark extends SwitchFork
{
    private final SwitchCommand command = new SwitchCommand();
    private Path directory;
    private JournalConfig config;
    private JournalWriter writer;
    private long operations;

    @Setup(Level.Trial)
    public void decideOneAuthorization()
    {
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(1_000, 1_000));
        DemoData.load(engine, 1_000, AuthorizeBenchmark.MIDNIGHT);
        new DemoAuthorizations().fill(command, 0, 0);
        engine.execute(command);
        if (command.responseCode != ResponseCode.APPROVED || command.transaction.transactionId != 1)
        {
            throw new IllegalStateException("setup authorization answered " + command.responseCode);
        }
    }

    @Setup(Level.Iteration)
    public void openJournal() throws IOException
    {
        directory = Files.createTempDirectory("journal-append-bench");
        config = new JournalConfig(directory.resolve("journal"), false);
        writer = new JournalWriter(config);
        operations = 0;
    }

    @Benchmark
    public long append()
    {
        writer.append(command);
        return ++operations;
    }

    /** One record per operation, in the writer and on disk, the last one the authorization written. */
    @TearDown(Level.Iteration)
    public void checkJournal()
    {
        AuthorizeBenchmark.failIfNot("records appended", operations, writer.records());
        writer.close();
        AuthorizeBenchmark.failIfNot("records on disk", operations, JournalReader.countFrom(config, JournalReader.NOT_FOUND));
        final SwitchCommand last = new SwitchCommand();
        final long found = JournalReader.findBackwards(config, (DirectBuffer buffer, int offset, int length, long index) ->
        {
            JournalRecord.decodeRequest(buffer, offset, last, JournalCards.forReading(config.cardKeys()));
            JournalRecord.decodeDecision(buffer, offset, last);
            return true;
        });
        if (found == JournalReader.NOT_FOUND || last.type != CommandType.AUTHORIZE ||
            last.cardOnFile != command.cardOnFile || last.recordedTruncation != Pan.truncated(command.pan, command.panLength) ||
            last.amount != command.amount || !last.orderId.toString().equals(command.orderId.toString()) ||
            last.responseCode != ResponseCode.APPROVED || last.transaction.transactionId != 1)
        {
            throw new IllegalStateException("the last record does not read back as the authorization written");
        }
        TempFolders.delete(directory);
    }
}
