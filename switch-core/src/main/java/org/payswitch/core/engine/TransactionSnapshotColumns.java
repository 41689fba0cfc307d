package org.payswitch.core.engine;

import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;

import static org.payswitch.core.engine.TransactionRecord.AMOUNT;
import static org.payswitch.core.engine.TransactionRecord.CAPTURED;
import static org.payswitch.core.engine.TransactionRecord.CARD;
import static org.payswitch.core.engine.TransactionRecord.CODES;
import static org.payswitch.core.engine.TransactionRecord.CREATED_AT;
import static org.payswitch.core.engine.TransactionRecord.DISCOUNT;
import static org.payswitch.core.engine.TransactionRecord.FINGERPRINT;
import static org.payswitch.core.engine.TransactionRecord.KEY;
import static org.payswitch.core.engine.TransactionRecord.LONGS;
import static org.payswitch.core.engine.TransactionRecord.PAN;
import static org.payswitch.core.engine.TransactionRecord.REFUNDED;

/**
 * The transactions' form in a snapshot: pages of 65 536 transactions, each page as 17 columns in
 * turn (merchant, order-id reference, card, PAN, PAN length, amount, discount, captured, refunded,
 * currency, MCC, created at, fingerprint, flags, campaign, status code, response code), the layout
 * of the column store the records replaced, kept so that the snapshot format did not change. Each
 * snapshot page's columns are gathered from the store's records in one pass, and scattered back
 * on restore. A restore refuses a status or response code no constant has (a snapshot of a build
 * with other codes, docs/journal.md "Format codes").
 */
final class TransactionSnapshotColumns
{
    /** Transactions per page in the snapshot's column layout. */
    static final int PAGE = 1 << 16;

    private final int[] merchant = new int[PAGE];
    private final int[] orderId = new int[PAGE];
    private final int[] card = new int[PAGE];
    private final long[] pan = new long[PAGE];
    private final byte[] panLength = new byte[PAGE];
    private final long[] amount = new long[PAGE];
    private final long[] discount = new long[PAGE];
    private final long[] captured = new long[PAGE];
    private final long[] refunded = new long[PAGE];
    private final short[] currency = new short[PAGE];
    private final short[] mcc = new short[PAGE];
    private final long[] createdAt = new long[PAGE];
    private final long[] fingerprint = new long[PAGE];
    private final byte[] flags = new byte[PAGE];
    private final short[] campaign = new short[PAGE];
    private final byte[] status = new byte[PAGE];
    private final byte[] responseCode = new byte[PAGE];

    /** Writes the first {@code count} records of {@code pages} ({@code pageSize} records a page). */
    static void write(final SnapshotOutput out, final long[][] pages, final int pageSize, final int count)
    {
        final TransactionSnapshotColumns columns = new TransactionSnapshotColumns();
        for (int first = 0; first < count; first += PAGE)
        {
            final int n = Math.min(PAGE, count - first);
            for (int i = 0; i < n; i++)
            {
                final int txn = first + i;
                columns.gather(i, pages[txn / pageSize], (txn % pageSize) * LONGS);
            }
            columns.write(out, n);
        }
    }

    /** Reads {@code count} records into {@code pages}, allocated by the caller ({@code pageSize} records a page). */
    static void read(final SnapshotInput in, final long[][] pages, final int pageSize, final int count)
    {
        final TransactionSnapshotColumns columns = new TransactionSnapshotColumns();
        for (int first = 0; first < count; first += PAGE)
        {
            final int n = Math.min(PAGE, count - first);
            columns.read(in, n);
            for (int i = 0; i < n; i++)
            {
                final int txn = first + i;
                columns.check(i, txn);
                columns.scatter(i, pages[txn / pageSize], (txn % pageSize) * LONGS);
            }
        }
    }

    private void gather(final int i, final long[] page, final int at)
    {
        final long key = page[at + KEY];
        final long cardWord = page[at + CARD];
        final long codes = page[at + CODES];
        merchant[i] = TransactionRecord.merchantOf(key);
        orderId[i] = TransactionRecord.orderIdReferenceOf(key);
        card[i] = TransactionRecord.cardOf(cardWord);
        pan[i] = page[at + PAN];
        panLength[i] = TransactionRecord.panLengthOf(codes);
        amount[i] = page[at + AMOUNT];
        discount[i] = page[at + DISCOUNT];
        captured[i] = page[at + CAPTURED];
        refunded[i] = page[at + REFUNDED];
        currency[i] = TransactionRecord.currencyOf(cardWord);
        mcc[i] = TransactionRecord.mccOf(cardWord);
        createdAt[i] = page[at + CREATED_AT];
        fingerprint[i] = page[at + FINGERPRINT];
        flags[i] = TransactionRecord.flagsOf(codes);
        campaign[i] = TransactionRecord.campaignOf(codes);
        status[i] = TransactionRecord.statusCodeOf(codes);
        responseCode[i] = TransactionRecord.responseCodeOf(codes);
    }

    private void check(final int i, final int txn)
    {
        if (TransactionStatus.fromCode(status[i]) == null || ResponseCode.fromStoredCode(responseCode[i]) == null)
        {
            throw new IllegalStateException("snapshot holds transaction " + TransactionStore.idOf(txn) +
                " with status code " + (status[i] & 0xFF) + " and response code " + (responseCode[i] & 0xFF) +
                ": a code no constant of this switch has");
        }
    }

    private void scatter(final int i, final long[] page, final int at)
    {
        page[at + PAN] = pan[i];
        page[at + AMOUNT] = amount[i];
        page[at + DISCOUNT] = discount[i];
        page[at + CAPTURED] = captured[i];
        page[at + REFUNDED] = refunded[i];
        page[at + CREATED_AT] = createdAt[i];
        page[at + FINGERPRINT] = fingerprint[i];
        page[at + KEY] = TransactionRecord.key(merchant[i], orderId[i]);
        page[at + CARD] = TransactionRecord.cardWord(card[i], currency[i], mcc[i]);
        page[at + CODES] = TransactionRecord.codes(panLength[i], flags[i], status[i], responseCode[i], campaign[i]);
    }

    private void write(final SnapshotOutput out, final int n)
    {
        out.writeInts(merchant, n);
        out.writeInts(orderId, n);
        out.writeInts(card, n);
        out.writeLongs(pan, n);
        out.writeBytes(panLength, 0, n);
        out.writeLongs(amount, n);
        out.writeLongs(discount, n);
        out.writeLongs(captured, n);
        out.writeLongs(refunded, n);
        out.writeShorts(currency, n);
        out.writeShorts(mcc, n);
        out.writeLongs(createdAt, n);
        out.writeLongs(fingerprint, n);
        out.writeBytes(flags, 0, n);
        out.writeShorts(campaign, n);
        out.writeBytes(status, 0, n);
        out.writeBytes(responseCode, 0, n);
    }

    private void read(final SnapshotInput in, final int n)
    {
        in.readInts(merchant, n);
        in.readInts(orderId, n);
        in.readInts(card, n);
        in.readLongs(pan, n);
        in.readBytes(panLength, 0, n);
        in.readLongs(amount, n);
        in.readLongs(discount, n);
        in.readLongs(captured, n);
        in.readLongs(refunded, n);
        in.readShorts(currency, n);
        in.readShorts(mcc, n);
        in.readLongs(createdAt, n);
        in.readLongs(fingerprint, n);
        in.readBytes(flags, 0, n);
        in.readShorts(campaign, n);
        in.readBytes(status, 0, n);
        in.readBytes(responseCode, 0, n);
    }
}
