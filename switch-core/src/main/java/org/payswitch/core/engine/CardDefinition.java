package org.payswitch.core.engine;

import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;

/**
 * A card as an operator defines it. Limits are minor units; {@link Money#NO_LIMIT} means none.
 * The PAN is held as a number ({@link Pan}); {@link #toString()} masks it.
 */
public record CardDefinition(
    long pan,
    int panLength,
    int expiry,
    CardStatus status,
    int currency,
    long creditLimit,
    long perTransactionLimit,
    long dailyLimit)
{
    @Override
    public String toString()
    {
        return "CardDefinition[pan=" + Pan.mask(pan, panLength) + ", expiry=" + expiry + ", status=" + status +
            ", currency=" + currency + ", creditLimit=" + creditLimit + ", perTransactionLimit=" +
            perTransactionLimit + ", dailyLimit=" + dailyLimit + "]";
    }
}
