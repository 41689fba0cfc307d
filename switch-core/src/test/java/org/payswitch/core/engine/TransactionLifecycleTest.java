package org.payswitch.core.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionLifecycleTest
{
    private final EngineFixture fx = EngineFixture.withoutCampaigns();

    @Test
    void shouldCaptureTheWholeHold()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;

        final SwitchCommand capture = fx.capture(id);

        assertThat(capture.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(capture.transaction.status).isEqualTo(TransactionStatus.CAPTURED);
        assertThat(capture.transaction.capturedAmount).isEqualTo(12_000);
        assertThat(fx.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT - 12_000);
    }

    @Test
    void shouldReleaseTheRestOfTheHoldOnAPartialCapture()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;

        assertThat(fx.capture(id, 10_000).transaction.capturedAmount).isEqualTo(10_000);

        assertThat(fx.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT - 10_000);
    }

    @Test
    void shouldCaptureOnceAndAnswerAnIdenticalRepeatWithoutApplyingIt()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;
        fx.capture(id, 10_000);
        final long hash = fx.engine.stateHash();

        assertThat(fx.capture(id, 10_000).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        assertThat(fx.capture(id, 2_000).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(fx.capture(id).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void shouldRefuseACaptureOfAnInvalidAmountWith13()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;

        assertThat(fx.capture(id, 12_001).responseCode).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(fx.capture(id, 0).responseCode).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(fx.get(id).transaction.status).isEqualTo(TransactionStatus.AUTHORIZED);
    }

    @Test
    void shouldAnswer25ForAnOriginalItDoesNotKnow()
    {
        assertThat(fx.capture(42).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        assertThat(fx.reverse(42).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        assertThat(fx.refund(42, "R1", 100).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
    }

    @Test
    void shouldReverseAHoldAndAnswerARepeatWithoutApplyingIt()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;

        assertThat(fx.reverse(id).transaction.status).isEqualTo(TransactionStatus.REVERSED);
        assertThat(fx.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT);
        final long hash = fx.engine.stateHash();
        assertThat(fx.reverse(id).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        assertThat(fx.capture(id).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void shouldReverseByMerchantAndOrderIdAsAnIsoReversalNamesIt()
    {
        fx.authorize("RRN000000001", 3, 12_000);
        final SwitchCommand reversal = fx.command(CommandType.REVERSAL);
        reversal.merchantId.set(EngineFixture.MERCHANT);
        reversal.orderId.set("RRN000000001");

        assertThat(fx.run(reversal).transaction.status).isEqualTo(TransactionStatus.REVERSED);
    }

    @Test
    void shouldRefuseToReverseACapturedOrDeclinedTransactionWith12()
    {
        final long captured = fx.sale("S1", 3, 5_000).transaction.transactionId;
        final long declined = fx.authorize("D1", 3, 0).transaction.transactionId;

        assertThat(fx.reverse(captured).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(fx.reverse(declined).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void shouldRefundInPartsUpToTheCapturedAmount()
    {
        final long id = fx.sale("S1", 3, 10_000).transaction.transactionId;

        assertThat(fx.refund(id, "R1", 3_000).transaction.refundedAmount).isEqualTo(3_000);
        assertThat(fx.refund(id, "R2", 3_000).transaction.status).isEqualTo(TransactionStatus.CAPTURED);
        assertThat(fx.refund(id, "R3", 4_001).responseCode).isEqualTo(ResponseCode.INVALID_AMOUNT);
        final SwitchCommand last = fx.refund(id, "R3", 4_000);
        assertThat(last.transaction.status).isEqualTo(TransactionStatus.REFUNDED);
        assertThat(last.transaction.refundedAmount).isEqualTo(10_000);
        assertThat(fx.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT);
        assertThat(fx.refund(id, "R4", 1).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void shouldAnswerARepeatedRefundWithoutApplyingItAndRefuseOtherContentWith94()
    {
        final long id = fx.sale("S1", 3, 10_000).transaction.transactionId;
        fx.refund(id, "R1", 3_000);
        final long hash = fx.engine.stateHash();

        assertThat(fx.refund(id, "R1", 3_000).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        assertThat(fx.refund(id, "R1", 2_000).responseCode).isEqualTo(ResponseCode.DUPLICATE_TRANSMISSION);
    }

    @Test
    void shouldRefuseARefundOfATransactionNotCapturedWith12()
    {
        final long id = fx.authorize("O1", 3, 10_000).transaction.transactionId;

        assertThat(fx.refund(id, "R1", 100).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(fx.refund(id, "R1", 0).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void shouldExpireAHoldAfterHoldExpiryOfEventTime()
    {
        final EngineFixture hourly = EngineFixture.withHoldExpiry(Duration.ofHours(1));
        final long id = hourly.authorize("O1", 3, 12_000).transaction.transactionId;

        hourly.advance(Duration.ofMinutes(59)).tick();
        assertThat(hourly.get(id).transaction.status).isEqualTo(TransactionStatus.AUTHORIZED);

        hourly.advance(Duration.ofMinutes(1)).tick();
        assertThat(hourly.get(id).transaction.status).isEqualTo(TransactionStatus.EXPIRED);
        assertThat(hourly.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT);
        assertThat(hourly.capture(id).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(hourly.reverse(id).responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
    }

    @Test
    void shouldExpireHoldsWhenTheNextCommandArrivesLate()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;

        fx.advance(Duration.ofDays(7));
        final SwitchCommand capture = fx.capture(id);

        assertThat(capture.responseCode).isEqualTo(ResponseCode.INVALID_TRANSACTION);
        assertThat(capture.transaction.status).isEqualTo(TransactionStatus.EXPIRED);
    }

    /**
     * Queries are not journaled, so they must not change state: a query stamped after a hold's
     * deadline must not expire the hold, or a capture stamped before the deadline and executed
     * after the query (two I/O threads, a clock stepped back) is refused live and approved when the
     * journal is replayed without the query, and recovery refuses the journal.
     */
    @Test
    void shouldLeaveHoldsToJournaledCommandsWhenAQueryComesAfterTheDeadline()
    {
        final EngineFixture live = EngineFixture.withHoldExpiry(Duration.ofHours(1));
        final EngineFixture replay = EngineFixture.withHoldExpiry(Duration.ofHours(1));
        final long id = live.authorize("O1", 3, 12_000).transaction.transactionId;
        replay.authorize("O1", 3, 12_000);

        live.advance(Duration.ofMinutes(61));
        assertThat(live.get(id).transaction.status).isEqualTo(TransactionStatus.AUTHORIZED);
        live.lookup(3);
        live.advance(Duration.ofMinutes(-2));
        replay.advance(Duration.ofMinutes(59));
        final SwitchCommand liveCapture = live.capture(id);
        final SwitchCommand replayedCapture = replay.capture(id);

        assertThat(liveCapture.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(replayedCapture.responseCode).isEqualTo(liveCapture.responseCode);
        assertThat(live.engine.stateHash()).isEqualTo(replay.engine.stateHash());
    }

    @Test
    void shouldNotExpireCapturedTransactions()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;
        fx.capture(id);

        fx.advance(Duration.ofDays(30)).tick();

        assertThat(fx.get(id).transaction.status).isEqualTo(TransactionStatus.CAPTURED);
    }
}
