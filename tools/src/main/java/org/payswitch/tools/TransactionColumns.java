package org.payswitch.tools;

import java.util.Arrays;

/**
 * What the reports keep of each transaction of a journal, indexed by the transaction's number
 * (its id minus the journal's first id): its report row (merchant and currency), status, campaign,
 * open amount, discount and the time its hold was placed. Four longs a transaction, side by side in
 * pages of 65 536 transactions (2 MiB), so appending or updating one touches one cache line and one
 * array, and there is no object per transaction: ten million transactions take 320 MB. Pages are
 * added one at a time, so nothing already held is ever copied.
 *
 * <p>The open amount is the one figure that moves: the charged amount (amount minus discount)
 * while the hold is open, the captured amount once captured, less every refund after that, so a
 * full refund is an open amount of zero.
 */
final class TransactionColumns
{
    static final byte AUTHORIZED = 0;
    static final byte CAPTURED = 1;
    static final byte REFUNDED = 2;
    static final byte REVERSED = 3;
    static final byte EXPIRED = 4;
    static final byte DECLINED = 5;

    private static final int PAGE_BITS = 16;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int SLOT = PAGE_SIZE - 1;
    /** Longs per transaction: row, status and campaign packed; open amount; discount; placed at. */
    private static final int STRIDE = 4;
    private static final int OPEN = 1;
    private static final int DISCOUNT = 2;
    private static final int PLACED_AT = 3;

    private long[][] pages = new long[16][];
    private int count;

    /** Number of transactions appended. */
    int count()
    {
        return count;
    }

    /** Appends the next transaction; returns its number. */
    int append(
        final int row, final byte status, final int campaign, final long openAmount, final long discount,
        final long time)
    {
        final int txn = count;
        final int page = txn >>> PAGE_BITS;
        if (page == pages.length)
        {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[page] == null)
        {
            pages[page] = new long[PAGE_SIZE * STRIDE];
        }
        final long[] columns = pages[page];
        final int at = (txn & SLOT) * STRIDE;
        columns[at] = pack(row, status, campaign);
        columns[at + OPEN] = openAmount;
        columns[at + DISCOUNT] = discount;
        columns[at + PLACED_AT] = time;
        count++;
        return txn;
    }

    int row(final int txn)
    {
        return (int)(head(txn) >>> 32);
    }

    byte status(final int txn)
    {
        return (byte)(head(txn) >>> 16);
    }

    void setStatus(final int txn, final byte status)
    {
        final long head = head(txn);
        pages[txn >>> PAGE_BITS][(txn & SLOT) * STRIDE] = pack((int)(head >>> 32), status, (short)head);
    }

    /** The campaign of the transaction's discount, negative for none. */
    int campaign(final int txn)
    {
        return (short)head(txn);
    }

    long openAmount(final int txn)
    {
        return pages[txn >>> PAGE_BITS][(txn & SLOT) * STRIDE + OPEN];
    }

    void setOpenAmount(final int txn, final long amount)
    {
        pages[txn >>> PAGE_BITS][(txn & SLOT) * STRIDE + OPEN] = amount;
    }

    long discount(final int txn)
    {
        return pages[txn >>> PAGE_BITS][(txn & SLOT) * STRIDE + DISCOUNT];
    }

    /** The authorization's timestamp, from which its hold's expiry is measured. */
    long placedAt(final int txn)
    {
        return pages[txn >>> PAGE_BITS][(txn & SLOT) * STRIDE + PLACED_AT];
    }

    private long head(final int txn)
    {
        return pages[txn >>> PAGE_BITS][(txn & SLOT) * STRIDE];
    }

    private static long pack(final int row, final byte status, final int campaign)
    {
        return (long)row << 32 | (status & 0xFFL) << 16 | (campaign & 0xFFFFL);
    }
}
