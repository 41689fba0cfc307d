package org.payswitch.core.discount;

import org.agrona.collections.Long2LongHashMap;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.Hashing;

/**
 * How often each card used each campaign: in total, on its last day of use and in that day's
 * month. One {@code long} per (campaign, card) in a primitive map, so ten million counters cost
 * no boxing: bits 44..63 total (up to 1 048 575), 30..43 that day, 16..29 that month,
 * 0..15 the local day of last use (days since 1970, good until 2149).
 * The day of last use only moves forward: a use stamped on an earlier day than the one on record
 * (requests stamped by several gateway threads reach the single writer slightly out of order)
 * counts on the day on record, so a late arrival never resets a day's or a month's counter.
 * Not thread-safe: owned by the single writer.
 */
final class CardUsage implements Snapshottable
{
    static final long MAX_TOTAL = (1L << 20) - 1;
    static final long MAX_PERIOD = (1L << 14) - 1;

    private static final int DAY_BITS = 16;
    private static final int MONTH_SHIFT = 16;
    private static final int DAILY_SHIFT = 30;
    private static final int TOTAL_SHIFT = 44;
    private static final long PERIOD_MASK = MAX_PERIOD;
    private static final long DAY_MASK = (1L << DAY_BITS) - 1;

    private final Long2LongHashMap usage;

    CardUsage(final int expectedCounters)
    {
        usage = new Long2LongHashMap(Math.max(64, expectedCounters), 0.65f, 0L);
    }

    /** Number of (campaign, card) counters. */
    int size()
    {
        return usage.size();
    }

    /**
     * The packed counters of (campaign, card), 0 when it has none: one map lookup for the checks of
     * a quote, read with {@link #totalOf}, {@link #onDay(long, int)} and {@link #inMonth}.
     */
    long packed(final int campaign, final int card)
    {
        return usage.get(key(campaign, card));
    }

    /** Uses ever, from {@link #packed} counters. */
    static long totalOf(final long packed)
    {
        return packed >>> TOTAL_SHIFT;
    }

    /** Uses of the campaign by the card, ever (net of RESTORE). */
    long total(final int campaign, final int card)
    {
        return usage.get(key(campaign, card)) >>> TOTAL_SHIFT;
    }

    /** Uses on local day {@code epochDay}. */
    long onDay(final int campaign, final int card, final int epochDay)
    {
        return onDay(usage.get(key(campaign, card)), epochDay);
    }

    /** Uses in the month of local day {@code epochDay}. */
    long inMonthOf(final int campaign, final int card, final int epochDay)
    {
        return inMonth(usage.get(key(campaign, card)), epochDay);
    }

    /** Counts one use on {@code epochDay}, or on the day on record if that is later. */
    void use(final int campaign, final int card, final int epochDay)
    {
        final long key = key(campaign, card);
        final long packed = usage.get(key);
        final int day = packed == 0 ? epochDay : Math.max(epochDay, lastDay(packed));
        final long total = Math.min(MAX_TOTAL, (packed >>> TOTAL_SHIFT) + 1);
        final long daily = Math.min(MAX_PERIOD, onDay(packed, day) + 1);
        final long monthly = Math.min(MAX_PERIOD, inMonth(packed, day) + 1);
        store(key, pack(total, daily, monthly, day));
    }

    /** Takes back one use made on {@code epochDay} (RESTORE). */
    void restore(final int campaign, final int card, final int epochDay)
    {
        final long key = key(campaign, card);
        final long packed = usage.get(key);
        if (packed == 0)
        {
            return;
        }
        final int lastDay = lastDay(packed);
        final long total = Math.max(0, (packed >>> TOTAL_SHIFT) - 1);
        long daily = (packed >>> DAILY_SHIFT) & PERIOD_MASK;
        long monthly = (packed >>> MONTH_SHIFT) & PERIOD_MASK;
        if (lastDay == epochDay)
        {
            daily = Math.max(0, daily - 1);
        }
        if (monthIndexOf(lastDay) == monthIndexOf(epochDay))
        {
            monthly = Math.max(0, monthly - 1);
        }
        store(key, pack(total, daily, monthly, lastDay));
    }

    private void store(final long key, final long packed)
    {
        if (packed == 0)
        {
            usage.remove(key);
        }
        else
        {
            usage.put(key, packed);
        }
    }

    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(usage.size());
        final Long2LongHashMap.EntryIterator entries = usage.entrySet().iterator();
        while (entries.hasNext())
        {
            entries.next();
            out.writeLong(entries.getLongKey());
            out.writeLong(entries.getLongValue());
        }
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        usage.clear();
        final int counters = in.readInt();
        for (int i = 0; i < counters; i++)
        {
            usage.put(in.readLong(), in.readLong());
        }
    }

    /** Folds every counter into the state hash, independent of the map's iteration order. */
    long hash(final long seed)
    {
        long sum = 0;
        long xor = 0;
        final Long2LongHashMap.EntryIterator entries = usage.entrySet().iterator();
        while (entries.hasNext())
        {
            entries.next();
            final long entry = Hashing.mix(Hashing.combine(entries.getLongKey(), entries.getLongValue()));
            sum += entry;
            xor ^= entry;
        }
        return Hashing.combine(Hashing.combine(Hashing.combine(seed, usage.size()), sum), xor);
    }

    /** Uses on local day {@code epochDay}, from {@link #packed} counters. */
    static long onDay(final long packed, final int epochDay)
    {
        return packed != 0 && epochDay <= lastDay(packed) ? (packed >>> DAILY_SHIFT) & PERIOD_MASK : 0;
    }

    /**
     * Uses in the month of local day {@code epochDay}, from {@link #packed} counters. A day not after
     * the day on record is in its month or an earlier one, so the month arithmetic runs only for a
     * later day.
     */
    static long inMonth(final long packed, final int epochDay)
    {
        if (packed == 0)
        {
            return 0;
        }
        final int lastDay = lastDay(packed);
        return epochDay <= lastDay || monthIndexOf(epochDay) <= monthIndexOf(lastDay) ?
            (packed >>> MONTH_SHIFT) & PERIOD_MASK : 0;
    }

    private static int lastDay(final long packed)
    {
        return (int)(packed & DAY_MASK);
    }

    private static long pack(final long total, final long daily, final long monthly, final int epochDay)
    {
        return total << TOTAL_SHIFT | daily << DAILY_SHIFT | monthly << MONTH_SHIFT | (epochDay & DAY_MASK);
    }

    private static long key(final int campaign, final int card)
    {
        return (long)campaign << 32 | (card & 0xFFFF_FFFFL);
    }

    /**
     * The month of a day counted from 1970-01-01, as {@code year * 12 + month - 1}: pure integer
     * arithmetic (H. Hinnant's civil-from-days), so the hot path needs no date objects.
     */
    static int monthIndexOf(final int epochDay)
    {
        final int z = epochDay + 719_468;
        final int era = (z >= 0 ? z : z - 146_096) / 146_097;
        final int dayOfEra = z - era * 146_097;
        final int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final int shiftedMonth = (5 * dayOfYear + 2) / 153;
        final int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        final int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 12 + month - 1;
    }
}
