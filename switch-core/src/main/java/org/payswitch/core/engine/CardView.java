package org.payswitch.core.engine;

import org.payswitch.core.domain.CardStatus;

/** A copy of one card's figures for a lookup answer; the PAN is kept to be shown masked. */
public final class CardView
{
    public boolean present;
    public long pan;
    public int panLength;
    public CardStatus status;
    public int currency;
    public long creditLimit;
    /** Credit limit minus open holds minus captured plus refunded, never below zero. */
    public long available;

    /** Empties the view. */
    public void clear()
    {
        present = false;
        pan = 0;
        panLength = 0;
        status = null;
        currency = 0;
        creditLimit = 0;
        available = 0;
    }
}
