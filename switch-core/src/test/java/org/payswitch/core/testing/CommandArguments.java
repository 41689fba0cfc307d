package org.payswitch.core.testing;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Sets an operator command's argument from a value of any of its kinds, for tests that build
 * commands from a table of (type, argument): the argument lands in its typed field of
 * {@link SwitchCommand}, the others cleared; null clears them all.
 */
public final class CommandArguments
{
    private CommandArguments()
    {
    }

    /** Puts {@code argument} (a card, a card status, a merchant, a campaign, a campaign id, or null) on {@code command}. */
    public static void set(final SwitchCommand command, final Object argument)
    {
        command.cardDefinition = argument instanceof CardDefinition card ? card : null;
        command.cardStatus = argument instanceof CardStatus status ? status : null;
        command.merchantDefinition = argument instanceof MerchantDefinition merchant ? merchant : null;
        command.campaignDefinition = argument instanceof CampaignDefinition campaign ? campaign : null;
        command.campaignId = argument instanceof String id ? id : null;
        if (argument != null && !(argument instanceof CardDefinition || argument instanceof CardStatus ||
            argument instanceof MerchantDefinition || argument instanceof CampaignDefinition || argument instanceof String))
        {
            throw new IllegalArgumentException("not a command argument: " + argument.getClass().getName());
        }
    }
}
