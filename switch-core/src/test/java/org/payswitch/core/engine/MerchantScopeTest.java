package org.payswitch.core.engine;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller scoped to other merchants meets another merchant's transaction as unknown, and changes nothing. */
class MerchantScopeTest
{
    private static final AsciiIdSet OWN = AsciiIdSet.of(List.of(EngineFixture.MERCHANT), MerchantBook.MAX_ID_LENGTH);
    private static final AsciiIdSet OTHERS = AsciiIdSet.of(List.of(DemoData.merchantId(2)), MerchantBook.MAX_ID_LENGTH);

    private final EngineFixture fx = EngineFixture.withHoldExpiry(Duration.ofDays(1));

    private SwitchCommand scoped(final CommandType type, final long transactionId, final AsciiIdSet scope)
    {
        final SwitchCommand command = fx.command(type);
        command.transactionId = transactionId;
        command.merchantScope = scope;
        return command;
    }

    @Test
    void shouldAnswer25AndChangeNothingWhenAnotherMerchantsCallerCapturesReversesRefundsOrLooksUp()
    {
        final long id = fx.sale("O1", 3, 12_000).transaction.transactionId;
        final long authorized = fx.authorize("O2", 4, 12_000).transaction.transactionId;
        final long hash = fx.engine.stateHash();

        for (final CommandType type : List.of(CommandType.CAPTURE, CommandType.REVERSAL, CommandType.GET_TRANSACTION))
        {
            final SwitchCommand attack = fx.run(scoped(type, authorized, OTHERS));
            assertThat(attack.responseCode).as(type.name()).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
            assertThat(attack.outOfScope).isTrue();
            assertThat(attack.transaction.present).isFalse();
        }
        final SwitchCommand refund = scoped(CommandType.REFUND, id, OTHERS);
        refund.refundId.set("R1");
        refund.amount = 100;
        refund.hasAmount = true;
        assertThat(fx.run(refund).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        final SwitchCommand byKey = scoped(CommandType.GET_TRANSACTION, 0, OTHERS);
        byKey.merchantId.set(EngineFixture.MERCHANT);
        byKey.orderId.set("O2");
        assertThat(fx.run(byKey).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);

        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        assertThat(fx.get(authorized).transaction.status).isEqualTo(TransactionStatus.AUTHORIZED);
    }

    @Test
    void shouldServeTheOwnMerchantsCallerAsAnUnscopedOne()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;

        final SwitchCommand get = fx.run(scoped(CommandType.GET_TRANSACTION, id, OWN));
        assertThat(get.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(get.outOfScope).isFalse();
        final SwitchCommand capture = fx.run(scoped(CommandType.CAPTURE, id, OWN));
        assertThat(capture.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(capture.transaction.status).isEqualTo(TransactionStatus.CAPTURED);
        assertThat(fx.run(scoped(CommandType.GET_TRANSACTION, 99, OWN)).outOfScope).isFalse();
    }

    @Test
    void shouldNotEvenMoveEventTimeForARefusedCommand()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;
        fx.advance(Duration.ofDays(2));
        final long hash = fx.engine.stateHash();
        final long eventTime = fx.engine.eventTime();

        assertThat(fx.run(scoped(CommandType.GET_TRANSACTION, id, OTHERS)).outOfScope).isTrue();

        assertThat(fx.engine.eventTime()).isEqualTo(eventTime);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        fx.tick();
        assertThat(fx.get(id).transaction.status).isEqualTo(TransactionStatus.EXPIRED);
    }
}
