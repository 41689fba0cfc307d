package org.payswitch.tools;

/**
 * What happened to money, as {@link TransactionFold} works it out of a journal, in journal order:
 * each event once, never a retry or a repeated request. {@code txn} is the transaction's number in the fold
 * (its id minus the journal's first transaction id), so a report can follow one transaction's life;
 * {@code row} its merchant and currency ({@link MerchantRows}). A report folds the events it needs. Times
 * are epoch milliseconds: the record's own timestamp, except an expiry, which happens at the
 * timestamp of the record whose event time passed the hold's deadline (docs in tools/README.md).
 */
interface LedgerEvents
{
    /**
     * A new approved authorization (or sale, {@code sale} true: captured at once in full) of
     * {@code amount}, of which {@code discount} from {@code campaign} (negative: none).
     */
    void authorized(int txn, int row, long time, long amount, long discount, int campaign, boolean sale);

    /**
     * True when the events of the transaction the record being folded creates need its row
     * (merchant and currency). A report that follows only some transactions says false for the
     * others, and the fold then spares itself the merchant's look-up (a hash of its id, the fold's
     * largest cost per authorization): their events come with row {@link TransactionFold#NO_ROW}.
     */
    default boolean needsRow()
    {
        return true;
    }

    /** The first approved capture of a hold, of {@code amount} (at most the charged amount). */
    void captured(int txn, int row, long time, long amount);

    /** A new approved refund (a refund id not seen before for the transaction). */
    void refunded(int txn, int row, long time, long amount);

    /** An open hold reversed: {@code charged} is the hold released. */
    void reversed(int txn, int row, long time, long charged);

    /** An open hold expired: {@code charged} is the hold released. */
    void expired(int txn, int row, long time, long charged);

    /**
     * A RESTORE campaign's discount given back: the transaction was reversed, expired or fully
     * refunded. Under CONSUME nothing is given back and this is not called.
     */
    void discountRestored(int campaign, long time, long discount);
}
