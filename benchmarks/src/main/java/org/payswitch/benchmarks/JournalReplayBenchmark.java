package org.payswitch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.journal.Recovery;
import org.payswitch.core.snapshot.SnapshotStore;

/**
 * Journal records replayed per second: the switch's recovery path ({@link Recovery#recover} with
 * no snapshot on disk: count the records, reserve room for their transactions, then
 * {@code JournalReplayer} reads every record and applies each authorization's recorded decision,
 * 32 at a time after a prefetch) over a journal of 1 000 000 approved authorizations, written in
 * setup by a live engine that decided them ({@link DemoAuthorizations}: demo cards of BIN 518888,
 * 1 000 merchants, 10.00-20.23 CNY). One operation is one record ({@code @OperationsPerInvocation}).
 * <p>Each invocation recovers into a fresh engine sized as {@code SwitchNode} sizes it for the
 * default 1 M demo cards (1 M cards, 2^20 transactions, then Recovery's reserve), holding the
 * 1 000 000 demo cards: the state the journal's first record ({@code LOAD_DEMO_DATA}) gives a
 * real switch, built in the invocation's setup because loading cards is not replay
 * ({@link FootprintProbe} times it). The journal's files are in the page cache after setup, so
 * this is replay from memory, not from a cold disk.
 * <p>Checks its answers after each invocation: every record replayed, the engine
 * holds one transaction per record, and its state hash equals the live engine's.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JournalReplayBenchmark extends SwitchFork
{
    static final int RECORDS = 1_000_000;

    private Path directory;
    private JournalConfig journal;
    private SnapshotStore noSnapshots;
    private long liveStateHash;
    private SwitchEngine engine;
    private CommandExecutor executor;
    private Recovery.Result result;

    @Setup(Level.Trial)
    public void writeJournal() throws IOException
    {
        directory = Files.createTempDirectory("journal-replay-bench");
        journal = new JournalConfig(directory.resolve("journal"), false);
        noSnapshots = new SnapshotStore(directory.resolve("snapshots"));
        final SwitchEngine live = freshEngine();
        final DemoAuthorizations authorizations = new DemoAuthorizations();
        final SwitchCommand command = new SwitchCommand();
        try (JournalWriter writer = new JournalWriter(journal))
        {
            for (long n = 0; n < RECORDS; n++)
            {
                authorizations.fill(command, n, n);
                live.execute(command);
                if (command.responseCode != ResponseCode.APPROVED)
                {
                    throw new IllegalStateException("authorization " + n + " answered " + command.responseCode);
                }
                writer.append(command);
            }
        }
        AuthorizeBenchmark.failIfNot("live transactions", RECORDS, live.transactionCount());
        liveStateHash = live.stateHash();
    }

    @Setup(Level.Invocation)
    public void freshEngineWithCards()
    {
        engine = null;
        executor = null;
        engine = freshEngine();
        executor = new CommandExecutor(engine, DemoData::load);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public Recovery.Result replay()
    {
        result = Recovery.recover(journal, noSnapshots, executor);
        return result;
    }

    /** Every record replayed, one transaction each, the same state as the live engine's. */
    @TearDown(Level.Invocation)
    public void checkRecoveredState()
    {
        AuthorizeBenchmark.failIfNot("records replayed", RECORDS, result.replayedRecords());
        AuthorizeBenchmark.failIfNot("transactions recovered", RECORDS, engine.transactionCount());
        AuthorizeBenchmark.failIfNot("snapshot used", -1, result.snapshotId());
        if (engine.stateHash() != liveStateHash)
        {
            throw new IllegalStateException("the recovered state differs from the live engine's (state hash)");
        }
    }

    @TearDown(Level.Trial)
    public void deleteJournal()
    {
        TempFolders.delete(directory);
    }

    private static SwitchEngine freshEngine()
    {
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(AuthorizeBenchmark.CARDS, 1 << 20));
        DemoData.load(engine, AuthorizeBenchmark.CARDS, AuthorizeBenchmark.MIDNIGHT);
        return engine;
    }
}
