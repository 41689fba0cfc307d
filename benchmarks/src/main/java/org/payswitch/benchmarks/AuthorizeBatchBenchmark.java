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
import org.payswitch.core.engine.CommandType;
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
    private static final int ORDER_ID_LENGTH = 12;

    @Param({"false", "true"})
    public boolean prefetch;

    private SwitchEngine engine;
    private final SwitchCommand[] batch = new SwitchCommand[BATCH];
    private final String[] merchants = new String[DemoData.MERCHANTS];
    private final long[] pans = new long[AuthorizeBenchmark.CARDS / 4];
    private final byte[] orderId = new byte[ORDER_ID_LENGTH];
    private long operations;
    private long approved;

    @Setup(Level.Trial)
    public void prepareInputs()
    {
        for (int j = 0; j < merchants.length; j++)
        {
            merchants[j] = DemoData.merchantId(j);
        }
        for (int i = 0; i < pans.length; i++)
        {
            pans[i] = DemoData.pan(4 * i + 3);
        }
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
            fill(batch[i], operations + i);
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

    private void fill(final SwitchCommand c, final long key)
    {
        c.type = CommandType.AUTHORIZE;
        c.timestamp = AuthorizeBenchmark.MIDNIGHT + (key >> 10);
        c.merchantId.set(merchants[(int)(key % DemoData.MERCHANTS)]);
        long digits = key;
        for (int i = ORDER_ID_LENGTH - 1; i >= 0; i--)
        {
            orderId[i] = (byte)('0' + digits % 10);
            digits /= 10;
        }
        c.orderId.set(orderId, 0, ORDER_ID_LENGTH);
        c.pan = pans[(int)(key % pans.length)];
        c.panLength = 16;
        c.expiry = DemoData.EXPIRY;
        c.amount = 1_000 + (key & 1_023);
        c.currency = DemoData.CNY;
        c.mcc = SwitchCommand.NO_MCC;
        c.capture = false;
    }
}
