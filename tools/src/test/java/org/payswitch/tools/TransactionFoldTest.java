package org.payswitch.tools;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.PayloadCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TransactionFold} over records encoded in memory by the journal's own {@link JournalRecord}:
 * which records are money events, once each, and when a hold expires.
 */
class TransactionFoldTest
{
    private static final long T0 = OffsetDateTime.parse("2026-11-12T10:00:00+08:00").toInstant().toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private final List<String> events = new ArrayList<>();
    private final TransactionFold fold = new TransactionFold(Duration.ofHours(8), new Recorder(), Progress.none());
    private final SwitchCommand command = new SwitchCommand();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private long index;

    @Test
    void shouldCountANewApprovalOnceAndNeitherItsRetryNorADecline()
    {
        authorize(T0, 1, ResponseCode.APPROVED, 12_000, 1_000, 0, false);
        authorize(T0 + 1, 1, ResponseCode.APPROVED, 12_000, 1_000, 0, false);
        authorize(T0 + 2, 2, ResponseCode.INSUFFICIENT_FUNDS, 9_000, 0, -1, false);
        authorize(T0 + 3, 0, ResponseCode.FORMAT_ERROR, 9_000, 0, -1, false);
        authorize(T0 + 4, 3, ResponseCode.APPROVED, 5_000, 0, -1, true);

        assertThat(events).containsExactly("authorized M1 " + T0 + " 12000 1000 #0",
            "authorized M1 " + (T0 + 4) + " 5000 0 #-1 sale");
        assertThat(fold.transactions()).isEqualTo(3);
    }

    @Test
    void shouldCaptureOnceWhatWasAskedOrTheWholeChargedAmount()
    {
        authorize(T0, 1, ResponseCode.APPROVED, 12_000, 1_000, -1, false);
        authorize(T0, 2, ResponseCode.APPROVED, 8_000, 0, -1, false);
        events.clear();
        next(CommandType.CAPTURE, T0 + 1, 1, ResponseCode.APPROVED, 4_000, true);
        next(CommandType.CAPTURE, T0 + 2, 1, ResponseCode.APPROVED, 4_000, true);
        next(CommandType.CAPTURE, T0 + 3, 2, ResponseCode.APPROVED, 0, false);
        next(CommandType.CAPTURE, T0 + 4, 2, ResponseCode.INVALID_TRANSACTION, 1, true);

        assertThat(events).containsExactly("captured M1 " + (T0 + 1) + " 4000", "captured M1 " + (T0 + 3) + " 8000");
        assertThat(fold.unfit()).isZero();
    }

    @Test
    void shouldRefundEachRefundIdOnceAndGiveARestoreDiscountBackOnTheFullRefundOnly()
    {
        loadDemoData();
        authorize(T0, 1, ResponseCode.APPROVED, 12_000, 1_000, 0, true);
        events.clear();
        refund(T0 + 1, 1, "R1", 5_000);
        refund(T0 + 2, 1, "R1", 5_000);
        refund(T0 + 3, 1, "R2", 6_000);

        assertThat(events).containsExactly("refunded M1 " + (T0 + 1) + " 5000", "refunded M1 " + (T0 + 3) + " 6000",
            "restored #0 " + (T0 + 3) + " 1000");
    }

    @Test
    void shouldGiveBackOnReversalUnderRestoreButNotUnderConsume()
    {
        createCampaign("KEEP", OnReversal.CONSUME);
        createCampaign("GIVE", OnReversal.RESTORE);
        authorize(T0, 1, ResponseCode.APPROVED, 12_000, 500, 0, false);
        authorize(T0, 2, ResponseCode.APPROVED, 12_000, 700, 1, false);
        events.clear();
        next(CommandType.REVERSAL, T0 + 1, 1, ResponseCode.APPROVED, 0, false);
        next(CommandType.REVERSAL, T0 + 2, 2, ResponseCode.APPROVED, 0, false);
        next(CommandType.REVERSAL, T0 + 3, 2, ResponseCode.APPROVED, 0, false);

        assertThat(events).containsExactly("reversed M1 " + (T0 + 1) + " 11500", "reversed M1 " + (T0 + 2) + " 11300",
            "restored #1 " + (T0 + 2) + " 700");
    }

    /**
     * A hold expires at the first record whose time reaches its deadline, oldest placed first
     * (as the engine's queue): not at a snapshot marker, not at a record stamped earlier than event
     * time, and a later hold stamped earlier waits behind the one placed before it.
     */
    @Test
    void shouldExpireAHoldAtTheFirstRecordWhoseTimeReachesItsDeadline()
    {
        authorize(T0, 1, ResponseCode.APPROVED, 10_000, 0, -1, false);
        authorize(T0 - 1_000, 2, ResponseCode.APPROVED, 20_000, 0, -1, false);
        events.clear();
        next(CommandType.TAKE_SNAPSHOT, T0 + 9 * HOUR, 0, ResponseCode.APPROVED, 1, false);
        next(CommandType.EXPIRE_HOLDS, T0 + 8 * HOUR - 1, 0, ResponseCode.APPROVED, 0, false);
        assertThat(events).isEmpty();

        next(CommandType.EXPIRE_HOLDS, T0 + 8 * HOUR, 0, ResponseCode.APPROVED, 0, false);
        next(CommandType.CAPTURE, T0 + 8 * HOUR - 5, 2, ResponseCode.INVALID_TRANSACTION, 0, false);

        assertThat(events).containsExactly("expired M1 " + (T0 + 8 * HOUR) + " 10000",
            "expired M1 " + (T0 + 8 * HOUR) + " 20000");
    }

    @Test
    void shouldCountWhatNamesATransactionBeforeTheJournalsFirstOrDoesNotFitIt()
    {
        authorize(T0, 41, ResponseCode.APPROVED, 10_000, 0, -1, false);
        next(CommandType.CAPTURE, T0 + 1, 7, ResponseCode.APPROVED, 0, false);
        authorize(T0 + 2, 43, ResponseCode.APPROVED, 10_000, 0, -1, false);
        next(CommandType.REVERSAL, T0 + 3, 41, ResponseCode.APPROVED, 0, false);
        next(CommandType.CAPTURE, T0 + 4, 41, ResponseCode.APPROVED, 0, false);

        next(CommandType.CAPTURE, T0 + 5, 43, ResponseCode.APPROVED, 0, false);

        assertThat(fold.outside()).isEqualTo(1);
        assertThat(fold.unfit()).isEqualTo(2);
        assertThat(fold.transactions()).isEqualTo(3);
        assertThat(events).last().isEqualTo("captured M1 " + (T0 + 5) + " 10000");
    }

    private void authorize(
        final long time, final long id, final ResponseCode code, final long amount, final long discount,
        final int campaign, final boolean sale)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = time;
        command.merchantId.set("M1");
        command.orderId.set("O" + id);
        command.pan = DemoData.pan(1);
        command.panLength = 16;
        command.cardOnFile = 1;
        command.amount = amount;
        command.currency = DemoData.CNY;
        command.capture = sale;
        command.responseCode = code;
        command.transaction.transactionId = id;
        command.transaction.discount = discount;
        command.transaction.campaignNumber = campaign;
        append(new byte[0]);
    }

    private void next(
        final CommandType type, final long time, final long id, final ResponseCode code, final long amount,
        final boolean hasAmount)
    {
        prepare(type, time, id, code, amount, hasAmount);
        append(new byte[0]);
    }

    private void prepare(
        final CommandType type, final long time, final long id, final ResponseCode code, final long amount,
        final boolean hasAmount)
    {
        command.reset();
        command.type = type;
        command.timestamp = time;
        command.transactionId = id;
        command.amount = amount;
        command.hasAmount = hasAmount;
        command.responseCode = code;
        command.transaction.transactionId = code == ResponseCode.APPROVED ? id : 0;
    }

    private void refund(final long time, final long id, final String refundId, final long amount)
    {
        prepare(CommandType.REFUND, time, id, ResponseCode.APPROVED, amount, true);
        command.refundId.set(refundId);
        append(new byte[0]);
    }

    private void loadDemoData()
    {
        next(CommandType.LOAD_DEMO_DATA, T0 - HOUR, 0, ResponseCode.APPROVED, 10, true);
    }

    private void createCampaign(final String id, final OnReversal onReversal)
    {
        command.reset();
        command.type = CommandType.CREATE_CAMPAIGN;
        command.timestamp = T0 - HOUR;
        command.campaignDefinition = new CampaignDefinition(id, "Bank", List.of("622260"), List.of(), List.of(),
            DemoData.CNY, OffsetDateTime.parse("2026-01-01T00:00:00+08:00"),
            OffsetDateTime.parse("2027-01-01T00:00:00+08:00"), 1_000, new DiscountRule.Fixed(500),
            CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, 1_000_000,
            CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, onReversal);
        command.responseCode = ResponseCode.APPROVED;
        append(PayloadCodec.encode(command, null));
    }

    private void append(final byte[] payload)
    {
        final int length = JournalRecord.encode(command, buffer, 0, payload, payload.length, null);
        fold.onRecord(buffer, 0, length, index++);
    }

    /** Each event as one line of text. */
    private final class Recorder implements LedgerEvents
    {
        @Override
        public void authorized(
            final int txn, final int row, final long time, final long amount, final long discount, final int campaign,
            final boolean sale)
        {
            events.add("authorized " + fold.rows().merchantId(row) + " " + time + " " + amount + " " + discount + " #" +
                campaign + (sale ? " sale" : ""));
        }

        @Override
        public void captured(final int txn, final int row, final long time, final long amount)
        {
            events.add("captured " + fold.rows().merchantId(row) + " " + time + " " + amount);
        }

        @Override
        public void refunded(final int txn, final int row, final long time, final long amount)
        {
            events.add("refunded " + fold.rows().merchantId(row) + " " + time + " " + amount);
        }

        @Override
        public void reversed(final int txn, final int row, final long time, final long charged)
        {
            events.add("reversed " + fold.rows().merchantId(row) + " " + time + " " + charged);
        }

        @Override
        public void expired(final int txn, final int row, final long time, final long charged)
        {
            events.add("expired " + fold.rows().merchantId(row) + " " + time + " " + charged);
        }

        @Override
        public void discountRestored(final int campaign, final long time, final long discount)
        {
            events.add("restored #" + campaign + " " + time + " " + discount);
        }
    }
}
