package org.payswitch.core.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.snapshot.SnapshotStore;
import org.payswitch.core.testing.EngineFixture;
import org.payswitch.core.testing.RandomWorkload;
import org.payswitch.core.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/**
 * The transaction report's running totals: each kind of event counted once with its amount, and the
 * same figures rebuilt from a snapshot as were counted live.
 */
class TransactionTotalsTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldCountAndSumEachEventOfATransactionsLifeInItsMerchantsRow()
    {
        final EngineFixture fx = EngineFixture.withHoldExpiry(Duration.ofMinutes(10));
        fx.campaign(campaign("FIX").build());
        final long captured = fx.authorize("HOLD-CAPTURED", 7, 10_000).transaction.transactionId;
        assertThat(fx.capture(captured, 6_000).responseCode).isEqualTo(ResponseCode.APPROVED);
        final long sale = fx.sale("SALE", 2, 5_000).transaction.transactionId;
        assertThat(fx.refund(sale, "R1", 1_000).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.refund(sale, "R2", 3_000).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.refund(sale, "R1", 1_000).responseCode).as("a repeated refund").isEqualTo(ResponseCode.APPROVED);
        final long reversed = fx.authorize("REVERSED", 3, 4_000).transaction.transactionId;
        assertThat(fx.reverse(reversed).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.reverse(reversed).responseCode).as("a repeated reversal").isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.authorize("DECLINED", 4, DemoData.CREDIT_LIMIT + 1).responseCode)
            .isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(fx.authorize("EXPIRES", 5, 3_000).responseCode).isEqualTo(ResponseCode.APPROVED);
        fx.advance(Duration.ofMinutes(10)).tick();
        final SwitchCommand other = fx.authorization("OTHER-MERCHANT", 6, 700);
        other.merchantId.set(DemoData.merchantId(2));
        assertThat(fx.run(other).responseCode).isEqualTo(ResponseCode.APPROVED);

        final List<MerchantTransactionTotals> report = report(fx.engine);

        assertThat(report).containsExactly(
            new MerchantTransactionTotals(EngineFixture.MERCHANT, DemoData.CNY,
                4, 22_000, 1_000, 21_000,
                2, 6_000 + 5_000, 2, 4_000, 1, 4_000, 1, 3_000),
            new MerchantTransactionTotals(DemoData.merchantId(2), DemoData.CNY,
                1, 700, 0, 700, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void shouldRebuildFromASnapshotTheFiguresCountedLive()
    {
        Seeds.check(4, seed ->
        {
            final SnapshotStore snapshots = new SnapshotStore(dataDir.resolve("snapshots-" + seed));
            final SwitchEngine live = engine();
            final RandomWorkload workload = new RandomWorkload(seed);
            final SwitchCommand command = new SwitchCommand();
            for (int i = 0; i < 20_000; i++)
            {
                workload.next(command);
                live.execute(command);
            }
            snapshots.write(live, 1);
            final SwitchEngine restored = engine();
            snapshots.read(1, restored);
            assertThat(report(restored)).as(Seeds.replay(seed)).isEqualTo(report(live));
            assertThat(report(live)).as("the workload exercises every figure")
                .anySatisfy(row -> assertThat(row.captures()).isPositive())
                .anySatisfy(row -> assertThat(row.refunds()).isPositive())
                .anySatisfy(row -> assertThat(row.reversals()).isPositive())
                .anySatisfy(row -> assertThat(row.expiries()).isPositive())
                .anySatisfy(row -> assertThat(row.discountGranted()).isPositive());

            for (int i = 0; i < 5_000; i++)
            {
                workload.next(command);
                live.execute(command);
                restored.execute(command);
            }
            assertThat(report(restored)).as(Seeds.replay(seed)).isEqualTo(report(live));
        });
    }

    private static List<MerchantTransactionTotals> report(final SwitchEngine engine)
    {
        final SwitchCommand query = new SwitchCommand();
        query.type = CommandType.TRANSACTION_REPORT;
        engine.execute(query);
        assertThat(query.responseCode).isEqualTo(ResponseCode.APPROVED);
        return query.merchantTotals;
    }

    private static SwitchEngine engine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(4096, 32_768));
    }
}
