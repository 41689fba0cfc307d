package org.payswitch.core.discount;

/** What a reversal, an expiry or a full refund does to a campaign's quota (docs/api.md). */
public enum OnReversal
{
    /** Give back both the cardholder's use and the budget. */
    RESTORE,
    /** Keep the use counted and the money spent (as many UnionPay campaigns do). */
    CONSUME
}
