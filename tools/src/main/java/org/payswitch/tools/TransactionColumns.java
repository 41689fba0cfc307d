package org.payswitch.tools;

import java.util.Arrays;

/**
 * What the reports keep of each transaction of a journal, in paged primitive columns indexed by
 * the transaction's number (its id minus the journal's first id): its report row (merchant and
 * currency), status, campaign, open amount, discount and the time its hold was placed. Thirty-one
 * bytes a transaction and no object per transaction: ten million transactions take about 310 MB.
 * Pages of 65 536 grow one at a time, so the columns never copy what they hold.
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

    private int[][] rows = new int[16][];
    private byte[][] statuses = new byte[16][];
    private short[][] campaigns = new short[16][];
    private long[][] openAmounts = new long[16][];
    private long[][] discounts = new long[16][];
    private long[][] placedAt = new long[16][];
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
        if (page == rows.length)
        {
            growPages();
        }
        if (rows[page] == null)
        {
            rows[page] = new int[PAGE_SIZE];
            statuses[page] = new byte[PAGE_SIZE];
            campaigns[page] = new short[PAGE_SIZE];
            openAmounts[page] = new long[PAGE_SIZE];
            discounts[page] = new long[PAGE_SIZE];
            placedAt[page] = new long[PAGE_SIZE];
        }
        final int slot = txn & SLOT;
        rows[page][slot] = row;
        statuses[page][slot] = status;
        campaigns[page][slot] = (short)campaign;
        openAmounts[page][slot] = openAmount;
        discounts[page][slot] = discount;
        placedAt[page][slot] = time;
        count++;
        return txn;
    }

    int row(final int txn)
    {
        return rows[txn >>> PAGE_BITS][txn & SLOT];
    }

    byte status(final int txn)
    {
        return statuses[txn >>> PAGE_BITS][txn & SLOT];
    }

    void setStatus(final int txn, final byte status)
    {
        statuses[txn >>> PAGE_BITS][txn & SLOT] = status;
    }

    /** The campaign of the transaction's discount, negative for none. */
    int campaign(final int txn)
    {
        return campaigns[txn >>> PAGE_BITS][txn & SLOT];
    }

    long openAmount(final int txn)
    {
        return openAmounts[txn >>> PAGE_BITS][txn & SLOT];
    }

    void setOpenAmount(final int txn, final long amount)
    {
        openAmounts[txn >>> PAGE_BITS][txn & SLOT] = amount;
    }

    long discount(final int txn)
    {
        return discounts[txn >>> PAGE_BITS][txn & SLOT];
    }

    /** The authorization's timestamp, from which its hold's expiry is measured. */
    long placedAt(final int txn)
    {
        return placedAt[txn >>> PAGE_BITS][txn & SLOT];
    }

    private void growPages()
    {
        final int pages = rows.length * 2;
        rows = Arrays.copyOf(rows, pages);
        statuses = Arrays.copyOf(statuses, pages);
        campaigns = Arrays.copyOf(campaigns, pages);
        openAmounts = Arrays.copyOf(openAmounts, pages);
        discounts = Arrays.copyOf(discounts, pages);
        placedAt = Arrays.copyOf(placedAt, pages);
    }
}
