package org.payswitch.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

/**
 * Authorizations per second when the engine decides them in batches of {@value #BATCH}, as the
 * business stage does when the ring holds a burst: with {@code prefetch=true} the engine first
 * touches what the batch will read ({@code SwitchEngine.prefetchAuthorizations}, what stage 1
 * calls), with {@code prefetch=false} it decides them one by one as {@link AuthorizeBenchmark}
 * does. Same cards, merchants, amounts and sizing as {@link AuthorizeBenchmark}'s {@code plain}
 * workload (BIN 518888, no campaign), so the two parameters differ only in the prefetch. Every
 * answer is checked after each iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AuthorizeBatchBenchmark extends SwitchFork
{
    static final int BATCH = 32;

    @Param({"false", "true"})
    public boolean prefetch;

    private SwitchEngine engine;
    private final SwitchCommand[] batch = new SwitchCommand[BATCH];
    private DemoAuthorizations authorizations;
    private long operations;
    private long approved;

    @Setup(Level.Trial)
    public void prepareInputs()
    {
        authorizations = new DemoAuthorizations();
        for (int i = 0; i < BATCH; i++)
        {
            batch[i] = new SwitchCommand();
        }
        engine = new SwitchEngine(EngineConfig.defaults()
            .withExpected(AuthorizeBenchmark.CARDS, AuthorizeBenchmark.EXPECTED_TRANSACTIONS));
        DemoData.load(engine, AuthorizeBenchmark.CARDS, AuthorizeBenchmark.MIDNIGHT);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long authorizeBatch()
    {
        for (int i = 0; i < BATCH; i++)
        {
            authorizations.fill(batch[i], operations + i, operations + i);
        }
        if (prefetch)
        {
            engine.prefetchAuthorizations(batch, BATCH);
        }
        long last = 0;
        for (int i = 0; i < BATCH; i++)
        {
            final SwitchCommand c = batch[i];
            engine.execute(c);
            if (c.responseCode == ResponseCode.APPROVED)
            {
                approved++;
            }
            last = c.transaction.transactionId;
        }
        operations += BATCH;
        return last;
    }

    /** Every authorization approved and stored once. */
    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        AuthorizeBenchmark.failIfNot("approved", operations, approved);
        AuthorizeBenchmark.failIfNot("transactions stored", operations, engine.transactionCount());
    }
}
