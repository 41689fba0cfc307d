package org.payswitch.core.crypto;

/**
 * The card data that is encrypted at rest: the PAN (as its digits in a {@code long}), its
 * length, and the expiry (YYMM, or the caller's "none"). A reusable holder, so sealing and
 * opening allocate no object of their own.
 */
public final class CardData
{
    public long pan;
    public int panLength;
    public int expiry;

    /** Sets all three; returns this. */
    public CardData set(final long pan, final int panLength, final int expiry)
    {
        this.pan = pan;
        this.panLength = panLength;
        this.expiry = expiry;
        return this;
    }
}
