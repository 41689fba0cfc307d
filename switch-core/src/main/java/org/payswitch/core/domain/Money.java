package org.payswitch.core.domain;

/** Bounds on amounts; money is always a {@code long} of minor units. */
public final class Money
{
    /** The largest amount a transaction may carry: 999 999 999 999 minor units (12 digits, as ISO DE 4). */
    public static final long MAX_AMOUNT = 999_999_999_999L;

    /** A limit that is not set. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private Money()
    {
    }

    /** True when the amount is a valid transaction amount: positive and at most {@link #MAX_AMOUNT}. */
    public static boolean isValidAmount(final long amount)
    {
        return amount > 0 && amount <= MAX_AMOUNT;
    }
}
