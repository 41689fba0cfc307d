package org.payswitch.core.domain;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An immutable set of printable ASCII identifiers (the merchants an API key may act for, the
 * terminals an acquirer may send for), asked from the hot path without allocation: an open
 * addressing table over {@link AsciiField#hash64()}, compared byte by byte in place. Built once at
 * start and only read afterwards, so any thread may ask it.
 */
public final class AsciiIdSet
{
    private final byte[][] slots;
    private final int mask;
    private final Set<String> ids;

    private AsciiIdSet(final Set<String> ids)
    {
        this.ids = Set.copyOf(ids);
        int capacity = 4;
        while (capacity < ids.size() * 2)
        {
            capacity <<= 1;
        }
        slots = new byte[capacity][];
        mask = capacity - 1;
        final AsciiField probe = new AsciiField(longest(ids));
        for (final String id : ids)
        {
            probe.set(id);
            int slot = (int)probe.hash64() & mask;
            while (slots[slot] != null)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = id.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The set of these identifiers; each must be 1..{@code maxLength} printable ASCII characters
     * without spaces, or an {@link IllegalArgumentException} names the first that is not.
     */
    public static AsciiIdSet of(final Collection<String> identifiers, final int maxLength)
    {
        final Set<String> ids = new LinkedHashSet<>();
        for (final String id : identifiers)
        {
            if (id.isEmpty() || id.length() > maxLength || !printable(id))
            {
                throw new IllegalArgumentException("'" + id + "' is not 1.." + maxLength +
                    " printable ASCII characters without spaces");
            }
            ids.add(id);
        }
        return new AsciiIdSet(ids);
    }

    /** True when {@code id} is in the set. Allocates nothing. */
    public boolean contains(final AsciiField id)
    {
        int slot = (int)id.hash64() & mask;
        byte[] candidate;
        while ((candidate = slots[slot]) != null)
        {
            if (id.contentEquals(candidate, 0, candidate.length))
            {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    /** How many identifiers the set holds. */
    public int size()
    {
        return ids.size();
    }

    /** The identifiers, for messages and tests (not for the hot path). */
    public Set<String> ids()
    {
        return ids;
    }

    @Override
    public String toString()
    {
        return ids.toString();
    }

    private static int longest(final Set<String> ids)
    {
        int longest = 1;
        for (final String id : ids)
        {
            longest = Math.max(longest, id.length());
        }
        return longest;
    }

    private static boolean printable(final String id)
    {
        for (int i = 0; i < id.length(); i++)
        {
            final char c = id.charAt(i);
            if (c <= 0x20 || c > 0x7E)
            {
                return false;
            }
        }
        return true;
    }
}
