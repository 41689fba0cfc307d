package org.payswitch.core.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/** The typed operator arguments and answers of a ring slot: copied with the request, cleared with the slot. */
class SwitchCommandTest
{
    @Test
    void shouldCopyEveryOperatorArgumentWithTheRequestButNoAnswer()
    {
        final EngineFixture fx = EngineFixture.withoutCampaigns();
        final SwitchCommand created = fx.campaign(campaign("COPY").build());
        created.cardDefinition = EngineFixture.demoCardExpiring(1, 3012);
        created.cardStatus = CardStatus.LOST;
        created.merchantDefinition = new MerchantDefinition("M-1", "One", 5411, true);
        created.campaignId = "COPY";

        final SwitchCommand slot = new SwitchCommand();
        slot.reset();
        slot.copyRequestFrom(created);

        assertThat(slot.campaignDefinition).isSameAs(created.campaignDefinition);
        assertThat(slot.cardDefinition).isSameAs(created.cardDefinition);
        assertThat(slot.cardStatus).isEqualTo(CardStatus.LOST);
        assertThat(slot.merchantDefinition).isSameAs(created.merchantDefinition);
        assertThat(slot.campaignId).isEqualTo("COPY");
        assertThat(created.campaign).isNotNull();
        assertThat(slot.campaign).isNull();
    }

    @Test
    void shouldClearArgumentsWithTheSlotAndAnswersWithTheAnswer()
    {
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.campaignId = "X";
        command.campaigns = List.of();
        command.funders = List.of();
        assertThat(command.hasPayload()).isTrue();

        command.clearAnswer();
        assertThat(command.campaigns).isNull();
        assertThat(command.funders).isNull();
        assertThat(command.campaignId).isEqualTo("X");

        command.reset();
        assertThat(command.hasPayload()).isFalse();
    }
}
