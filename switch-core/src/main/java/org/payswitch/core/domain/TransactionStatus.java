package org.payswitch.core.domain;

/** The states of a transaction's life (docs/api.md section 2). */
public enum TransactionStatus
{
    /** Credit held for the charged amount, waiting for capture, reversal or expiry. */
    AUTHORIZED,
    /** Captured in full or in part; refunds may follow. */
    CAPTURED,
    /** Captured, then refunded in full. */
    REFUNDED,
    /** Hold released by a reversal. */
    REVERSED,
    /** Hold released because it was not captured within the hold expiry. */
    EXPIRED,
    /** Refused; final. */
    DECLINED;

    private static final TransactionStatus[] VALUES = values();

    /** The status with the given ordinal, as stored in compact tables. */
    public static TransactionStatus fromOrdinal(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
