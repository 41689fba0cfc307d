package org.payswitch.tools;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ReconcileFold} over records encoded in memory by the journal's own {@link JournalRecord}:
 * an answer matches at a record of its window and not outside it, and a hold past its deadline
 * counts as open until a journaled record expires it (a query expires nothing).
 */
class ReconcileFoldTest
{
    private static final long T0 = OffsetDateTime.parse("2026-11-12T10:00:00+08:00").toInstant().toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final String CAMPAIGNS = "/v1/campaigns";
    private static final String TRANSACTIONS = "/v1/reports/transactions";

    private final SwitchCommand command = new SwitchCommand();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final CampaignTotals totals = new CampaignTotals();
    private final SettlementTotals transactionTotals = SettlementTotals.allTime();
    private final TransactionFold fold = new TransactionFold(Duration.ofHours(8),
        new LedgerTee(totals, transactionTotals), Progress.none());
    private long index;

    @Test
    void shouldMatchAnAnswerAtARecordOfItsWindowOnly()
    {
        final SwitchAnswer afterFirst = answer(1, 1_000, 0, 1);
        final SwitchAnswer afterSecondButWindowAfterThird = answer(2, 2_000, 3, 3);
        final ReconcileFold reconcile = new ReconcileFold(fold, totals, transactionTotals,
            List.of(afterFirst, afterSecondButWindowAfterThird));

        demoData(reconcile);
        authorize(reconcile, T0, 1, 1_000);
        authorize(reconcile, T0, 2, 1_000);
        authorize(reconcile, T0, 3, 1_000);

        assertThat(reconcile.lastIndex()).isEqualTo(3);
        assertThat(reconcile.matched(0)).isTrue();
        assertThat(reconcile.differences(0)).isEmpty();
        assertThat(reconcile.matched(1)).isFalse();
        assertThat(reconcile.differences(1)).extracting(Difference::line).containsExactly(
            CAMPAIGNS + " campaign SINGLES-DAY-BOCOM redemptions: journal 3, switch 2",
            CAMPAIGNS + " campaign SINGLES-DAY-BOCOM discountGranted: journal 3000, switch 2000",
            CAMPAIGNS + " campaign SINGLES-DAY-BOCOM remainingBudget: journal 599997000, switch 599998000");
    }

    @Test
    void shouldCountAHoldPastItsDeadlineAsOpenUntilAJournaledRecordExpiresIt()
    {
        final SwitchAnswer beforeTheTick = answer(1, 1_000, 1, 1);
        final SwitchAnswer expiredByTheQuery = answer(0, 0, 1, 1);
        final SwitchAnswer afterTheTick = answer(0, 0, 2, 2);
        final ReconcileFold reconcile = new ReconcileFold(fold, totals, transactionTotals,
            List.of(beforeTheTick, expiredByTheQuery, afterTheTick));

        demoData(reconcile);
        authorize(reconcile, T0, 1, 1_000);
        expireHolds(reconcile, T0 + 9 * HOUR);

        assertThat(reconcile.matched(0)).isTrue();
        assertThat(reconcile.matched(1)).isFalse();
        assertThat(reconcile.matched(2)).isTrue();
        assertThat(reconcile.differences(1)).extracting(Difference::line).contains(
            CAMPAIGNS + " campaign SINGLES-DAY-BOCOM redemptions: journal 1, switch 0");
    }

    @Test
    void shouldCompareEachMerchantsTransactionTotalsOverTheWholeJournal()
    {
        final SwitchAnswer oneHold = transactions(1, 1_000, 0, 1, 1);
        final SwitchAnswer withoutTheDiscountAndTheExpiries = transactions(2, 0, 0, 3, 3);
        final ReconcileFold reconcile = new ReconcileFold(fold, totals, transactionTotals,
            List.of(oneHold, withoutTheDiscountAndTheExpiries));

        demoData(reconcile);
        authorize(reconcile, T0, 1, 1_000);
        authorize(reconcile, T0 + HOUR, 2, 0);
        expireHolds(reconcile, T0 + 9 * HOUR);

        assertThat(reconcile.matched(0)).isTrue();
        assertThat(reconcile.differences(1)).extracting(Difference::line).containsExactly(
            TRANSACTIONS + " merchant M1 CNY discountGranted: journal 1000, switch 0",
            TRANSACTIONS + " merchant M1 CNY chargedAmount: journal 39000, switch 40000",
            TRANSACTIONS + " merchant M1 CNY expiries: journal 2, switch 0",
            TRANSACTIONS + " merchant M1 CNY expiredAmount: journal 39000, switch 0");
    }

    /**
     * What GET /v1/reports/transactions answers for merchant M1 after {@code holds} holds of 200.00
     * with {@code discount} in all and {@code expired} of them expired.
     */
    private static SwitchAnswer transactions(
        final long holds, final long discount, final long expired, final long from, final long to)
    {
        final NamedFigures figures = new NamedFigures();
        final long[] values = {holds, holds * 20_000, discount, holds * 20_000 - discount, 0, 0, 0, 0, 0, 0,
            expired, expired * 20_000};
        for (int figure = 0; figure < SettlementTotals.FIGURES; figure++)
        {
            figures.put("merchant M1 CNY " + SettlementTotals.NAMES[figure], values[figure]);
        }
        return new SwitchAnswer(TRANSACTIONS, figures, from, to);
    }

    /** What GET /v1/campaigns answers when SINGLES-DAY-BOCOM has these net figures and the others none. */
    private static SwitchAnswer answer(
        final long redemptions, final long granted, final long from, final long to)
    {
        final NamedFigures figures = new NamedFigures();
        campaign(figures, "SINGLES-DAY-BOCOM", redemptions, granted, 600_000_000);
        campaign(figures, "QISHANG-PERCENT", 0, 0, 100_000_000);
        campaign(figures, "RED-ENVELOPE", 0, 0, 50_000_000);
        return new SwitchAnswer(CAMPAIGNS, figures, from, to);
    }

    private static void campaign(
        final NamedFigures figures, final String id, final long redemptions, final long granted, final long budget)
    {
        figures.put("campaign " + id + " redemptions", redemptions);
        figures.put("campaign " + id + " discountGranted", granted);
        figures.put("campaign " + id + " remainingBudget", budget - granted);
    }

    private void demoData(final ReconcileFold reconcile)
    {
        command.reset();
        command.type = CommandType.LOAD_DEMO_DATA;
        command.timestamp = T0 - HOUR;
        command.amount = 10;
        command.responseCode = ResponseCode.APPROVED;
        append(reconcile);
    }

    private void expireHolds(final ReconcileFold reconcile, final long time)
    {
        command.reset();
        command.type = CommandType.EXPIRE_HOLDS;
        command.timestamp = time;
        command.responseCode = ResponseCode.APPROVED;
        append(reconcile);
    }

    /** An approved hold of 200.00 with {@code discount} from SINGLES-DAY-BOCOM (campaign 0, RESTORE). */
    private void authorize(final ReconcileFold reconcile, final long time, final long id, final long discount)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = time;
        command.merchantId.set("M1");
        command.orderId.set("O" + id);
        command.pan = DemoData.pan(0);
        command.panLength = 16;
        command.cardOnFile = 1;
        command.amount = 20_000;
        command.currency = DemoData.CNY;
        command.responseCode = ResponseCode.APPROVED;
        command.transaction.transactionId = id;
        command.transaction.discount = discount;
        command.transaction.campaignNumber = 0;
        append(reconcile);
    }

    private void append(final ReconcileFold reconcile)
    {
        final int length = JournalRecord.encode(command, buffer, 0, new byte[0], 0, null);
        reconcile.onRecord(buffer, 0, length, index++);
    }
}
