package org.payswitch.core.discount;

/**
 * The best discount found for one authorization, before it is approved: reused by the
 * single writer for every authorization, so quoting allocates nothing.
 */
public final class DiscountQuote
{
    /** {@link #campaign} when no campaign applies. */
    public static final int NONE = -1;

    /** The campaign's number in the discount engine, or {@link #NONE}. */
    public int campaign = NONE;
    /** Minor units off the amount; 0 when none. */
    public long discount;
    /** The local day and month the redemption counts in. */
    public int epochDay;
    public int monthIndex;

    /** Sets the quote to "no discount". */
    public void clear()
    {
        campaign = NONE;
        discount = 0;
    }
}
