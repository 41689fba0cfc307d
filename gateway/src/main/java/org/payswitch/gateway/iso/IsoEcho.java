package org.payswitch.gateway.iso;

import java.util.Arrays;

/**
 * The fields of a request that its answer echoes (docs/api.md section 4: 2, 3, 4, 7, 11, 12, 13,
 * 37, 41, 42, 49), kept as received, length prefixes included, in one small array, with the
 * MTI. It is the ring slot's attachment for ISO 8583 requests: ~70 bytes cross from the I/O
 * thread to the pipeline's thread instead of the whole message and its field table (~4 KB).
 * Not thread-safe; reused.
 */
public final class IsoEcho
{
    /** The echoed fields, ascending. */
    static final int[] FIELDS = {2, 3, 4, 7, 11, 12, 13, 37, 41, 42, 49};
    /** Room for every echoed field at its longest. */
    static final int CAPACITY = capacity();

    private static final int ABSENT = -1;
    private static final int[] SLOT_OF_FIELD = slots();

    private final byte[] bytes = new byte[CAPACITY];
    private final int[] offset = new int[FIELDS.length];
    private final int[] length = new int[FIELDS.length];
    private int mti;

    /** Keeps the echoed fields of {@code request} (a well-formed message). */
    public void copyFrom(final IsoMessage request)
    {
        mti = request.mti();
        int at = 0;
        for (int slot = 0; slot < FIELDS.length; slot++)
        {
            final int field = FIELDS[slot];
            if (request.has(field))
            {
                final int copied = request.copyEncoded(field, bytes, at);
                offset[slot] = at;
                length[slot] = copied;
                at += copied;
            }
            else
            {
                length[slot] = ABSENT;
            }
        }
    }

    /** The request's MTI, e.g. 100. */
    int mti()
    {
        return mti;
    }

    /** True when the request had {@code field}. */
    boolean has(final int field)
    {
        final int slot = SLOT_OF_FIELD[field];
        return slot != ABSENT && length[slot] != ABSENT;
    }

    /** The encoded length (length prefix included) of a field {@link #has} says is kept. */
    int encodedLength(final int field)
    {
        return length[SLOT_OF_FIELD[field]];
    }

    /** Copies a kept field, as received, into {@code into} at {@code at}; returns the bytes copied. */
    int copyTo(final int field, final byte[] into, final int at)
    {
        final int slot = SLOT_OF_FIELD[field];
        System.arraycopy(bytes, offset[slot], into, at, length[slot]);
        return length[slot];
    }

    private static int capacity()
    {
        int total = 0;
        for (final int field : FIELDS)
        {
            total += IsoFields.maxEncodedLength(field);
        }
        return total;
    }

    private static int[] slots()
    {
        final int[] slots = new int[129];
        Arrays.fill(slots, ABSENT);
        for (int slot = 0; slot < FIELDS.length; slot++)
        {
            slots[FIELDS[slot]] = slot;
        }
        return slots;
    }
}
