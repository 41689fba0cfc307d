package org.payswitch.core.engine;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizerTest
{
    private final EngineFixture fx = EngineFixture.withoutCampaigns();

    @Test
    void shouldApproveAndHoldTheAmount()
    {
        final SwitchCommand answer = fx.authorize("O1", 3, 12_000);

        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(answer.transaction.status).isEqualTo(TransactionStatus.AUTHORIZED);
        assertThat(answer.transaction.transactionId).isEqualTo(1);
        assertThat(answer.transaction.authCode.toString()).matches("[0-9A-Z]{6}");
        assertThat(answer.transaction.chargedAmount).isEqualTo(12_000);
        assertThat(fx.lookup(3).card.available).isEqualTo(DemoData.CREDIT_LIMIT - 12_000);
    }

    @Test
    void shouldCaptureAtOnceOnASale()
    {
        final SwitchCommand answer = fx.sale("S1", 3, 5_000);

        assertThat(answer.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(answer.transaction.status).isEqualTo(TransactionStatus.CAPTURED);
        assertThat(answer.transaction.capturedAmount).isEqualTo(5_000);
    }

    @Test
    void shouldRefuseAMalformedRequestWith30AndRecordNothing()
    {
        final long hash = fx.engine.stateHash();
        final SwitchCommand shortPan = fx.authorization("O1", 3, 100);
        shortPan.panLength = 11;
        assertThat(fx.run(shortPan).responseCode).isEqualTo(ResponseCode.FORMAT_ERROR);

        final SwitchCommand badOrder = fx.authorization("O 1", 3, 100);
        assertThat(fx.run(badOrder).responseCode).isEqualTo(ResponseCode.FORMAT_ERROR);

        final SwitchCommand badExpiry = fx.authorization("O2", 3, 100);
        badExpiry.expiry = 3013;
        assertThat(fx.run(badExpiry).responseCode).isEqualTo(ResponseCode.FORMAT_ERROR);

        assertThat(fx.engine.stateHash()).isEqualTo(hash);
        assertThat(fx.engine.transactionCount()).isZero();
    }

    @Test
    void shouldDeclineAnUnknownMerchantWith03WithoutRecordingIt()
    {
        final SwitchCommand unknown = fx.authorization("O1", 3, 100);
        unknown.merchantId.set("M99999999999999");

        assertThat(fx.run(unknown).responseCode).isEqualTo(ResponseCode.INVALID_MERCHANT);
        assertThat(fx.engine.transactionCount()).isZero();
    }

    @Test
    void shouldDeclineADisabledMerchantWith03()
    {
        fx.merchant(EngineFixture.MERCHANT, false);

        final SwitchCommand answer = fx.authorize("O1", 3, 100);

        assertThat(answer.responseCode).isEqualTo(ResponseCode.INVALID_MERCHANT);
        assertThat(answer.transaction.status).isEqualTo(TransactionStatus.DECLINED);
    }

    @Test
    void shouldDeclineAnUnknownPanAndALuhnFailureWith14()
    {
        final SwitchCommand unknown = fx.authorization("O1", 3, 100);
        unknown.pan = DemoData.pan(5_000);
        assertThat(fx.run(unknown).responseCode).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);

        final SwitchCommand luhn = fx.authorization("O2", 3, 100);
        luhn.pan = DemoData.pan(3) + 1;
        assertThat(fx.run(luhn).responseCode).isEqualTo(ResponseCode.INVALID_CARD_NUMBER);
    }

    @Test
    void shouldDeclineWith54WhenTheExpiryDiffersOrHasPassed()
    {
        final SwitchCommand mismatch = fx.authorization("O1", 3, 100);
        mismatch.expiry = 2912;
        assertThat(fx.run(mismatch).responseCode).isEqualTo(ResponseCode.EXPIRED_CARD);

        fx.card(EngineFixture.demoCardExpiring(4, 2610));
        final SwitchCommand expired = fx.authorization("O2", 4, 100);
        expired.expiry = 2610;
        assertThat(fx.run(expired).responseCode).isEqualTo(ResponseCode.EXPIRED_CARD);

        fx.card(EngineFixture.demoCardExpiring(5, 2611));
        final SwitchCommand lastMonth = fx.authorization("O3", 5, 100);
        lastMonth.expiry = SwitchCommand.NO_EXPIRY;
        assertThat(fx.run(lastMonth).responseCode).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void shouldDeclineByCardStatus()
    {
        fx.status(3, CardStatus.LOST);
        fx.status(4, CardStatus.STOLEN);
        fx.status(5, CardStatus.BLOCKED);

        assertThat(fx.authorize("O1", 3, 100).responseCode).isEqualTo(ResponseCode.LOST_CARD);
        assertThat(fx.authorize("O2", 4, 100).responseCode).isEqualTo(ResponseCode.STOLEN_CARD);
        assertThat(fx.authorize("O3", 5, 100).responseCode).isEqualTo(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
    }

    @Test
    void shouldDeclineWith13AnAmountOutOfRangeOrAnotherCurrency()
    {
        assertThat(fx.authorize("O1", 3, 0).responseCode).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(fx.authorize("O2", 3, -5).responseCode).isEqualTo(ResponseCode.INVALID_AMOUNT);
        assertThat(fx.authorize("O3", 3, Money.MAX_AMOUNT + 1).responseCode).isEqualTo(ResponseCode.INVALID_AMOUNT);
        final SwitchCommand usd = fx.authorization("O4", 3, 100);
        usd.currency = 840;
        assertThat(fx.run(usd).responseCode).isEqualTo(ResponseCode.INVALID_AMOUNT);
    }

    @Test
    void shouldDeclineWith61OverThePerTransactionOrDailyLimit()
    {
        fx.card(EngineFixture.demoCardWithLimits(3, 1_000_000, 50_000, 80_000));

        assertThat(fx.authorize("O1", 3, 50_001).responseCode).isEqualTo(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
        assertThat(fx.authorize("O2", 3, 50_000).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.authorize("O3", 3, 30_001).responseCode).isEqualTo(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
        assertThat(fx.authorize("O4", 3, 30_000).responseCode).isEqualTo(ResponseCode.APPROVED);

        fx.advance(Duration.ofDays(1));
        assertThat(fx.authorize("O5", 3, 50_000).responseCode).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void shouldCountDailyLimitsInTheSwitchZone()
    {
        fx.card(EngineFixture.demoCardWithLimits(3, 1_000_000, Money.NO_LIMIT, 10_000));
        fx.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(fx.authorize("O1", 3, 10_000).responseCode).isEqualTo(ResponseCode.APPROVED);

        fx.advance(Duration.ofMinutes(1));
        assertThat(fx.authorize("O2", 3, 10_000).responseCode).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void shouldCountALateStampedRequestOnTheDayAlreadyCounted()
    {
        fx.card(EngineFixture.demoCardWithLimits(3, 1_000_000, Money.NO_LIMIT, 10_000));
        fx.advance(Duration.ofDays(1));
        assertThat(fx.authorize("O1", 3, 10_000).responseCode).isEqualTo(ResponseCode.APPROVED);

        fx.advance(Duration.ofMillis(-1));
        assertThat(fx.authorize("O2", 3, 1).responseCode)
            .as("stamped the day before but arrived after the new day was counted")
            .isEqualTo(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
        fx.advance(Duration.ofMillis(1));
        assertThat(fx.authorize("O3", 3, 1).responseCode).isEqualTo(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
    }

    @Test
    void shouldDeclineWith51BeyondAvailableCredit()
    {
        assertThat(fx.authorize("O1", 3, DemoData.CREDIT_LIMIT - 100).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(fx.authorize("O2", 3, 101).responseCode).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(fx.authorize("O3", 3, 100).responseCode).isEqualTo(ResponseCode.APPROVED);
    }

    @Test
    void shouldAnswerARetryWithTheOriginalAnswerAndChangeNothing()
    {
        final SwitchCommand first = fx.authorize("O1", 3, 12_000);
        final long id = first.transaction.transactionId;
        final String authCode = first.transaction.authCode.toString();
        final long hash = fx.engine.stateHash();

        fx.advance(Duration.ofMinutes(5));
        final SwitchCommand retry = fx.authorize("O1", 3, 12_000);

        assertThat(retry.responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(retry.transaction.transactionId).isEqualTo(id);
        assertThat(retry.transaction.authCode.toString()).isEqualTo(authCode);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldAnswerARetryOfADeclineWithTheSameDecline()
    {
        fx.status(3, CardStatus.BLOCKED);
        final long id = fx.authorize("O1", 3, 100).transaction.transactionId;
        fx.status(3, CardStatus.ACTIVE);

        final SwitchCommand retry = fx.authorize("O1", 3, 100);

        assertThat(retry.responseCode).isEqualTo(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
        assertThat(retry.transaction.transactionId).isEqualTo(id);
        assertThat(retry.transaction.status).isEqualTo(TransactionStatus.DECLINED);
    }

    @Test
    void shouldAnswer94ForTheSameKeyWithOtherContent()
    {
        fx.authorize("O1", 3, 12_000);
        final long hash = fx.engine.stateHash();

        assertThat(fx.authorize("O1", 3, 12_001).responseCode).isEqualTo(ResponseCode.DUPLICATE_TRANSMISSION);
        assertThat(fx.authorize("O1", 4, 12_000).responseCode).isEqualTo(ResponseCode.DUPLICATE_TRANSMISSION);
        assertThat(fx.engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldKeepKeysApartPerMerchant()
    {
        fx.authorize("O1", 3, 100);
        final SwitchCommand otherMerchant = fx.authorization("O1", 3, 999);
        otherMerchant.merchantId.set(DemoData.merchantId(2));

        assertThat(fx.run(otherMerchant).responseCode).isEqualTo(ResponseCode.APPROVED);
        assertThat(otherMerchant.transaction.transactionId).isEqualTo(2);
    }

    @Test
    void shouldFindTransactionsByIdAndByKey()
    {
        final long id = fx.authorize("O1", 3, 12_000).transaction.transactionId;

        assertThat(fx.get(id).transaction.orderId.toString()).isEqualTo("O1");
        assertThat(fx.get(EngineFixture.MERCHANT, "O1").transaction.transactionId).isEqualTo(id);
        assertThat(fx.get(99).responseCode).isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        assertThat(fx.get(EngineFixture.MERCHANT, "NOPE").responseCode)
            .isEqualTo(ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
    }

    @Test
    void shouldKeepCreditInUseWhenACardIsReplaced()
    {
        fx.authorize("O1", 3, 12_000);

        fx.card(EngineFixture.demoCardWithLimits(3, 20_000, Money.NO_LIMIT, Money.NO_LIMIT));

        assertThat(fx.lookup(3).card.available).isEqualTo(8_000);
        assertThat(fx.authorize("O2", 3, 8_001).responseCode).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
    }

    @Test
    void shouldRefuseACardDefinitionFailingLuhnNamingTheField()
    {
        final SwitchCommand answer = fx.card(new CardDefinition(DemoData.pan(3) + 1, 16, 3012, CardStatus.ACTIVE, 156,
            100, Money.NO_LIMIT, Money.NO_LIMIT));

        assertThat(answer.responseCode).isEqualTo(ResponseCode.FORMAT_ERROR);
        assertThat(answer.error.field()).isEqualTo("pan");
    }
}
