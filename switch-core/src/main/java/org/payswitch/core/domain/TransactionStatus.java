package org.payswitch.core.domain;

/**
 * The states of a transaction's life (docs/api.md section 2). Each state has a fixed
 * {@link #code()}, the byte the transaction store's records (hence snapshots) hold
 * (docs/journal.md, "Format codes"): never the ordinal, so the constants may be reordered; a new
 * state takes a new code.
 */
public enum TransactionStatus
{
    /** Credit held for the charged amount, waiting for capture, reversal or expiry. */
    AUTHORIZED(0),
    /** Captured in full or in part; refunds may follow. */
    CAPTURED(1),
    /** Captured, then refunded in full. */
    REFUNDED(2),
    /** Hold released by a reversal. */
    REVERSED(3),
    /** Hold released because it was not captured within the hold expiry. */
    EXPIRED(4),
    /** Refused; final. */
    DECLINED(5);

    private static final TransactionStatus[] BY_CODE = byCode();

    private final byte code;

    TransactionStatus(final int code)
    {
        this.code = (byte)code;
    }

    /** The state's code where it is stored: fixed, whatever the constants' order. */
    public byte code()
    {
        return code;
    }

    /**
     * The state whose {@link #code()} is the low 8 bits of {@code code} (a byte as read, signed or
     * not), or null when no state has that code: data of another build, or damaged.
     */
    public static TransactionStatus fromCode(final int code)
    {
        return BY_CODE[code & 0xFF];
    }

    private static TransactionStatus[] byCode()
    {
        final TransactionStatus[] table = new TransactionStatus[256];
        for (final TransactionStatus status : values())
        {
            if (table[status.code & 0xFF] != null)
            {
                throw new IllegalStateException(status + " has the code of " + table[status.code & 0xFF]);
            }
            table[status.code & 0xFF] = status;
        }
        return table;
    }
}
