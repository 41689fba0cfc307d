package org.payswitch.benchmarks;

import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

/**
 * Authorizations per second on one thread, in-process, on the engine alone (no ring, no journal):
 * 1 000 000 demo cards, 1 000 merchants, every authorization a new order id.
 * {@code plain}: cards of BIN 518888, which no campaign covers (authorization engine only).
 * {@code discounted}: the same cards under a campaign of their own with no per-card limit and a
 * budget that does not run out and a per-card limit never reached (so per-card counters are kept),
 * so every authorization also quotes and redeems a discount.
 * State grows with every operation (each is a stored transaction), so the engine is rebuilt
 * before each iteration. The benchmark checks its own answers at the end of each iteration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms10g", "-Xmx10g"})
public class AuthorizeBenchmark
{
    private static final int CARDS = 1_000_000;
    private static final long MIDNIGHT = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();

    @Param({"plain", "discounted"})
    public String workload;

    private SwitchEngine engine;
    private final SwitchCommand command = new SwitchCommand();
    private final String[] merchants = new String[DemoData.MERCHANTS];
    private final long[] pans = new long[CARDS / 4];
    private final byte[] orderId = new byte[12];
    private long operations;
    private long approved;
    private long discounted;

    @Setup(Level.Iteration)
    public void buildEngine()
    {
        engine = new SwitchEngine(EngineConfig.defaults().withExpected(CARDS, 16_000_000));
        DemoData.load(engine, CARDS, MIDNIGHT);
        if ("discounted".equals(workload))
        {
            command.reset();
            command.type = CommandType.CREATE_CAMPAIGN;
            command.timestamp = MIDNIGHT;
            command.payload = new CampaignDefinition("BENCH", "Bench Bank", java.util.List.of("518888"),
                java.util.List.of(), java.util.List.of(), DemoData.CNY,
                OffsetDateTime.parse("2026-01-01T00:00:00+08:00"), OffsetDateTime.parse("2030-12-31T00:00:00+08:00"),
                1_000, new DiscountRule.Percent(300, 5_000), 1_000_000, CampaignDefinition.NO_LIMIT,
                CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT,
                CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, OnReversal.RESTORE);
            engine.execute(command);
        }
        for (int j = 0; j < merchants.length; j++)
        {
            merchants[j] = DemoData.merchantId(j);
        }
        for (int i = 0; i < pans.length; i++)
        {
            pans[i] = DemoData.pan(4 * i + 3);
        }
        orderId[0] = 'B';
        operations = 0;
        approved = 0;
        discounted = 0;
    }

    @Benchmark
    public int authorize()
    {
        final long n = operations++;
        final SwitchCommand c = command;
        c.type = CommandType.AUTHORIZE;
        c.timestamp = MIDNIGHT + (n >> 10);
        c.merchantId.set(merchants[(int)(n % merchants.length)]);
        long digits = n;
        for (int i = 11; i >= 1; i--)
        {
            orderId[i] = (byte)('0' + digits % 10);
            digits /= 10;
        }
        c.orderId.set(orderId, 0, orderId.length);
        c.pan = pans[(int)(n % pans.length)];
        c.panLength = 16;
        c.expiry = DemoData.EXPIRY;
        c.amount = 1_000 + (n & 1023);
        c.currency = DemoData.CNY;
        c.mcc = SwitchCommand.NO_MCC;
        c.capture = false;
        engine.execute(c);
        if (c.responseCode == ResponseCode.APPROVED)
        {
            approved++;
            if (c.transaction.discount > 0)
            {
                discounted++;
            }
        }
        return c.transaction.transactionId > 0 ? 1 : 0;
    }

    /** Every authorization must be approved, and discounted exactly when the workload says so. */
    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        if (approved != operations)
        {
            throw new IllegalStateException("only " + approved + " of " + operations + " authorizations approved");
        }
        final long expectedDiscounted = "discounted".equals(workload) ? operations : 0;
        if (discounted != expectedDiscounted)
        {
            throw new IllegalStateException(discounted + " discounted, expected " + expectedDiscounted);
        }
    }
}
