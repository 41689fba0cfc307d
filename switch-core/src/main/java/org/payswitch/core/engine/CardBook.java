package org.payswitch.core.engine;

import java.util.Arrays;

import org.agrona.collections.Long2LongHashMap;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.snapshot.SnapshotInput;
import org.payswitch.core.snapshot.SnapshotOutput;
import org.payswitch.core.snapshot.Snapshottable;
import org.payswitch.core.util.Hashing;

/**
 * The cards on file and their credit, as columns of primitives indexed by card number (the
 * order in which cards were first defined). A PAN finds its card through a primitive map.
 *
 * <p>{@code used} is the credit in use: open holds plus captured minus refunded. Available
 * credit is {@code creditLimit - used}. Not thread-safe: owned by the single writer.
 */
public final class CardBook implements Snapshottable
{
    /** Returned when a PAN has no card. */
    public static final int NOT_FOUND = -1;

    private final Long2LongHashMap indexByPan;
    private int count;
    private long[] pan;
    private byte[] panLength;
    private short[] expiry;
    private byte[] status;
    private short[] currency;
    private long[] creditLimit;
    private long[] perTransactionLimit;
    private long[] dailyLimit;
    private long[] used;
    private long[] spentToday;
    private int[] spentDay;

    /** A book sized for {@code expectedCards} before it first grows. */
    public CardBook(final int expectedCards)
    {
        final int capacity = Math.max(16, expectedCards);
        indexByPan = new Long2LongHashMap(capacity * 2, 0.65f, NOT_FOUND);
        pan = new long[capacity];
        panLength = new byte[capacity];
        expiry = new short[capacity];
        status = new byte[capacity];
        currency = new short[capacity];
        creditLimit = new long[capacity];
        perTransactionLimit = new long[capacity];
        dailyLimit = new long[capacity];
        used = new long[capacity];
        spentToday = new long[capacity];
        spentDay = new int[capacity];
    }

    /** Number of cards. */
    public int count()
    {
        return count;
    }

    /** The card of this PAN, or {@link #NOT_FOUND}. */
    public int find(final long cardPan, final int length)
    {
        final int card = (int)indexByPan.get(cardPan);
        return card != NOT_FOUND && panLength[card] == length ? card : NOT_FOUND;
    }

    /**
     * Creates the card or replaces its definition. Credit in use and today's spending stay:
     * replacing a card's limits does not forget money already held or spent.
     */
    public int upsert(final CardDefinition definition)
    {
        int card = (int)indexByPan.get(definition.pan());
        if (card == NOT_FOUND)
        {
            card = count;
            ensureCapacity(card + 1);
            count++;
            indexByPan.put(definition.pan(), card);
            pan[card] = definition.pan();
            used[card] = 0;
            spentToday[card] = 0;
            spentDay[card] = 0;
        }
        panLength[card] = (byte)definition.panLength();
        expiry[card] = (short)definition.expiry();
        status[card] = (byte)definition.status().ordinal();
        currency[card] = (short)definition.currency();
        creditLimit[card] = definition.creditLimit();
        perTransactionLimit[card] = definition.perTransactionLimit();
        dailyLimit[card] = definition.dailyLimit();
        return card;
    }

    public long pan(final int card)
    {
        return pan[card];
    }

    public int panLength(final int card)
    {
        return panLength[card];
    }

    /** Expiry on file, YYMM. */
    public int expiry(final int card)
    {
        return expiry[card];
    }

    public CardStatus status(final int card)
    {
        return CardStatus.fromOrdinal(status[card]);
    }

    public void setStatus(final int card, final CardStatus newStatus)
    {
        status[card] = (byte)newStatus.ordinal();
    }

    public int currency(final int card)
    {
        return currency[card];
    }

    public long creditLimit(final int card)
    {
        return creditLimit[card];
    }

    public long perTransactionLimit(final int card)
    {
        return perTransactionLimit[card];
    }

    public long dailyLimit(final int card)
    {
        return dailyLimit[card];
    }

    /** Credit in use: open holds plus captured minus refunded. */
    public long used(final int card)
    {
        return used[card];
    }

    /** Credit limit minus credit in use; may be negative only if a limit was lowered below what is in use. */
    public long available(final int card)
    {
        return creditLimit[card] - used[card];
    }

    /** What was authorized on the card on local day {@code epochDay} (0 for any other day). */
    public long spentOn(final int card, final int epochDay)
    {
        return spentDay[card] == epochDay ? spentToday[card] : 0;
    }

    /** Takes credit for a new approved transaction charged on {@code epochDay}. */
    public void hold(final int card, final long charged, final int epochDay)
    {
        used[card] += charged;
        if (spentDay[card] != epochDay)
        {
            spentDay[card] = epochDay;
            spentToday[card] = 0;
        }
        spentToday[card] += charged;
    }

    /** Gives credit back (a released hold, the uncaptured rest, a refund). */
    public void release(final int card, final long amount)
    {
        used[card] -= amount;
    }

    /** Gives back daily spending of a transaction reversed on the day it was made. */
    public void unspend(final int card, final long charged, final int epochDay)
    {
        if (spentDay[card] == epochDay)
        {
            spentToday[card] = Math.max(0, spentToday[card] - charged);
        }
    }

    /** True when the limit is set and {@code value} goes over it. */
    public static boolean exceeds(final long value, final long limit)
    {
        return limit != Money.NO_LIMIT && value > limit;
    }

    /** Folds every card's definition and credit into the state hash. */
    public long hash(final long seed)
    {
        long h = Hashing.combine(seed, count);
        for (int card = 0; card < count; card++)
        {
            h = Hashing.combine(h, pan[card]);
            h = Hashing.combine(h, panLength[card] | (long)expiry[card] << 8 | (long)status[card] << 24 |
                (long)currency[card] << 32);
            h = Hashing.combine(h, creditLimit[card]);
            h = Hashing.combine(h, perTransactionLimit[card]);
            h = Hashing.combine(h, dailyLimit[card]);
            h = Hashing.combine(h, used[card]);
            h = Hashing.combine(h, spentToday[card]);
            h = Hashing.combine(h, spentDay[card]);
        }
        return h;
    }

    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(count);
        out.writeLongs(pan, count);
        out.writeBytes(panLength, 0, count);
        out.writeShorts(expiry, count);
        out.writeBytes(status, 0, count);
        out.writeShorts(currency, count);
        out.writeLongs(creditLimit, count);
        out.writeLongs(perTransactionLimit, count);
        out.writeLongs(dailyLimit, count);
        out.writeLongs(used, count);
        out.writeLongs(spentToday, count);
        out.writeInts(spentDay, count);
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        final int cards = in.readInt();
        ensureCapacity(cards);
        in.readLongs(pan, cards);
        in.readBytes(panLength, 0, cards);
        in.readShorts(expiry, cards);
        in.readBytes(status, 0, cards);
        in.readShorts(currency, cards);
        in.readLongs(creditLimit, cards);
        in.readLongs(perTransactionLimit, cards);
        in.readLongs(dailyLimit, cards);
        in.readLongs(used, cards);
        in.readLongs(spentToday, cards);
        in.readInts(spentDay, cards);
        indexByPan.clear();
        for (int card = 0; card < cards; card++)
        {
            indexByPan.put(pan[card], card);
        }
        count = cards;
    }

    private void ensureCapacity(final int required)
    {
        if (required <= pan.length)
        {
            return;
        }
        final int capacity = Math.max(required, pan.length * 2);
        pan = Arrays.copyOf(pan, capacity);
        panLength = Arrays.copyOf(panLength, capacity);
        expiry = Arrays.copyOf(expiry, capacity);
        status = Arrays.copyOf(status, capacity);
        currency = Arrays.copyOf(currency, capacity);
        creditLimit = Arrays.copyOf(creditLimit, capacity);
        perTransactionLimit = Arrays.copyOf(perTransactionLimit, capacity);
        dailyLimit = Arrays.copyOf(dailyLimit, capacity);
        used = Arrays.copyOf(used, capacity);
        spentToday = Arrays.copyOf(spentToday, capacity);
        spentDay = Arrays.copyOf(spentDay, capacity);
    }
}
