package org.payswitch.benchmarks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
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
 * Authorizations per second on one thread, in-process, on the engine alone (no ring, no journal,
 * no codec): 1 000 000 demo cards (docs/api.md section 5), 1 000 merchants.
 * <ul>
 *   <li>{@code plain}: new authorizations on the 250 000 cards of BIN 518888, which no campaign
 *       covers: the authorization engine only;</li>
 *   <li>{@code discounted}: the same cards under the benchmark's own campaign {@code BENCH} (3 %
 *       off, capped at 50.00; budget and redemption count unlimited; a per-card limit of
 *       1 000 000 that is never reached but makes the engine keep per-card counters), so every
 *       authorization also picks, quotes and redeems a discount. The demo campaigns would stop
 *       discounting within one iteration (once per card, once per day, 3 per card);</li>
 *   <li>{@code retry}: the same 65 536 authorizations sent again and again: idempotent retries,
 *       answered from the transaction store; state does not grow.</li>
 * </ul>
 * Every new authorization is a stored transaction, so state grows with every operation, as it
 * does in the switch at peak. The engine is built once per fork (trial) and sized for 32 M
 * transactions, so its key index never grows during the run; the 8 iterations store some 5 to
 * 20 million transactions (about 110 bytes each, see {@link FootprintProbe}), and later
 * iterations run on a larger store than earlier ones. The engine is not rebuilt per iteration
 * because JMH's {@code -prof gc} would count the rebuild (some 300 MB) as allocation of the
 * measured operations. What {@code -prof gc} reports per operation for new authorizations is
 * therefore the transaction's own storage (pages of columns, the order-id arena, the hold
 * queue); {@code retry} stores nothing and shows the garbage of the path itself.
 * Order ids are 12 digits written into a reused buffer: the benchmark allocates nothing per
 * operation.
 * <p>The benchmark checks its own answers after each iteration: every
 * authorization approved; discounted exactly when the workload says so; the transaction count
 * what the workload implies. A wrong answer fails the run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AuthorizeBenchmark extends SwitchFork
{
    static final int CARDS = 1_000_000;
    static final int EXPECTED_TRANSACTIONS = 1 << 25;
    static final int RETRY_KEYS = 1 << 16;
    static final String NO_CAMPAIGN_BIN = "518888";
    static final long MIDNIGHT = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();

    @Param({"plain", "discounted", "retry"})
    public String workload;

    private SwitchEngine engine;
    private final SwitchCommand command = new SwitchCommand();
    private DemoAuthorizations authorizations;
    private boolean retry;
    private long operations;
    private long approved;
    private long discounted;
    private long discountTotal;

    @Setup(Level.Trial)
    public void prepareInputs()
    {
        authorizations = new DemoAuthorizations();
        retry = "retry".equals(workload);
        engine = new SwitchEngine(EngineConfig.defaults().withExpected(CARDS, EXPECTED_TRANSACTIONS));
        DemoData.load(engine, CARDS, MIDNIGHT);
        if ("discounted".equals(workload))
        {
            createBenchCampaign(engine, command);
        }
        if (retry)
        {
            for (long n = 0; n < RETRY_KEYS; n++)
            {
                authorize(n, n);
                if (command.responseCode != ResponseCode.APPROVED)
                {
                    throw new IllegalStateException("setup authorization " + n + " answered " + command.responseCode);
                }
            }
        }
    }

    @Benchmark
    public long authorize()
    {
        final long n = operations++;
        authorize(retry ? n & (RETRY_KEYS - 1) : n, n);
        final SwitchCommand c = command;
        if (c.responseCode == ResponseCode.APPROVED)
        {
            approved++;
            final long discount = c.transaction.discount;
            if (discount > 0)
            {
                discounted++;
                discountTotal += discount;
            }
        }
        return c.transaction.transactionId;
    }

    /**
     * Every authorization so far approved, discounted exactly when the workload says, and stored
     * once (the counts run over the whole trial, as the engine does).
     */
    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        failIfNot("approved", operations, approved);
        failIfNot("discounted", "discounted".equals(workload) ? operations : 0, discounted);
        failIfNot("transactions stored", retry ? RETRY_KEYS : operations, engine.transactionCount());
        if (discountTotal > 3 * (1_000 + 1_023) * operations / 100)
        {
            throw new IllegalStateException("discounts of " + discountTotal + " exceed 3 % of the amounts");
        }
    }

    /**
     * Authorization {@code key} (order id, merchant, card and amount all follow from it; the same
     * key is the same content, so a retry) at event time derived from {@code step}.
     */
    private void authorize(final long key, final long step)
    {
        authorizations.fill(command, key, step);
        engine.execute(command);
    }

    /** The benchmark's own campaign on BIN 518888: 3 % off, capped at 50.00, never runs out. */
    static void createBenchCampaign(final SwitchEngine engine, final SwitchCommand command)
    {
        command.reset();
        command.type = CommandType.CREATE_CAMPAIGN;
        command.timestamp = MIDNIGHT;
        command.campaignDefinition = new CampaignDefinition("BENCH", "Bench Bank", List.of(NO_CAMPAIGN_BIN), List.of(),
            List.of(), DemoData.CNY, OffsetDateTime.parse("2026-01-01T00:00:00+08:00"),
            OffsetDateTime.parse("2030-12-31T00:00:00+08:00"), 1_000, new DiscountRule.Percent(300, 5_000),
            1_000_000, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT,
            CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, OnReversal.RESTORE);
        engine.execute(command);
        if (command.responseCode != ResponseCode.APPROVED)
        {
            throw new IllegalStateException("campaign BENCH not created: " + command.responseCode + " " + command.error);
        }
        command.reset();
    }

    static void failIfNot(final String what, final long expected, final long actual)
    {
        if (expected != actual)
        {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
