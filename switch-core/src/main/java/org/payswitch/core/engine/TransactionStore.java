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
 * Every transaction the switch decided, approved or declined, indexed by transaction number (0, 1,
 * 2, ... in decision order; the public id is number + 1). Found by id or by idempotency key
 * (merchant, order id).
 *
 * <p>Each transaction is one record of ten {@code long}s (80 bytes: PAN, amount, discount,
 * captured, refunded, created at, fingerprint; merchant and order-id reference; card, currency and
 * MCC; PAN length, flags, status, response code and campaign), so deciding and answering it touch
 * one or two cache lines, not one per column. Records sit in pages of 52 428 (one {@code long[]} of
 * just under 4 MiB), allocated as the store fills, so tens of millions of transactions never need
 * one huge array copied, and, being humongous objects under G1 with 4 MiB regions or smaller, the
 * pages are allocated in the old generation and never copied by young collections. Snapshots keep
 * the column layout of pages of 65 536 they always had. Statuses and response codes are stored as
 * their fixed codes, never ordinals (docs/journal.md, "Format codes"), and a restore refuses a code
 * no constant has.
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
     * Transactions per page: a page is one {@code long[]} of {@link #RECORD} longs a transaction,
     * 52 428 x 80 bytes + the array header = just under 4 MiB, so with G1's 4 MiB regions (an 8 GiB
     * heap) a page fills one humongous region, allocated straight into the old generation and never
     * copied by a young collection; with smaller regions it is a whole number of regions.
     */
    private static final int PAGE_SIZE = 52_428;
    /** Transactions per page in the snapshot's column layout (its format, kept from the column store). */
    private static final int SNAPSHOT_PAGE = 1 << 16;
    private static final int NO_CAMPAIGN = -1;

    /** Record layout, one transaction: 10 longs. */
    private static final int RECORD = 10;
    private static final int PAN = 0;
    private static final int AMOUNT = 1;
    private static final int DISCOUNT = 2;
    private static final int CAPTURED = 3;
    private static final int REFUNDED = 4;
    private static final int CREATED_AT = 5;
    private static final int FINGERPRINT = 6;
    /** merchant (bits 0..31) | order id reference (32..63). */
    private static final int KEY = 7;
    /** card (0..31) | currency (32..47) | MCC (48..63). */
    private static final int CARD = 8;
    /** PAN length (0..7) | flags (8..15) | status code (16..23) | response code's stored code (24..31) | campaign (32..47). */
    private static final int CODES = 9;

    /** Transactions whose key-index slots are touched together when the index is rebuilt. */
    private static final int REBUILD_BATCH = 32;

    private final AsciiArena orderIds = new AsciiArena();
    private HashIndex keyIndex;
    private final KeyMatcher keyMatcher = new KeyMatcher();
    private long[][] pages = new long[16][];
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
        return findByKey(merchant, orderId, keyHash(merchant, orderId));
    }

    /** {@link #findByKey(int, AsciiField)} with the key's {@link #keyHash} computed by the caller, who reuses it to {@link #append}. */
    public int findByKey(final int merchant, final AsciiField orderId, final int keyHash)
    {
        keyMatcher.merchant = merchant;
        keyMatcher.orderId = orderId;
        return keyIndex.get(keyHash, keyMatcher);
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

    /** The key index slot a lookup of the key with this {@link #keyHash} reads first. */
    public int keySlotOf(final int keyHash)
    {
        return keyIndex.slotOf(keyHash);
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
        page[at + KEY] = (merchant & 0xFFFF_FFFFL) | (long)orderIds.append(orderId) << 32;
        page[at + CARD] = (card & 0xFFFF_FFFFL) | (currency & 0xFFFFL) << 32 | (long)mcc << 48;
        page[at + CODES] = codes(panLength, flags, TransactionStatus.DECLINED.code(),
            ResponseCode.DO_NOT_HONOUR.storedCode(), NO_CAMPAIGN);
        count++;
        keyIndex.put(keyHash, txn);
        return txn;
    }

    public int merchant(final int txn)
    {
        return (int)word(txn, KEY);
    }

    /** Copies the transaction's order id into {@code out}. */
    public void copyOrderId(final int txn, final AsciiField out)
    {
        orderIds.copy((int)(word(txn, KEY) >>> 32), out);
    }

    /** The card's number in the {@link CardBook}, or {@link CardBook#NOT_FOUND} for an unknown PAN. */
    public int card(final int txn)
    {
        return (int)word(txn, CARD);
    }

    public long pan(final int txn)
    {
        return word(txn, PAN);
    }

    public int panLength(final int txn)
    {
        return (byte)word(txn, CODES);
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
        return (short)(word(txn, CARD) >>> 32);
    }

    public int mcc(final int txn)
    {
        return (short)(word(txn, CARD) >>> 48);
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
        return (byte)(word(txn, CODES) >>> 8);
    }

    /** The campaign whose discount applied, or -1. */
    public int campaign(final int txn)
    {
        return (short)(word(txn, CODES) >>> 32);
    }

    public TransactionStatus status(final int txn)
    {
        return TransactionStatus.fromCode((byte)(word(txn, CODES) >>> 16));
    }

    public ResponseCode responseCode(final int txn)
    {
        return ResponseCode.fromStoredCode((byte)(word(txn, CODES) >>> 24));
    }

    /**
     * Copies the stored fields of transaction {@code txn} into {@code view}: id, status, response
     * code, amounts, campaign number, currency, PAN, MCC and creation time, reading its record once.
     * Merchant id, order id, auth code and campaign id are the caller's ({@link TransactionViews}).
     */
    void copyTo(final int txn, final TransactionView view)
    {
        final long[] page = pages[txn / PAGE_SIZE];
        final int at = (txn % PAGE_SIZE) * RECORD;
        final long codes = page[at + CODES];
        final long cardWord = page[at + CARD];
        view.present = true;
        view.transactionId = idOf(txn);
        view.status = TransactionStatus.fromCode((byte)(codes >>> 16));
        view.responseCode = ResponseCode.fromStoredCode((byte)(codes >>> 24));
        view.amount = page[at + AMOUNT];
        view.discount = page[at + DISCOUNT];
        view.chargedAmount = view.amount - view.discount;
        view.capturedAmount = page[at + CAPTURED];
        view.refundedAmount = page[at + REFUNDED];
        view.campaignNumber = (short)(codes >>> 32);
        view.currency = (short)(cardWord >>> 32);
        view.pan = page[at + PAN];
        view.panLength = (byte)codes;
        view.mcc = (short)(cardWord >>> 48);
        view.createdAt = page[at + CREATED_AT];
    }

    /** Records the decision of a new transaction. */
    public void decide(
        final int txn, final ResponseCode code, final TransactionStatus status, final long discount, final int campaign)
    {
        final long[] page = pages[txn / PAGE_SIZE];
        final int at = (txn % PAGE_SIZE) * RECORD + CODES;
        page[at - CODES + DISCOUNT] = discount;
        page[at] = (page[at] & ~0x0000_FFFF_FFFF_0000L) |
            ((status.code() & 0xFFL) << 16) | ((code.storedCode() & 0xFFL) << 24) | ((campaign & 0xFFFFL) << 32);
    }

    public void setStatus(final int txn, final TransactionStatus status)
    {
        final long[] page = pages[txn / PAGE_SIZE];
        final int at = (txn % PAGE_SIZE) * RECORD + CODES;
        page[at] = (page[at] & ~(0xFFL << 16)) | ((status.code() & 0xFFL) << 16);
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
            h = Hashing.combine(h, merchant(txn));
            h = orderIds.hashAt(h, (int)(word(txn, KEY) >>> 32));
            h = Hashing.combine(h, card(txn));
            h = Hashing.combine(h, pan(txn));
            h = Hashing.combine(h, amount(txn));
            h = Hashing.combine(h, discount(txn));
            h = Hashing.combine(h, captured(txn));
            h = Hashing.combine(h, refunded(txn));
            h = Hashing.combine(h, createdAt(txn));
            h = Hashing.combine(h, fingerprint(txn));
            final long codes = word(txn, CODES);
            h = Hashing.combine(h, panLength(txn) | (long)currency(txn) << 8 | (long)mcc(txn) << 24 |
                (long)flags(txn) << 40 | (long)(byte)(codes >>> 16) << 48 | (long)(byte)(codes >>> 24) << 56);
            h = Hashing.combine(h, campaign(txn));
        }
        return h;
    }

    /**
     * Writes the transactions in the snapshot's column layout (pages of 65 536, each column of a page
     * in turn, as the column store it replaced wrote them: the format did not change), gathering
     * each snapshot page's columns from the records in one pass.
     */
    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(count);
        orderIds.writeSnapshot(out);
        final Columns columns = new Columns();
        for (int first = 0; first < count; first += SNAPSHOT_PAGE)
        {
            final int n = Math.min(SNAPSHOT_PAGE, count - first);
            for (int i = 0; i < n; i++)
            {
                columns.gather(i, first + i);
            }
            columns.write(out, n);
        }
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
        final Columns columns = new Columns();
        for (int first = 0; first < transactions; first += SNAPSHOT_PAGE)
        {
            final int n = Math.min(SNAPSHOT_PAGE, transactions - first);
            columns.read(in, n);
            for (int i = 0; i < n; i++)
            {
                columns.check(i, first + i);
                columns.scatter(i, first + i);
            }
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

    private long word(final int txn, final int field)
    {
        return pages[txn / PAGE_SIZE][(txn % PAGE_SIZE) * RECORD + field];
    }

    private static long codes(final int panLength, final int flags, final int status, final int code, final int campaign)
    {
        return (panLength & 0xFFL) | (flags & 0xFFL) << 8 | (status & 0xFFL) << 16 | (code & 0xFFL) << 24 |
            (campaign & 0xFFFFL) << 32;
    }

    /** The hash under which the key (merchant, order id) is indexed. */
    public static int keyHash(final int merchant, final AsciiField orderId)
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
            final long key = word(txn, KEY);
            return (int)key == merchant && orderIds.equalsAt((int)(key >>> 32), orderId);
        }
    }

    /** One snapshot page of transactions as columns: the snapshot's layout. */
    private final class Columns
    {
        final int[] merchant = new int[SNAPSHOT_PAGE];
        final int[] orderId = new int[SNAPSHOT_PAGE];
        final int[] card = new int[SNAPSHOT_PAGE];
        final long[] pan = new long[SNAPSHOT_PAGE];
        final byte[] panLength = new byte[SNAPSHOT_PAGE];
        final long[] amount = new long[SNAPSHOT_PAGE];
        final long[] discount = new long[SNAPSHOT_PAGE];
        final long[] captured = new long[SNAPSHOT_PAGE];
        final long[] refunded = new long[SNAPSHOT_PAGE];
        final short[] currency = new short[SNAPSHOT_PAGE];
        final short[] mcc = new short[SNAPSHOT_PAGE];
        final long[] createdAt = new long[SNAPSHOT_PAGE];
        final long[] fingerprint = new long[SNAPSHOT_PAGE];
        final byte[] flags = new byte[SNAPSHOT_PAGE];
        final short[] campaign = new short[SNAPSHOT_PAGE];
        final byte[] status = new byte[SNAPSHOT_PAGE];
        final byte[] responseCode = new byte[SNAPSHOT_PAGE];

        void gather(final int i, final int txn)
        {
            final long[] page = pages[txn / PAGE_SIZE];
            final int at = (txn % PAGE_SIZE) * RECORD;
            final long key = page[at + KEY];
            final long cardWord = page[at + CARD];
            final long codes = page[at + CODES];
            merchant[i] = (int)key;
            orderId[i] = (int)(key >>> 32);
            card[i] = (int)cardWord;
            pan[i] = page[at + PAN];
            panLength[i] = (byte)codes;
            amount[i] = page[at + AMOUNT];
            discount[i] = page[at + DISCOUNT];
            captured[i] = page[at + CAPTURED];
            refunded[i] = page[at + REFUNDED];
            currency[i] = (short)(cardWord >>> 32);
            mcc[i] = (short)(cardWord >>> 48);
            createdAt[i] = page[at + CREATED_AT];
            fingerprint[i] = page[at + FINGERPRINT];
            flags[i] = (byte)(codes >>> 8);
            campaign[i] = (short)(codes >>> 32);
            status[i] = (byte)(codes >>> 16);
            responseCode[i] = (byte)(codes >>> 24);
        }

        /** Refuses a status or response code no constant has (a snapshot of a build with other codes). */
        void check(final int i, final int txn)
        {
            if (TransactionStatus.fromCode(status[i]) == null || ResponseCode.fromStoredCode(responseCode[i]) == null)
            {
                throw new IllegalStateException("snapshot holds transaction " + idOf(txn) + " with status code " +
                    (status[i] & 0xFF) + " and response code " + (responseCode[i] & 0xFF) +
                    ": a code no constant of this switch has");
            }
        }

        void scatter(final int i, final int txn)
        {
            final long[] page = pages[txn / PAGE_SIZE];
            final int at = (txn % PAGE_SIZE) * RECORD;
            page[at + PAN] = pan[i];
            page[at + AMOUNT] = amount[i];
            page[at + DISCOUNT] = discount[i];
            page[at + CAPTURED] = captured[i];
            page[at + REFUNDED] = refunded[i];
            page[at + CREATED_AT] = createdAt[i];
            page[at + FINGERPRINT] = fingerprint[i];
            page[at + KEY] = (merchant[i] & 0xFFFF_FFFFL) | (long)orderId[i] << 32;
            page[at + CARD] = (card[i] & 0xFFFF_FFFFL) | (currency[i] & 0xFFFFL) << 32 | (long)mcc[i] << 48;
            page[at + CODES] = codes(panLength[i], flags[i], status[i], responseCode[i], campaign[i]);
        }

        void write(final SnapshotOutput out, final int n)
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

        void read(final SnapshotInput in, final int n)
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
}
