package org.payswitch.core.engine;

import java.util.Arrays;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.AsciiArena;
import org.payswitch.core.util.HashIndex;
import org.payswitch.core.util.Hashing;

/**
 * Refunds by (transaction, refund id), so a repeated refund is answered, not applied twice.
 * Not thread-safe: owned by the single writer.
 */
public final class RefundLedger implements Snapshottable
{
    /** Returned when the refund is not known. */
    public static final int NOT_FOUND = -1;

    private final AsciiArena refundIds = new AsciiArena();
    /** Refunds the columns and the index hold at first; both grow when full. */
    private static final int INITIAL_REFUNDS = 1024;

    private HashIndex index = new HashIndex(INITIAL_REFUNDS);
    private final RefundMatcher matcher = new RefundMatcher();
    private int count;
    private int[] transaction = new int[INITIAL_REFUNDS];
    private int[] refundId = new int[INITIAL_REFUNDS];
    private long[] amount = new long[INITIAL_REFUNDS];

    /** Number of refunds. */
    public int count()
    {
        return count;
    }

    /** The refund of transaction {@code txn} with this id, or {@link #NOT_FOUND}. */
    public int find(final int txn, final AsciiField id)
    {
        matcher.txn = txn;
        matcher.id = id;
        return index.get(hashOf(txn, id), matcher);
    }

    /** Records a refund the caller has checked is new. */
    public void record(final int txn, final AsciiField id, final long refundAmount)
    {
        if (count == transaction.length)
        {
            transaction = Arrays.copyOf(transaction, count * 2);
            refundId = Arrays.copyOf(refundId, count * 2);
            amount = Arrays.copyOf(amount, count * 2);
        }
        transaction[count] = txn;
        refundId[count] = refundIds.append(id);
        amount[count] = refundAmount;
        index.put(hashOf(txn, id), count);
        count++;
    }

    /** The transaction refund {@code refund} gave money back on. */
    public int transaction(final int refund)
    {
        return transaction[refund];
    }

    /** The amount of refund {@code refund}. */
    public long amount(final int refund)
    {
        return amount[refund];
    }

    /** Folds every refund into the state hash. */
    public long hash(final long seed)
    {
        long h = Hashing.combine(seed, count);
        for (int i = 0; i < count; i++)
        {
            h = Hashing.combine(h, transaction[i]);
            h = refundIds.hashAt(h, refundId[i]);
            h = Hashing.combine(h, amount[i]);
        }
        return h;
    }

    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(count);
        refundIds.writeSnapshot(out);
        out.writeInts(transaction, count);
        out.writeInts(refundId, count);
        out.writeLongs(amount, count);
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        final int refunds = in.readInt();
        refundIds.readSnapshot(in);
        final int capacity = Math.max(1024, refunds);
        transaction = new int[capacity];
        refundId = new int[capacity];
        amount = new long[capacity];
        in.readInts(transaction, refunds);
        in.readInts(refundId, refunds);
        in.readLongs(amount, refunds);
        count = refunds;
        index = new HashIndex(capacity);
        final AsciiField id = new AsciiField(255);
        for (int i = 0; i < refunds; i++)
        {
            refundIds.copy(refundId[i], id);
            index.put(hashOf(transaction[i], id), i);
        }
    }

    private static int hashOf(final int txn, final AsciiField id)
    {
        return (int)Hashing.mix(id.hash64() ^ txn);
    }

    private final class RefundMatcher implements HashIndex.Matcher
    {
        private int txn;
        private AsciiField id;

        @Override
        public boolean matches(final int refund)
        {
            return transaction[refund] == txn && refundIds.equalsAt(refundId[refund], id);
        }
    }
}
