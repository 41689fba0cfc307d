package org.payswitch.core.discount;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/**
 * Singles' Day in one command stream: 60 000 distinct eligible cards race for a budget of
 * 50 000 redemptions. First come, first served; the budget is never overspent.
 */
class PeakScenarioTest
{
    private static final int ELIGIBLE_CARDS = 60_000;
    private static final int REDEMPTIONS = 50_000;
    private static final long DISCOUNT = 1_000;

    @Test
    void shouldGrantExactlyTheBudgetAndRestoreExactlyWhatIsReversed()
    {
        final long midnight = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(4 * ELIGIBLE_CARDS, 65_536));
        DemoData.load(engine, 4 * ELIGIBLE_CARDS, midnight);
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = CommandType.CREATE_CAMPAIGN;
        command.timestamp = midnight;
        command.campaignDefinition = campaign("PEAK").perCard(1).budget(REDEMPTIONS * DISCOUNT).build();
        engine.execute(command);
        assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);

        int discounted = 0;
        int withoutDiscount = 0;
        final List<Long> discountedIds = new ArrayList<>();
        for (int n = 0; n < ELIGIBLE_CARDS; n++)
        {
            command.reset();
            command.type = CommandType.AUTHORIZE;
            command.timestamp = midnight + n / 100;
            command.merchantId.set(DemoData.merchantId(n % DemoData.MERCHANTS));
            command.orderId.set("P" + n);
            command.pan = DemoData.pan(4 * n + 3);
            command.panLength = 16;
            command.expiry = DemoData.EXPIRY;
            command.amount = 12_000;
            command.currency = DemoData.CNY;
            engine.execute(command);
            assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
            if (command.transaction.discount == DISCOUNT)
            {
                discounted++;
                discountedIds.add(command.transaction.transactionId);
                assertThat(n).isLessThan(REDEMPTIONS);
            }
            else
            {
                assertThat(command.transaction.discount).isZero();
                assertThat(command.transaction.chargedAmount).isEqualTo(12_000);
                withoutDiscount++;
            }
        }
        final CampaignFigures afterRace = engine.discounts().figures("PEAK", midnight + 1_000);
        assertThat(discounted).isEqualTo(REDEMPTIONS);
        assertThat(withoutDiscount).isEqualTo(ELIGIBLE_CARDS - REDEMPTIONS);
        assertThat(afterRace.redemptions()).isEqualTo(REDEMPTIONS);
        assertThat(afterRace.discountGranted()).isEqualTo(REDEMPTIONS * DISCOUNT);
        assertThat(afterRace.remainingBudget()).isZero();

        for (int i = 0; i < 100; i++)
        {
            command.reset();
            command.type = CommandType.REVERSAL;
            command.timestamp = midnight + 1_000;
            command.transactionId = discountedIds.get(i * 7);
            engine.execute(command);
            assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
        }
        final CampaignFigures afterReversals = engine.discounts().figures("PEAK", midnight + 1_000);
        assertThat(afterReversals.redemptions()).isEqualTo(REDEMPTIONS - 100);
        assertThat(afterReversals.restoredRedemptions()).isEqualTo(100);
        assertThat(afterReversals.remainingBudget()).isEqualTo(100 * DISCOUNT);
    }
}
