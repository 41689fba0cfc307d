package org.payswitch.core.util;

import java.util.Arrays;

/**
 * An open-addressing index from a 32-bit hash to int values whose keys live elsewhere (in a
 * table of the caller's). A lookup walks the probe chain of the hash and asks the caller's
 * {@link Matcher} whether a candidate value's key is the one sought, so keys of any shape
 * (bytes of an order id, say) are indexed without boxing or copies. No removal: the switch
 * never forgets a key. Each slot is a (hash, value) pair side by side, so a probe touches one
 * cache line. Not thread-safe.
 *
 * <p>Growing does not stop the caller: when the table is full enough, a table twice as large takes
 * the new entries and every {@link #put} then moves the next {@value #MIGRATION_STEP} slots of the
 * old table into it, while lookups that miss in the new table also look in the old one, until the
 * old table is empty of anything not yet moved. Rehashing 8 M entries at once took ~150-300 ms
 * on the switch's single writer (measured at the ISO peak: the answers of that moment waited, and
 * those past {@code max-queue-delay} were refused 91); spread out, each put pays for ~6 entries.
 * {@link #reserve} (recovery, which knows its size ahead) still grows at once.
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

    /**
     * A slot holds its value plus one, so the zeros of a new array are its empty slots: growing a
     * table of millions of slots then costs the JVM's zeroing alone, not a second pass filling it.
     */
    private static final int EMPTY = 0;
    /** Slots of the old table moved into the new one per {@link #put} while growing. */
    static final int MIGRATION_STEP = 8;

    private int[] slots;
    /** The table being emptied into {@link #slots} while growing, or null. */
    private int[] draining;
    private int drainingMask;
    /** Slots of {@link #draining} below this index are moved already. */
    private int drained;
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

    /** True while an old table is being moved into a larger one (for tests). */
    boolean growing()
    {
        return draining != null;
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
            final int value = slots[index * 2 + 1] - 1;
            if (value == MISSING)
            {
                missIndex = index;
                missHash = hash;
                return draining == null ? MISSING : getDraining(hash, matcher);
            }
            if (slots[index * 2] == hash && matcher.matches(value))
            {
                return value;
            }
            index = (index + 1) & mask;
        }
    }

    /**
     * The old table's half of a lookup while growing. A key found there is one not moved yet (a
     * moved one was found in the new table first); slots keep their entries once moved, so the
     * old table's probe chains stay whole.
     */
    private int getDraining(final int hash, final Matcher matcher)
    {
        final int[] old = draining;
        int index = spread(hash) & drainingMask;
        while (true)
        {
            final int value = old[index * 2 + 1] - 1;
            if (value == MISSING)
            {
                return MISSING;
            }
            if (old[index * 2] == hash && matcher.matches(value))
            {
                return value;
            }
            index = (index + 1) & drainingMask;
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
        return slots[slot * 2 + 1] - 1;
    }

    /**
     * Grows now, once, to hold {@code expected} entries without growing again (recovery knows how
     * many records it will apply; one rehash instead of several on the way).
     */
    public void reserve(final int expected)
    {
        finishDraining();
        final int capacity = capacityFor(expected);
        if (capacity * 2 > slots.length)
        {
            rehashInto(capacity);
        }
    }

    /** Removes every entry; the capacity stays. */
    public void clear()
    {
        draining = null;
        Arrays.fill(slots, EMPTY);
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
        if (draining != null)
        {
            drain(MIGRATION_STEP);
        }
        else if (size >= resizeThreshold)
        {
            startGrowing();
        }
        insert(hash, value);
        size++;
    }

    private void insert(final int hash, final int value)
    {
        int index = missIndex;
        if (index < 0 || hash != missHash || slots[index * 2 + 1] != EMPTY)
        {
            index = spread(hash) & mask;
            while (slots[index * 2 + 1] != EMPTY)
            {
                index = (index + 1) & mask;
            }
        }
        missIndex = -1;
        slots[index * 2] = hash;
        slots[index * 2 + 1] = value + 1;
    }

    /** Puts a table twice as large in front; the old one is moved into it by the next puts. */
    private void startGrowing()
    {
        finishDraining();
        draining = slots;
        drainingMask = mask;
        drained = 0;
        allocate(slots.length);
    }

    /** Moves up to {@code count} slots of the old table into the new one; drops it once all are moved. */
    private void drain(final int count)
    {
        final int[] old = draining;
        final int end = Math.min(old.length / 2, drained + count);
        for (int i = drained; i < end; i++)
        {
            if (old[i * 2 + 1] != EMPTY)
            {
                insert(old[i * 2], old[i * 2 + 1] - 1);
            }
        }
        drained = end;
        if (end == old.length / 2)
        {
            draining = null;
        }
    }

    private void finishDraining()
    {
        if (draining != null)
        {
            drain(draining.length / 2);
        }
    }

    private void rehashInto(final int capacity)
    {
        final int[] old = slots;
        allocate(capacity);
        for (int i = 0; i < old.length; i += 2)
        {
            if (old[i + 1] != EMPTY)
            {
                insert(old[i], old[i + 1] - 1);
            }
        }
    }

    private void allocate(final int capacity)
    {
        slots = new int[capacity * 2];
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
