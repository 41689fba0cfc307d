package org.payswitch.core.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.agrona.collections.Long2LongHashMap;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.TransactionStatus;

/**
 * Running totals of every transaction's life, per merchant and currency, since the journal began:
 * approved authorizations (amount asked, discount granted, amount charged to the card), captures,
 * refunds, reversals and hold expiries, each counted and summed in minor units. They are what the
 * operator's transaction report answers (docs/api.md, {@code GET /v1/reports/transactions}) and
 * what {@code reconcile} checks against the journal.
 *
 * <p>Derived state, like the hold queue: updated by the single writer as each event happens (a
 * look-up of the row and a few additions on the approval path), never written to a snapshot, and
 * rebuilt from the transactions and refunds after a snapshot is read ({@link #rebuild}), which
 * gives the same figures because each of them is a function of the stored transactions: a capture
 * happens once per transaction, a sale is captured when approved, every refund is in the ledger.
 * Not thread-safe: owned by the single writer.
 */
final class TransactionTotals
{
    private static final int AUTHORIZATIONS = 0;
    private static final int AUTHORIZED = 1;
    private static final int DISCOUNT = 2;
    private static final int CHARGED = 3;
    private static final int CAPTURES = 4;
    private static final int CAPTURED = 5;
    private static final int REFUNDS = 6;
    private static final int REFUNDED = 7;
    private static final int REVERSALS = 8;
    private static final int REVERSED = 9;
    private static final int EXPIRIES = 10;
    private static final int EXPIRED = 11;
    private static final int FIGURES = 12;
    /** Rows the figures hold before they first grow: a handful of merchants, one currency each. */
    private static final int INITIAL_ROWS = 64;
    /** Currencies are ISO 4217 numeric codes, 1..999: ten bits of a row's key. */
    private static final int CURRENCY_BITS = 10;
    private static final long NO_ROW = -1;

    private final TransactionStore transactions;
    private final Long2LongHashMap rowsByKey = new Long2LongHashMap(NO_ROW);
    /** Per merchant number, the row of the currency it last used (-1: none yet): most merchants have one. */
    private int[] lastRowOfMerchant = new int[0];
    private int[] rowMerchant = new int[INITIAL_ROWS];
    private int[] rowCurrency = new int[INITIAL_ROWS];
    private long[] figures = new long[INITIAL_ROWS * FIGURES];
    private int rows;

    TransactionTotals(final TransactionStore transactions)
    {
        this.transactions = transactions;
    }

    /**
     * An authorization of {@code amount} at {@code merchant} in {@code currency} was approved with
     * {@code discount}; a sale ({@code sale}) is also captured for its charged amount. Kept small
     * (the new-row path is a call of its own) because it runs inside the authorization's compiled
     * code.
     */
    void approved(final int merchant, final int currency, final long amount, final long discount, final boolean sale)
    {
        final int at = rowOf(merchant, currency);
        final long[] sums = figures;
        final long charged = amount - discount;
        sums[at + AUTHORIZATIONS]++;
        sums[at + AUTHORIZED] += amount;
        sums[at + DISCOUNT] += discount;
        sums[at + CHARGED] += charged;
        if (sale)
        {
            sums[at + CAPTURES]++;
            sums[at + CAPTURED] += charged;
        }
    }

    /** The hold of {@code txn} was captured for {@code amount}. */
    void captured(final int txn, final long amount)
    {
        add(rowOf(txn), CAPTURES, amount);
    }

    /** {@code amount} of {@code txn} was refunded (one refund). */
    void refunded(final int txn, final long amount)
    {
        add(rowOf(txn), REFUNDS, amount);
    }

    /** The hold of {@code txn} was reversed: its charged amount released. */
    void reversed(final int txn)
    {
        add(rowOf(txn), REVERSALS, transactions.charged(txn));
    }

    /** The hold of {@code txn} expired: its charged amount released. */
    void expired(final int txn)
    {
        add(rowOf(txn), EXPIRIES, transactions.charged(txn));
    }

    /**
     * Forgets every figure and works them out again from the stored transactions and the refund
     * ledger: after a snapshot is read, when no event has been seen.
     */
    void rebuild(final RefundLedger refunds)
    {
        rowsByKey.clear();
        Arrays.fill(lastRowOfMerchant, -1);
        Arrays.fill(figures, 0, rows * FIGURES, 0);
        rows = 0;
        for (int txn = 0; txn < transactions.count(); txn++)
        {
            if (!transactions.responseCode(txn).isApproved())
            {
                continue;
            }
            final int at = rowOf(txn);
            final long charged = transactions.charged(txn);
            figures[at + AUTHORIZATIONS]++;
            figures[at + AUTHORIZED] += transactions.amount(txn);
            figures[at + DISCOUNT] += transactions.discount(txn);
            figures[at + CHARGED] += charged;
            if (transactions.captured(txn) > 0)
            {
                add(at, CAPTURES, transactions.captured(txn));
            }
            figures[at + REFUNDED] += transactions.refunded(txn);
            final TransactionStatus status = transactions.status(txn);
            if (status == TransactionStatus.REVERSED)
            {
                add(at, REVERSALS, charged);
            }
            else if (status == TransactionStatus.EXPIRED)
            {
                add(at, EXPIRIES, charged);
            }
        }
        for (int refund = 0; refund < refunds.count(); refund++)
        {
            figures[rowOf(refunds.transaction(refund)) + REFUNDS]++;
        }
    }

    /** Every row's figures, by merchant id then currency; the merchants' ids come from {@code merchants}. */
    List<MerchantTransactionTotals> report(final MerchantBook merchants)
    {
        final List<MerchantTransactionTotals> report = new ArrayList<>(rows);
        final AsciiField merchantId = new AsciiField(MerchantBook.MAX_ID_LENGTH);
        for (int row = 0; row < rows; row++)
        {
            merchants.copyId(rowMerchant[row], merchantId);
            final int at = row * FIGURES;
            report.add(new MerchantTransactionTotals(merchantId.toString(), rowCurrency[row],
                figures[at + AUTHORIZATIONS], figures[at + AUTHORIZED], figures[at + DISCOUNT], figures[at + CHARGED],
                figures[at + CAPTURES], figures[at + CAPTURED], figures[at + REFUNDS], figures[at + REFUNDED],
                figures[at + REVERSALS], figures[at + REVERSED], figures[at + EXPIRIES], figures[at + EXPIRED]));
        }
        report.sort(Comparator.comparing(MerchantTransactionTotals::merchantId)
            .thenComparingInt(MerchantTransactionTotals::currency));
        return report;
    }

    /** Counts one event of the row at {@code at} and adds its amount: {@code countFigure} and the amount after it. */
    private void add(final int at, final int countFigure, final long amount)
    {
        figures[at + countFigure]++;
        figures[at + countFigure + 1] += amount;
    }

    /** The offset of the figures of the row of {@code txn}'s merchant and currency. */
    private int rowOf(final int txn)
    {
        return rowOf(transactions.merchant(txn), transactions.currency(txn));
    }

    /** The offset of the figures of the row of this merchant and currency: its last row when of that currency. */
    private int rowOf(final int merchant, final int currency)
    {
        if (merchant < lastRowOfMerchant.length)
        {
            final int last = lastRowOfMerchant[merchant];
            if (last >= 0 && rowCurrency[last] == currency)
            {
                return last * FIGURES;
            }
        }
        return otherRowOf(merchant, currency);
    }

    /** The row of a merchant's other currency, or of a merchant not seen yet: found by its key, added when new. */
    private int otherRowOf(final int merchant, final int currency)
    {
        if (merchant >= lastRowOfMerchant.length)
        {
            final int known = lastRowOfMerchant.length;
            lastRowOfMerchant = Arrays.copyOf(lastRowOfMerchant, Math.max(merchant + 1, known * 2));
            Arrays.fill(lastRowOfMerchant, known, lastRowOfMerchant.length, -1);
        }
        final long key = (long)merchant << CURRENCY_BITS | currency;
        final long found = rowsByKey.get(key);
        final int row = found != NO_ROW ? (int)found : addRow(key, merchant, currency);
        lastRowOfMerchant[merchant] = row;
        return row * FIGURES;
    }

    private int addRow(final long key, final int merchant, final int currency)
    {
        if (rows == rowMerchant.length)
        {
            rowMerchant = Arrays.copyOf(rowMerchant, rows * 2);
            rowCurrency = Arrays.copyOf(rowCurrency, rows * 2);
            figures = Arrays.copyOf(figures, rows * 2 * FIGURES);
        }
        rowMerchant[rows] = merchant;
        rowCurrency[rows] = currency;
        rowsByKey.put(key, rows);
        return rows++;
    }
}
