package org.payswitch.core.util;

import java.util.Arrays;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;

/**
 * Append-only storage for many short ASCII strings (order ids, refund ids) in large byte pages:
 * one length byte plus the characters, addressed by an {@code int} reference (page in the top
 * 12 bits, read unsigned, offset in the low 20), so at most 4 GiB of strings: some 300 million
 * order ids of 12 characters. Costs the string's length plus one byte, where a String would
 * cost some 56 bytes of headers, and 4 bytes for the reference.
 */
public final class AsciiArena implements Snapshottable
{
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int MAX_STRING = 255;
    private static final int MAX_PAGES = 1 << (32 - PAGE_BITS);

    /** Page slots at first (the pages themselves are allocated as strings arrive); doubles when full. */
    private static final int INITIAL_PAGE_SLOTS = 16;

    private byte[][] pages = new byte[INITIAL_PAGE_SLOTS][];
    private int pageCount;
    private int position = PAGE_SIZE;

    /** Stores the field's characters (at most 255) and returns their reference. */
    public int append(final AsciiField field)
    {
        final int length = Math.min(field.length(), MAX_STRING);
        if (position + 1 + length > PAGE_SIZE)
        {
            if (pageCount == MAX_PAGES)
            {
                throw new IllegalStateException("string arena full: " + MAX_PAGES + " pages of " + PAGE_SIZE + " bytes");
            }
            if (pageCount == pages.length)
            {
                pages = Arrays.copyOf(pages, pages.length * 2);
            }
            pages[pageCount++] = new byte[PAGE_SIZE];
            position = 0;
        }
        final int reference = ((pageCount - 1) << PAGE_BITS) | position;
        final byte[] page = pages[pageCount - 1];
        page[position] = (byte)length;
        System.arraycopy(field.bytes(), 0, page, position + 1, length);
        position += 1 + length;
        return reference;
    }

    /** True when the string at {@code reference} has exactly the field's characters. */
    public boolean equalsAt(final int reference, final AsciiField field)
    {
        final byte[] page = pages[reference >>> PAGE_BITS];
        final int offset = reference & (PAGE_SIZE - 1);
        return field.contentEquals(page, offset + 1, page[offset] & 0xFF);
    }

    /** Copies the string at {@code reference} into {@code out}. */
    public void copy(final int reference, final AsciiField out)
    {
        final byte[] page = pages[reference >>> PAGE_BITS];
        final int offset = reference & (PAGE_SIZE - 1);
        out.set(page, offset + 1, page[offset] & 0xFF);
    }

    /** Folds the string at {@code reference} into a hash. */
    public long hashAt(final long seed, final int reference)
    {
        final byte[] page = pages[reference >>> PAGE_BITS];
        final int offset = reference & (PAGE_SIZE - 1);
        final int length = page[offset] & 0xFF;
        long h = Hashing.combine(seed, length);
        for (int i = 1; i <= length; i++)
        {
            h = Hashing.combine(h, page[offset + i]);
        }
        return h;
    }

    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(pageCount);
        out.writeInt(position);
        for (int i = 0; i < pageCount; i++)
        {
            out.writeBytes(pages[i], 0, i == pageCount - 1 ? position : PAGE_SIZE);
        }
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        pageCount = in.readInt();
        position = in.readInt();
        pages = new byte[Math.max(16, Integer.highestOneBit(Math.max(1, pageCount)) * 2)][];
        for (int i = 0; i < pageCount; i++)
        {
            pages[i] = new byte[PAGE_SIZE];
            in.readBytes(pages[i], 0, i == pageCount - 1 ? position : PAGE_SIZE);
        }
    }
}
