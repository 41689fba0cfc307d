package org.payswitch.core.util;

/**
 * An open-addressing index from a 32-bit hash to int values whose keys live elsewhere (in a
 * table of the caller's). A lookup walks the probe chain of the hash and asks the caller's
 * {@link Matcher} whether a candidate value's key is the one sought, so keys of any shape
 * (bytes of an order id, say) are indexed without boxing or copies. No removal: the switch
 * never forgets a key. Each slot is a (hash, value) pair side by side, so a probe touches one
 * cache line. Not thread-safe.
 */
public final class HashIndex
{
    /** Returned when no value matches. */
    public static final int MISSING = -1;

    /** Decides whether the key stored for a value is the key being looked up. */
    @FunctionalInterface
    public interface Matcher
    {
        /** True when {@code value}'s key equals the key sought. */
        boolean matches(int value);
    }

    private int[] slots;
    /** The empty slot where the last unsuccessful lookup of {@link #missHash} ended, or -1. */
    private int missIndex = -1;
    private int missHash;
    private int mask;
    private int size;
    private int resizeThreshold;

    /** An index sized for about {@code expected} entries before it first grows. */
    public HashIndex(final int expected)
    {
        allocate(capacityFor(expected));
    }

    /** Number of entries. */
    public int size()
    {
        return size;
    }

    /** The value whose key has this hash and that the matcher accepts, or {@link #MISSING}. */
    public int get(final int hash, final Matcher matcher)
    {
        int index = spread(hash) & mask;
        while (true)
        {
            final int value = slots[index * 2 + 1];
            if (value == MISSING)
            {
                missIndex = index;
                missHash = hash;
                return MISSING;
            }
            if (slots[index * 2] == hash && matcher.matches(value))
            {
                return value;
            }
            index = (index + 1) & mask;
        }
    }

    /**
     * The first slot a lookup or insert of {@code hash} reads. With {@link #touch} this is a
     * software prefetch: computing the slots of a batch of keys first and then touching them in
     * a tight loop lets the CPU wait for their cache misses together instead of one after
     * another (recovery does this; docs/journal.md). Valid until the index next grows.
     */
    public int slotOf(final int hash)
    {
        return spread(hash) & mask;
    }

    /** Reads the value in {@code slot} (from {@link #slotOf}) and returns it; changes nothing. */
    public int touch(final int slot)
    {
        return slots[slot * 2 + 1];
    }

    /**
     * Grows now, once, to hold {@code expected} entries without growing again (recovery knows how
     * many records it will apply; one rehash instead of several on the way).
     */
    public void reserve(final int expected)
    {
        final int capacity = capacityFor(expected);
        if (capacity * 2 > slots.length)
        {
            rehashInto(capacity);
        }
    }

    /** Removes every entry; the capacity stays. */
    public void clear()
    {
        for (int i = 1; i < slots.length; i += 2)
        {
            slots[i] = MISSING;
        }
        missIndex = -1;
        size = 0;
    }

    /**
     * Adds a value under the hash; the caller makes sure its key is not present already. Right
     * after an unsuccessful {@link #get} of the same hash (an idempotency check, then the insert of
     * the new key) the slot where that lookup ended is used without probing again: it is still the
     * first empty slot of the hash's chain, since nothing is ever removed.
     */
    public void put(final int hash, final int value)
    {
        if (size >= resizeThreshold)
        {
            grow();
        }
        insert(hash, value);
        size++;
    }

    private void insert(final int hash, final int value)
    {
        int index = missIndex;
        if (index < 0 || hash != missHash || slots[index * 2 + 1] != MISSING)
        {
            index = spread(hash) & mask;
            while (slots[index * 2 + 1] != MISSING)
            {
                index = (index + 1) & mask;
            }
        }
        missIndex = -1;
        slots[index * 2] = hash;
        slots[index * 2 + 1] = value;
    }

    private void grow()
    {
        rehashInto(slots.length);
    }

    private void rehashInto(final int capacity)
    {
        final int[] old = slots;
        allocate(capacity);
        for (int i = 0; i < old.length; i += 2)
        {
            if (old[i + 1] != MISSING)
            {
                insert(old[i], old[i + 1]);
            }
        }
    }

    private void allocate(final int capacity)
    {
        slots = new int[capacity * 2];
        for (int i = 1; i < slots.length; i += 2)
        {
            slots[i] = MISSING;
        }
        missIndex = -1;
        mask = capacity - 1;
        resizeThreshold = (int)(capacity * 0.7f);
    }

    private static int capacityFor(final int expected)
    {
        final long wanted = Math.max(16L, (long)Math.ceil(expected / 0.7));
        return (int)Math.min(1L << 29, Long.highestOneBit(wanted - 1) << 1);
    }

    private static int spread(final int hash)
    {
        return hash ^ (hash >>> 16);
    }
}
