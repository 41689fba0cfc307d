package org.payswitch.core.engine;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.util.HashIndex;
import org.payswitch.core.util.Hashing;

/**
 * The idempotency index of a {@link TransactionStore}: the idempotency key (merchant, order id) to
 * the transaction stored under it, a {@link HashIndex} of transaction numbers whose entries are
 * compared against the store's own records (the key is not copied into the index). Derived state:
 * not in snapshots, {@link #rebuild rebuilt} after a restore. Not thread-safe: owned by the single
 * writer, as its store.
 */
final class TransactionKeyIndex
{
    /** Transactions whose key-index slots are touched together when the index is rebuilt. */
    private static final int REBUILD_BATCH = 32;

    private final TransactionStore store;
    private final KeyMatcher matcher = new KeyMatcher();
    private HashIndex index;
    /** Sum of the values the rebuild's prefetch loads, stored so the JIT cannot drop those loads. */
    private long rebuildSink;

    /** An index of {@code store}'s keys sized for {@code expectedTransactions} before it first grows. */
    TransactionKeyIndex(final TransactionStore store, final int expectedTransactions)
    {
        this.store = store;
        this.index = new HashIndex(expectedTransactions);
    }

    /** The hash under which the key (merchant, order id) is indexed. */
    static int keyHash(final int merchant, final AsciiField orderId)
    {
        return (int)Hashing.mix(orderId.hash64() + merchant * 0x9E3779B97F4A7C15L);
    }

    /** The transaction under the key whose {@link #keyHash} is {@code keyHash}, or {@link TransactionStore#NOT_FOUND}. */
    int find(final int merchant, final AsciiField orderId, final int keyHash)
    {
        matcher.merchant = merchant;
        matcher.orderId = orderId;
        return index.get(keyHash, matcher);
    }

    /** Indexes transaction {@code txn} under the key whose hash is {@code keyHash}. */
    void put(final int keyHash, final int txn)
    {
        index.put(keyHash, txn);
    }

    /** Makes room for {@code size} keys in all. */
    void reserve(final int size)
    {
        index.reserve(size);
    }

    /** The slot a lookup of the key with this hash reads first (for a prefetch, see {@link HashIndex#slotOf}). */
    int slotOf(final int keyHash)
    {
        return index.slotOf(keyHash);
    }

    /** Prefetch of a slot; changes nothing. */
    int touch(final int slot)
    {
        return index.touch(slot);
    }

    /**
     * Rebuilds the index of the store's {@code count} transactions after a restore, in batches:
     * the hashes of a batch first, then a tight loop touching their slots, then the inserts, so
     * the cache misses of a batch overlap (as recovery's replay does; docs/journal.md).
     */
    void rebuild(final int count)
    {
        index = new HashIndex(Math.max(1024, count));
        final AsciiField orderId = new AsciiField(SwitchCommand.MAX_ORDER_ID_LENGTH);
        final int[] hashes = new int[REBUILD_BATCH];
        long sink = 0;
        for (int first = 0; first < count; first += REBUILD_BATCH)
        {
            final int n = Math.min(REBUILD_BATCH, count - first);
            for (int i = 0; i < n; i++)
            {
                store.copyOrderId(first + i, orderId);
                hashes[i] = keyHash(store.merchant(first + i), orderId);
            }
            for (int i = 0; i < n; i++)
            {
                sink += index.touch(index.slotOf(hashes[i]));
            }
            for (int i = 0; i < n; i++)
            {
                index.put(hashes[i], first + i);
            }
        }
        rebuildSink = sink;
    }

    /** Accepts the transaction stored under the key sought. */
    private final class KeyMatcher implements HashIndex.Matcher
    {
        private int merchant;
        private AsciiField orderId;

        @Override
        public boolean matches(final int txn)
        {
            return store.isUnderKey(txn, merchant, orderId);
        }
    }
}
