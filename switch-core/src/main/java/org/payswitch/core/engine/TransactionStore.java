package org.payswitch.core.engine;

import java.util.Arrays;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.snapshot.SnapshotInput;
import org.payswitch.core.snapshot.SnapshotOutput;
import org.payswitch.core.snapshot.Snapshottable;
import org.payswitch.core.util.AsciiArena;
import org.payswitch.core.util.HashIndex;
import org.payswitch.core.util.Hashing;

/**
 * Every transaction the switch decided, approved or declined, as columns of primitives in pages
 * of 65 536, indexed by transaction number (0, 1, 2, ... in decision order; the public id is
 * number + 1). Pages are allocated as the store fills, so tens of millions of transactions
 * never need one huge array copied. Found by id or by idempotency key (merchant, order id).
 *
 * <p>Resident cost, about 115-126 bytes per transaction: 78 bytes of columns (7 longs, 3 ints,
 * 3 shorts, 4 bytes), the order id in an {@link AsciiArena} (its length + 1), a slot of the key
 * index (8 bytes at 35-70 % load) and 4 bytes in the hold queue while open (docs/engine.md).
 * Not thread-safe: owned by the single writer.
 */
public final class TransactionStore implements Snapshottable
{
    /** Returned when no transaction matches. */
    public static final int NOT_FOUND = -1;
    /** Flag: the authorization asked for capture at once (a sale). */
    public static final int FLAG_SALE = 1;

    private static final int PAGE_BITS = 16;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final int NO_CAMPAIGN = -1;

    /** Transactions whose key-index slots are touched together when the index is rebuilt. */
    private static final int REBUILD_BATCH = 32;

    private final AsciiArena orderIds = new AsciiArena();
    private HashIndex keyIndex;
    private final KeyMatcher keyMatcher = new KeyMatcher();
    private Page[] pages = new Page[16];
    /** Sum of the values the rebuild's prefetch loads, stored so the JIT cannot drop those loads. */
    private long rebuildSink;
    private int count;

    /** A store whose key index is sized for {@code expectedTransactions} before it first grows. */
    public TransactionStore(final int expectedTransactions)
    {
        keyIndex = new HashIndex(expectedTransactions);
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
        keyMatcher.merchant = merchant;
        keyMatcher.orderId = orderId;
        return keyIndex.get(keyHash(merchant, orderId), keyMatcher);
    }

    /** True when transaction number {@code txn} was stored under the key (merchant, order id). */
    public boolean hasKey(final int txn, final int merchant, final AsciiField orderId)
    {
        if (txn < 0 || txn >= count)
        {
            return false;
        }
        keyMatcher.merchant = merchant;
        keyMatcher.orderId = orderId;
        return keyMatcher.matches(txn);
    }

    /** The key index slot a lookup of (merchant, order id) reads first (for a prefetch, see {@link HashIndex#slotOf}). */
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
        final int txn = count;
        final int pageIndex = txn >>> PAGE_BITS;
        if (pageIndex == pages.length)
        {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        if (pages[pageIndex] == null)
        {
            pages[pageIndex] = new Page();
        }
        final Page page = pages[pageIndex];
        final int i = txn & PAGE_MASK;
        page.merchant[i] = merchant;
        page.orderId[i] = orderIds.append(orderId);
        page.card[i] = card;
        page.pan[i] = pan;
        page.panLength[i] = (byte)panLength;
        page.amount[i] = amount;
        page.discount[i] = 0;
        page.captured[i] = 0;
        page.refunded[i] = 0;
        page.currency[i] = (short)currency;
        page.mcc[i] = (short)mcc;
        page.createdAt[i] = createdAt;
        page.fingerprint[i] = fingerprint;
        page.flags[i] = (byte)flags;
        page.campaign[i] = NO_CAMPAIGN;
        page.status[i] = (byte)TransactionStatus.DECLINED.ordinal();
        page.responseCode[i] = (byte)ResponseCode.DO_NOT_HONOUR.ordinal();
        count++;
        keyIndex.put(keyHash(merchant, orderId), txn);
        return txn;
    }

    public int merchant(final int txn)
    {
        return page(txn).merchant[txn & PAGE_MASK];
    }

    /** Copies the transaction's order id into {@code out}. */
    public void copyOrderId(final int txn, final AsciiField out)
    {
        orderIds.copy(page(txn).orderId[txn & PAGE_MASK], out);
    }

    /** The card's number in the {@link CardBook}, or {@link CardBook#NOT_FOUND} for an unknown PAN. */
    public int card(final int txn)
    {
        return page(txn).card[txn & PAGE_MASK];
    }

    public long pan(final int txn)
    {
        return page(txn).pan[txn & PAGE_MASK];
    }

    public int panLength(final int txn)
    {
        return page(txn).panLength[txn & PAGE_MASK];
    }

    public long amount(final int txn)
    {
        return page(txn).amount[txn & PAGE_MASK];
    }

    public long discount(final int txn)
    {
        return page(txn).discount[txn & PAGE_MASK];
    }

    /** Amount minus discount: what the card is held or charged for. */
    public long charged(final int txn)
    {
        final Page page = page(txn);
        final int i = txn & PAGE_MASK;
        return page.amount[i] - page.discount[i];
    }

    public long captured(final int txn)
    {
        return page(txn).captured[txn & PAGE_MASK];
    }

    public long refunded(final int txn)
    {
        return page(txn).refunded[txn & PAGE_MASK];
    }

    public int currency(final int txn)
    {
        return page(txn).currency[txn & PAGE_MASK];
    }

    public int mcc(final int txn)
    {
        return page(txn).mcc[txn & PAGE_MASK];
    }

    public long createdAt(final int txn)
    {
        return page(txn).createdAt[txn & PAGE_MASK];
    }

    /** Hash of the authorization request's content, to tell a retry from another request under the same key. */
    public long fingerprint(final int txn)
    {
        return page(txn).fingerprint[txn & PAGE_MASK];
    }

    public int flags(final int txn)
    {
        return page(txn).flags[txn & PAGE_MASK];
    }

    /** The campaign whose discount applied, or -1. */
    public int campaign(final int txn)
    {
        return page(txn).campaign[txn & PAGE_MASK];
    }

    public TransactionStatus status(final int txn)
    {
        return TransactionStatus.fromOrdinal(page(txn).status[txn & PAGE_MASK]);
    }

    public ResponseCode responseCode(final int txn)
    {
        return ResponseCode.fromOrdinal(page(txn).responseCode[txn & PAGE_MASK]);
    }

    /** Records the decision of a new transaction. */
    public void decide(
        final int txn, final ResponseCode code, final TransactionStatus status, final long discount, final int campaign)
    {
        final Page page = page(txn);
        final int i = txn & PAGE_MASK;
        page.responseCode[i] = (byte)code.ordinal();
        page.status[i] = (byte)status.ordinal();
        page.discount[i] = discount;
        page.campaign[i] = (short)campaign;
    }

    public void setStatus(final int txn, final TransactionStatus status)
    {
        page(txn).status[txn & PAGE_MASK] = (byte)status.ordinal();
    }

    public void setCaptured(final int txn, final long captured)
    {
        page(txn).captured[txn & PAGE_MASK] = captured;
    }

    public void setRefunded(final int txn, final long refunded)
    {
        page(txn).refunded[txn & PAGE_MASK] = refunded;
    }

    /** Folds every transaction into the state hash. */
    public long hash(final long seed)
    {
        long h = Hashing.combine(seed, count);
        for (int txn = 0; txn < count; txn++)
        {
            final Page page = page(txn);
            final int i = txn & PAGE_MASK;
            h = Hashing.combine(h, page.merchant[i]);
            h = orderIds.hashAt(h, page.orderId[i]);
            h = Hashing.combine(h, page.card[i]);
            h = Hashing.combine(h, page.pan[i]);
            h = Hashing.combine(h, page.amount[i]);
            h = Hashing.combine(h, page.discount[i]);
            h = Hashing.combine(h, page.captured[i]);
            h = Hashing.combine(h, page.refunded[i]);
            h = Hashing.combine(h, page.createdAt[i]);
            h = Hashing.combine(h, page.fingerprint[i]);
            h = Hashing.combine(h, page.panLength[i] | (long)page.currency[i] << 8 | (long)page.mcc[i] << 24 |
                (long)page.flags[i] << 40 | (long)page.status[i] << 48 | (long)page.responseCode[i] << 56);
            h = Hashing.combine(h, page.campaign[i]);
        }
        return h;
    }

    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(count);
        orderIds.writeSnapshot(out);
        for (int first = 0; first < count; first += PAGE_SIZE)
        {
            final Page page = pages[first >>> PAGE_BITS];
            final int n = Math.min(PAGE_SIZE, count - first);
            out.writeInts(page.merchant, n);
            out.writeInts(page.orderId, n);
            out.writeInts(page.card, n);
            out.writeLongs(page.pan, n);
            out.writeBytes(page.panLength, 0, n);
            out.writeLongs(page.amount, n);
            out.writeLongs(page.discount, n);
            out.writeLongs(page.captured, n);
            out.writeLongs(page.refunded, n);
            out.writeShorts(page.currency, n);
            out.writeShorts(page.mcc, n);
            out.writeLongs(page.createdAt, n);
            out.writeLongs(page.fingerprint, n);
            out.writeBytes(page.flags, 0, n);
            out.writeShorts(page.campaign, n);
            out.writeBytes(page.status, 0, n);
            out.writeBytes(page.responseCode, 0, n);
        }
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        final int transactions = in.readInt();
        orderIds.readSnapshot(in);
        final int pageCount = (transactions + PAGE_SIZE - 1) >>> PAGE_BITS;
        pages = new Page[Math.max(16, Integer.highestOneBit(Math.max(1, pageCount)) * 2)];
        for (int first = 0; first < transactions; first += PAGE_SIZE)
        {
            final Page page = new Page();
            pages[first >>> PAGE_BITS] = page;
            final int n = Math.min(PAGE_SIZE, transactions - first);
            in.readInts(page.merchant, n);
            in.readInts(page.orderId, n);
            in.readInts(page.card, n);
            in.readLongs(page.pan, n);
            in.readBytes(page.panLength, 0, n);
            in.readLongs(page.amount, n);
            in.readLongs(page.discount, n);
            in.readLongs(page.captured, n);
            in.readLongs(page.refunded, n);
            in.readShorts(page.currency, n);
            in.readShorts(page.mcc, n);
            in.readLongs(page.createdAt, n);
            in.readLongs(page.fingerprint, n);
            in.readBytes(page.flags, 0, n);
            in.readShorts(page.campaign, n);
            in.readBytes(page.status, 0, n);
            in.readBytes(page.responseCode, 0, n);
        }
        count = transactions;
        rebuildKeyIndex();
    }

    /**
     * Rebuilds the key index after a restore (it is derived, so not in the snapshot), in batches:
     * the hashes of a batch first, then a tight loop touching their slots, then the inserts, so
     * the cache misses of a batch overlap (as recovery's replay does; docs/journal.md).
     */
    private void rebuildKeyIndex()
    {
        keyIndex = new HashIndex(Math.max(1024, count));
        final AsciiField orderId = new AsciiField(SwitchCommand.MAX_ORDER_ID_LENGTH);
        final int[] hashes = new int[REBUILD_BATCH];
        long sink = 0;
        for (int first = 0; first < count; first += REBUILD_BATCH)
        {
            final int n = Math.min(REBUILD_BATCH, count - first);
            for (int i = 0; i < n; i++)
            {
                copyOrderId(first + i, orderId);
                hashes[i] = keyHash(merchant(first + i), orderId);
            }
            for (int i = 0; i < n; i++)
            {
                sink += keyIndex.touch(keyIndex.slotOf(hashes[i]));
            }
            for (int i = 0; i < n; i++)
            {
                keyIndex.put(hashes[i], first + i);
            }
        }
        rebuildSink = sink;
    }

    private Page page(final int txn)
    {
        return pages[txn >>> PAGE_BITS];
    }

    private static int keyHash(final int merchant, final AsciiField orderId)
    {
        return (int)Hashing.mix(orderId.hash64() + merchant * 0x9E3779B97F4A7C15L);
    }

    private final class KeyMatcher implements HashIndex.Matcher
    {
        private int merchant;
        private AsciiField orderId;

        @Override
        public boolean matches(final int txn)
        {
            final Page page = page(txn);
            final int i = txn & PAGE_MASK;
            return page.merchant[i] == merchant && orderIds.equalsAt(page.orderId[i], orderId);
        }
    }

    /** One page of columns. */
    private static final class Page
    {
        final int[] merchant = new int[PAGE_SIZE];
        final int[] orderId = new int[PAGE_SIZE];
        final int[] card = new int[PAGE_SIZE];
        final long[] pan = new long[PAGE_SIZE];
        final byte[] panLength = new byte[PAGE_SIZE];
        final long[] amount = new long[PAGE_SIZE];
        final long[] discount = new long[PAGE_SIZE];
        final long[] captured = new long[PAGE_SIZE];
        final long[] refunded = new long[PAGE_SIZE];
        final short[] currency = new short[PAGE_SIZE];
        final short[] mcc = new short[PAGE_SIZE];
        final long[] createdAt = new long[PAGE_SIZE];
        final long[] fingerprint = new long[PAGE_SIZE];
        final byte[] flags = new byte[PAGE_SIZE];
        final short[] campaign = new short[PAGE_SIZE];
        final byte[] status = new byte[PAGE_SIZE];
        final byte[] responseCode = new byte[PAGE_SIZE];
    }
}
