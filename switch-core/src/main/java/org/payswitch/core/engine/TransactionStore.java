package org.payswitch.core.engine;

import java.util.Arrays;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.AsciiArena;
import org.payswitch.core.util.Hashing;

import static org.payswitch.core.engine.TransactionRecord.AMOUNT;
import static org.payswitch.core.engine.TransactionRecord.CAPTURED;
import static org.payswitch.core.engine.TransactionRecord.CARD;
import static org.payswitch.core.engine.TransactionRecord.CODES;
import static org.payswitch.core.engine.TransactionRecord.CREATED_AT;
import static org.payswitch.core.engine.TransactionRecord.DISCOUNT;
import static org.payswitch.core.engine.TransactionRecord.FINGERPRINT;
import static org.payswitch.core.engine.TransactionRecord.KEY;
import static org.payswitch.core.engine.TransactionRecord.PAN;
import static org.payswitch.core.engine.TransactionRecord.REFUNDED;

/**
 * Every transaction the switch decided, approved or declined, indexed by transaction number (0, 1,
 * 2, ... in decision order; the public id is number + 1). Found by id or by idempotency key
 * (merchant, order id).
 *
 * <p>Each transaction is one record of ten {@code long}s ({@link TransactionRecord}: PAN, amount,
 * discount, captured, refunded, created at, fingerprint; merchant and order-id reference; card,
 * currency and MCC; PAN length, flags, status, response code and campaign), so deciding and
 * answering it touch one or two cache lines, not one per column. Records sit in pages of 52 428
 * (one {@code long[]} of just under 4 MiB), allocated as the store fills, so tens of millions of
 * transactions never need one huge array copied, and, being humongous objects under G1 with 4 MiB
 * regions or smaller, the pages are allocated in the old generation and never copied by young
 * collections. Snapshots keep the column layout of pages of 65 536 they always had
 * ({@link TransactionSnapshotColumns}).
 *
 * <p>Resident cost, about 115-126 bytes per transaction: the 80-byte record, the order id in an
 * {@link AsciiArena} (its length + 1), a slot of the key index (8 bytes at 35-70 % load) and 4
 * bytes in the hold queue while open (docs/engine.md). Not thread-safe: owned by the single writer.
 */
public final class TransactionStore implements Snapshottable
{
    /** Returned when no transaction matches. */
    public static final int NOT_FOUND = -1;
    /** Flag: the authorization asked for capture at once (a sale). */
    public static final int FLAG_SALE = 1;

    /**
     * Transactions per page: a page is one {@code long[]} of {@link TransactionRecord#LONGS} longs a
     * transaction, 52 428 x 80 bytes + the array header = just under 4 MiB, so with G1's 4 MiB regions
     * (an 8 GiB heap) a page fills one humongous region, allocated straight into the old generation and
     * never copied by a young collection; with smaller regions it is a whole number of regions.
     */
    private static final int PAGE_SIZE = 52_428;
    private static final int RECORD = TransactionRecord.LONGS;
    private static final int NO_CAMPAIGN = -1;

    private final AsciiArena orderIds = new AsciiArena();
    private final TransactionKeyIndex keyIndex;
    private long[][] pages = new long[16][];
    private int count;

    /** A store whose key index is sized for {@code expectedTransactions} before it first grows. */
    public TransactionStore(final int expectedTransactions)
    {
        keyIndex = new TransactionKeyIndex(this, expectedTransactions);
    }

    /** Makes room for {@code more} transactions beyond those stored, so recovery does not grow the key index step by step. */
    public void reserve(final int more)
    {
        keyIndex.reserve((int)Math.min(1 << 29, (long)count + more));
    }

    /** Number of transactions. */
    public int count()
    {
        return count;
    }

    /** The transaction with public id {@code transactionId}, or {@link #NOT_FOUND}. */
    public int findById(final long transactionId)
    {
        return transactionId >= 1 && transactionId <= count ? (int)(transactionId - 1) : NOT_FOUND;
    }

    /** The public id of transaction number {@code txn}: stable across restarts, as numbers are assigned in journal order. */
    public static long idOf(final int txn)
    {
        return txn + 1L;
    }

    /** The transaction under the idempotency key (merchant, order id), or {@link #NOT_FOUND}. */
    public int findByKey(final int merchant, final AsciiField orderId)
    {
        return findByKey(merchant, orderId, keyHash(merchant, orderId));
    }

    /** {@link #findByKey(int, AsciiField)} with the key's {@link #keyHash} computed by the caller, who reuses it to {@link #append}. */
    public int findByKey(final int merchant, final AsciiField orderId, final int keyHash)
    {
        return keyIndex.find(merchant, orderId, keyHash);
    }

    /** True when transaction number {@code txn} was stored under the key (merchant, order id). */
    public boolean hasKey(final int txn, final int merchant, final AsciiField orderId)
    {
        return txn >= 0 && txn < count && isUnderKey(txn, merchant, orderId);
    }

    /** {@link #hasKey} of a stored transaction: its record's merchant and order id are those given. */
    boolean isUnderKey(final int txn, final int merchant, final AsciiField orderId)
    {
        final long key = word(txn, KEY);
        return TransactionRecord.merchantOf(key) == merchant &&
            orderIds.equalsAt(TransactionRecord.orderIdReferenceOf(key), orderId);
    }

    /** The key index slot a lookup of (merchant, order id) reads first (for a prefetch, see {@code HashIndex.slotOf}). */
    public int keySlot(final int merchant, final AsciiField orderId)
    {
        return keyIndex.slotOf(keyHash(merchant, orderId));
    }

    /** Prefetch of a key index slot; changes nothing. */
    public int touchKeySlot(final int slot)
    {
        return keyIndex.touch(slot);
    }

    /**
     * Records a decided authorization under its key and returns its number. The caller has
     * checked the key is new.
     */
    public int append(
        final int merchant,
        final AsciiField orderId,
        final int card,
        final long pan,
        final int panLength,
        final long amount,
        final int currency,
        final int mcc,
        final long createdAt,
        final long fingerprint,
        final int flags)
    {
        return append(keyHash(merchant, orderId), merchant, orderId, card, pan, panLength, amount, currency, mcc,
            createdAt, fingerprint, flags);
    }

    /** {@link #append(int, AsciiField, int, long, int, long, int, int, long, long, int)} with the key's {@link #keyHash}. */
    public int append(
        final int keyHash,
        final int merchant,
        final AsciiField orderId,
        final int card,
        final long pan,
        final int panLength,
        final long amount,
        final int currency,
        final int mcc,
        final long createdAt,
        final long fingerprint,
        final int flags)
    {
        final int txn = count;
        final int pageIndex = txn / PAGE_SIZE;
        if (pageIndex == pages.length)
        {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[pageIndex] == null)
        {
            pages[pageIndex] = new long[PAGE_SIZE * RECORD];
        }
        final long[] page = pages[pageIndex];
        final int at = (txn - pageIndex * PAGE_SIZE) * RECORD;
        page[at + PAN] = pan;
        page[at + AMOUNT] = amount;
        page[at + DISCOUNT] = 0;
        page[at + CAPTURED] = 0;
        page[at + REFUNDED] = 0;
        page[at + CREATED_AT] = createdAt;
        page[at + FINGERPRINT] = fingerprint;
        page[at + KEY] = TransactionRecord.key(merchant, orderIds.append(orderId));
        page[at + CARD] = TransactionRecord.cardWord(card, currency, mcc);
        page[at + CODES] = TransactionRecord.codes(panLength, flags, TransactionStatus.DECLINED.code(),
            ResponseCode.DO_NOT_HONOUR.storedCode(), NO_CAMPAIGN);
        count++;
        keyIndex.put(keyHash, txn);
        return txn;
    }

    public int merchant(final int txn)
    {
        return TransactionRecord.merchantOf(word(txn, KEY));
    }

    /** Copies the transaction's order id into {@code out}. */
    public void copyOrderId(final int txn, final AsciiField out)
    {
        orderIds.copy(TransactionRecord.orderIdReferenceOf(word(txn, KEY)), out);
    }

    /** The card's number in the {@link CardBook}, or {@link CardBook#NOT_FOUND} for an unknown PAN. */
    public int card(final int txn)
    {
        return TransactionRecord.cardOf(word(txn, CARD));
    }

    public long pan(final int txn)
    {
        return word(txn, PAN);
    }

    public int panLength(final int txn)
    {
        return TransactionRecord.panLengthOf(word(txn, CODES));
    }

    public long amount(final int txn)
    {
        return word(txn, AMOUNT);
    }

    public long discount(final int txn)
    {
        return word(txn, DISCOUNT);
    }

    /** Amount minus discount: what the card is held or charged for. */
    public long charged(final int txn)
    {
        final long[] page = pages[txn / PAGE_SIZE];
        final int at = (txn % PAGE_SIZE) * RECORD;
        return page[at + AMOUNT] - page[at + DISCOUNT];
    }

    public long captured(final int txn)
    {
        return word(txn, CAPTURED);
    }

    public long refunded(final int txn)
    {
        return word(txn, REFUNDED);
    }

    public int currency(final int txn)
    {
        return TransactionRecord.currencyOf(word(txn, CARD));
    }

    public int mcc(final int txn)
    {
        return TransactionRecord.mccOf(word(txn, CARD));
    }

    public long createdAt(final int txn)
    {
        return word(txn, CREATED_AT);
    }

    /** Hash of the authorization request's content, to tell a retry from another request under the same key. */
    public long fingerprint(final int txn)
    {
        return word(txn, FINGERPRINT);
    }

    public int flags(final int txn)
    {
        return TransactionRecord.flagsOf(word(txn, CODES));
    }

    /** The campaign whose discount applied, or -1. */
    public int campaign(final int txn)
    {
        return TransactionRecord.campaignOf(word(txn, CODES));
    }

    public TransactionStatus status(final int txn)
    {
        return TransactionRecord.statusOf(word(txn, CODES));
    }

    public ResponseCode responseCode(final int txn)
    {
        return TransactionRecord.responseOf(word(txn, CODES));
    }

    /**
     * Copies the stored fields of transaction {@code txn} into {@code view}: id, status, response
     * code, amounts, campaign number, currency, PAN, MCC and creation time, reading its record once.
     * Merchant id, order id, auth code and campaign id are the caller's ({@link TransactionViews}).
     */
    void copyTo(final int txn, final TransactionView view)
    {
        view.transactionId = idOf(txn);
        TransactionRecord.copyTo(pages[txn / PAGE_SIZE], (txn % PAGE_SIZE) * RECORD, view);
    }

    /** Records the decision of a new transaction. */
    public void decide(
        final int txn, final ResponseCode code, final TransactionStatus status, final long discount, final int campaign)
    {
        final long[] page = pages[txn / PAGE_SIZE];
        final int at = (txn % PAGE_SIZE) * RECORD + CODES;
        page[at - CODES + DISCOUNT] = discount;
        page[at] = TransactionRecord.decided(page[at], status, code, campaign);
    }

    public void setStatus(final int txn, final TransactionStatus status)
    {
        final long[] page = pages[txn / PAGE_SIZE];
        final int at = (txn % PAGE_SIZE) * RECORD + CODES;
        page[at] = TransactionRecord.withStatus(page[at], status);
    }

    public void setCaptured(final int txn, final long captured)
    {
        pages[txn / PAGE_SIZE][(txn % PAGE_SIZE) * RECORD + CAPTURED] = captured;
    }

    public void setRefunded(final int txn, final long refunded)
    {
        pages[txn / PAGE_SIZE][(txn % PAGE_SIZE) * RECORD + REFUNDED] = refunded;
    }

    /** Folds every transaction into the state hash. */
    public long hash(final long seed)
    {
        long h = Hashing.combine(seed, count);
        for (int txn = 0; txn < count; txn++)
        {
            h = TransactionRecord.fold(h, pages[txn / PAGE_SIZE], (txn % PAGE_SIZE) * RECORD, orderIds);
        }
        return h;
    }

    /** Writes the count, the order ids, then the transactions in the snapshot's column layout ({@link TransactionSnapshotColumns}). */
    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(count);
        orderIds.writeSnapshot(out);
        TransactionSnapshotColumns.write(out, pages, PAGE_SIZE, count);
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        final int transactions = in.readInt();
        orderIds.readSnapshot(in);
        final int pageCount = (transactions + PAGE_SIZE - 1) / PAGE_SIZE;
        pages = new long[Math.max(16, Integer.highestOneBit(Math.max(1, pageCount)) * 2)][];
        for (int p = 0; p < pageCount; p++)
        {
            pages[p] = new long[PAGE_SIZE * RECORD];
        }
        TransactionSnapshotColumns.read(in, pages, PAGE_SIZE, transactions);
        count = transactions;
        keyIndex.rebuild(count);
    }

    private long word(final int txn, final int field)
    {
        return pages[txn / PAGE_SIZE][(txn % PAGE_SIZE) * RECORD + field];
    }

    /** The hash under which the key (merchant, order id) is indexed. */
    public static int keyHash(final int merchant, final AsciiField orderId)
    {
        return TransactionKeyIndex.keyHash(merchant, orderId);
    }
}
