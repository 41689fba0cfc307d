package org.payswitch.core.engine;

import java.util.Arrays;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.HashIndex;
import org.payswitch.core.util.Hashing;

/**
 * The merchants: id (1..15 characters, as ISO DE 42), name, default MCC, enabled. Found by id
 * bytes without creating a String. Not thread-safe: owned by the single writer.
 */
public final class MerchantBook implements Snapshottable
{
    /** Longest merchant id (ISO 8583 DE 42 is 15 characters). */
    public static final int MAX_ID_LENGTH = 15;
    /** Returned when an id has no merchant. */
    public static final int NOT_FOUND = -1;

    /** Slots of the id index at first; it grows as merchants are added. */
    private static final int INITIAL_INDEX_SLOTS = 1024;
    /** Merchants the columns hold at first; they double when full. */
    private static final int INITIAL_MERCHANTS = 64;

    private HashIndex index = new HashIndex(INITIAL_INDEX_SLOTS);
    private final IdMatcher matcher = new IdMatcher();
    private int count;
    private byte[] ids = new byte[INITIAL_MERCHANTS * MAX_ID_LENGTH];
    private byte[] idLength = new byte[INITIAL_MERCHANTS];
    private String[] names = new String[INITIAL_MERCHANTS];
    private int[] mcc = new int[INITIAL_MERCHANTS];
    private boolean[] enabled = new boolean[INITIAL_MERCHANTS];

    /** Number of merchants. */
    public int count()
    {
        return count;
    }

    /** The merchant with this id, or {@link #NOT_FOUND}. */
    public int find(final AsciiField merchantId)
    {
        matcher.sought = merchantId;
        return index.get(hashOf(merchantId), matcher);
    }

    /** Creates the merchant or replaces its name, MCC and enabled flag. */
    public int upsert(final AsciiField merchantId, final String name, final int merchantMcc, final boolean isEnabled)
    {
        int merchant = find(merchantId);
        if (merchant == NOT_FOUND)
        {
            merchant = count;
            ensureCapacity(merchant + 1);
            System.arraycopy(merchantId.bytes(), 0, ids, merchant * MAX_ID_LENGTH, merchantId.length());
            idLength[merchant] = (byte)merchantId.length();
            index.put(hashOf(merchantId), merchant);
            count++;
        }
        names[merchant] = name;
        mcc[merchant] = merchantMcc;
        enabled[merchant] = isEnabled;
        return merchant;
    }

    /** Copies the merchant's id into {@code out}. */
    public void copyId(final int merchant, final AsciiField out)
    {
        out.set(ids, merchant * MAX_ID_LENGTH, idLength[merchant]);
    }

    public String name(final int merchant)
    {
        return names[merchant];
    }

    public int mcc(final int merchant)
    {
        return mcc[merchant];
    }

    public boolean isEnabled(final int merchant)
    {
        return enabled[merchant];
    }

    /** Folds every merchant into the state hash. */
    public long hash(final long seed)
    {
        long h = Hashing.combine(seed, count);
        for (int merchant = 0; merchant < count; merchant++)
        {
            for (int i = 0; i < idLength[merchant]; i++)
            {
                h = Hashing.combine(h, ids[merchant * MAX_ID_LENGTH + i]);
            }
            h = Hashing.combine(h, names[merchant].hashCode());
            h = Hashing.combine(h, mcc[merchant]);
            h = Hashing.combine(h, enabled[merchant] ? 1 : 0);
        }
        return h;
    }

    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(count);
        for (int merchant = 0; merchant < count; merchant++)
        {
            out.writeByte(idLength[merchant]);
            out.writeBytes(ids, merchant * MAX_ID_LENGTH, idLength[merchant]);
            out.writeString(names[merchant]);
            out.writeInt(mcc[merchant]);
            out.writeBoolean(enabled[merchant]);
        }
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        final int merchants = in.readInt();
        count = 0;
        index = new HashIndex(Math.max(1024, merchants));
        final AsciiField id = new AsciiField(MAX_ID_LENGTH);
        final byte[] idBytes = new byte[MAX_ID_LENGTH];
        for (int merchant = 0; merchant < merchants; merchant++)
        {
            final int length = in.readByte();
            in.readBytes(idBytes, 0, length);
            id.set(idBytes, 0, length);
            upsert(id, in.readString(), in.readInt(), in.readBoolean());
        }
    }

    private static int hashOf(final AsciiField merchantId)
    {
        return (int)Hashing.mix(merchantId.hash64());
    }

    private void ensureCapacity(final int required)
    {
        if (required <= names.length)
        {
            return;
        }
        final int capacity = names.length * 2;
        ids = Arrays.copyOf(ids, capacity * MAX_ID_LENGTH);
        idLength = Arrays.copyOf(idLength, capacity);
        names = Arrays.copyOf(names, capacity);
        mcc = Arrays.copyOf(mcc, capacity);
        enabled = Arrays.copyOf(enabled, capacity);
    }

    private final class IdMatcher implements HashIndex.Matcher
    {
        private AsciiField sought;

        @Override
        public boolean matches(final int merchant)
        {
            return sought.contentEquals(ids, merchant * MAX_ID_LENGTH, idLength[merchant]);
        }
    }
}
