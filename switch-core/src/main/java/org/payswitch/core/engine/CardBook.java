package org.payswitch.core.engine;

import java.util.Arrays;

import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.HashIndex;
import org.payswitch.core.util.Hashing;

/**
 * The cards on file and their credit. Each card is one record of eight {@code long}s (64 bytes)
 * in a single array, indexed by card number (the order in which cards were first defined), so
 * an authorization touches one or two cache lines of a card, not one per field. A PAN finds its
 * card through a {@link HashIndex} of card numbers (8 bytes a slot: hash and card number; the PAN
 * compared is the one in the record, which the authorization reads next anyway). Record layout:
 * <pre>
 *   0 PAN          1 PAN length (bits 0..7) | expiry YYMM (8..23) | status code (24..31) | currency (32..47)
 *   2 credit limit 3 per-transaction limit  4 daily limit  5 used  6 spent today  7 day of "spent today"
 * </pre>
 * {@code used} is the credit in use: open holds plus captured minus refunded. Available credit
 * is {@code creditLimit - used}. Not thread-safe: owned by the single writer.
 */
public final class CardBook implements Snapshottable
{
    /** Returned when a PAN has no card. */
    public static final int NOT_FOUND = -1;

    private static final int RECORD = 8;
    private static final int PAN = 0;
    private static final int PACKED = 1;
    private static final int CREDIT_LIMIT = 2;
    private static final int PER_TRANSACTION_LIMIT = 3;
    private static final int DAILY_LIMIT = 4;
    private static final int USED = 5;
    private static final int SPENT_TODAY = 6;
    private static final int SPENT_DAY = 7;

    private final HashIndex indexByPan;
    private final PanMatcher panMatcher = new PanMatcher();
    private int count;
    private long[] records;

    /** A book sized for {@code expectedCards} before it first grows. */
    public CardBook(final int expectedCards)
    {
        final int capacity = Math.max(16, expectedCards);
        indexByPan = new HashIndex(capacity);
        records = new long[capacity * RECORD];
    }

    /** Number of cards. */
    public int count()
    {
        return count;
    }

    /** The card of this PAN, or {@link #NOT_FOUND}. */
    public int find(final long cardPan, final int length)
    {
        final int card = cardOf(cardPan);
        return card != NOT_FOUND && panLength(card) == length ? card : NOT_FOUND;
    }

    /** The PAN index slot a lookup of this PAN reads first (for a prefetch, see {@link HashIndex#slotOf}). */
    public int panSlot(final long cardPan)
    {
        return indexByPan.slotOf(panHash(cardPan));
    }

    /** Prefetch of a PAN index slot: returns the card it names (maybe another PAN's, or {@link #NOT_FOUND}). */
    public int touchPanSlot(final int slot)
    {
        return indexByPan.touch(slot);
    }

    /** Prefetch of a card's record; changes nothing. {@code card} may be {@link #NOT_FOUND}. */
    public long touchRecord(final int card)
    {
        return card == NOT_FOUND ? 0 : records[card * RECORD + USED];
    }

    private int cardOf(final long cardPan)
    {
        panMatcher.pan = cardPan;
        return indexByPan.get(panHash(cardPan), panMatcher);
    }

    /**
     * Creates the card or replaces its definition. Credit in use and today's spending stay:
     * replacing a card's limits does not forget money already held or spent.
     */
    public int upsert(final CardDefinition definition)
    {
        int card = cardOf(definition.pan());
        if (card == NOT_FOUND)
        {
            card = count;
            ensureCapacity(card + 1);
            count++;
            final int at = card * RECORD;
            records[at + PAN] = definition.pan();
            indexByPan.put(panHash(definition.pan()), card);
            records[at + USED] = 0;
            records[at + SPENT_TODAY] = 0;
            records[at + SPENT_DAY] = 0;
        }
        final int at = card * RECORD;
        records[at + PACKED] = pack(definition.panLength(), definition.expiry(), definition.status().code(),
            definition.currency());
        records[at + CREDIT_LIMIT] = definition.creditLimit();
        records[at + PER_TRANSACTION_LIMIT] = definition.perTransactionLimit();
        records[at + DAILY_LIMIT] = definition.dailyLimit();
        return card;
    }

    public long pan(final int card)
    {
        return records[card * RECORD + PAN];
    }

    public int panLength(final int card)
    {
        return (int)(records[card * RECORD + PACKED] & 0xFF);
    }

    /** Expiry on file, YYMM. */
    public int expiry(final int card)
    {
        return (int)((records[card * RECORD + PACKED] >>> 8) & 0xFFFF);
    }

    public CardStatus status(final int card)
    {
        return CardStatus.fromCode((int)(records[card * RECORD + PACKED] >>> 24));
    }

    public void setStatus(final int card, final CardStatus newStatus)
    {
        final long packed = records[card * RECORD + PACKED];
        records[card * RECORD + PACKED] = (packed & ~(0xFFL << 24)) | ((newStatus.code() & 0xFFL) << 24);
    }

    public int currency(final int card)
    {
        return (int)((records[card * RECORD + PACKED] >>> 32) & 0xFFFF);
    }

    public long creditLimit(final int card)
    {
        return records[card * RECORD + CREDIT_LIMIT];
    }

    public long perTransactionLimit(final int card)
    {
        return records[card * RECORD + PER_TRANSACTION_LIMIT];
    }

    public long dailyLimit(final int card)
    {
        return records[card * RECORD + DAILY_LIMIT];
    }

    /** Credit in use: open holds plus captured minus refunded. */
    public long used(final int card)
    {
        return records[card * RECORD + USED];
    }

    /** Credit limit minus credit in use; may be negative only if a limit was lowered below what is in use. */
    public long available(final int card)
    {
        return records[card * RECORD + CREDIT_LIMIT] - records[card * RECORD + USED];
    }

    /**
     * What was authorized on the card on local day {@code epochDay}; 0 for a later day. An earlier
     * day than the one on record (a request stamped before midnight that reached the single writer
     * after one stamped after it) reads as the day on record: the day only moves forward, so a late
     * arrival never reopens a daily limit.
     */
    public long spentOn(final int card, final int epochDay)
    {
        final int at = card * RECORD;
        return epochDay <= records[at + SPENT_DAY] ? records[at + SPENT_TODAY] : 0;
    }

    /** Takes credit for a new approved transaction charged on {@code epochDay} (or the later day on record). */
    public void hold(final int card, final long charged, final int epochDay)
    {
        final int at = card * RECORD;
        records[at + USED] += charged;
        if (epochDay > records[at + SPENT_DAY])
        {
            records[at + SPENT_DAY] = epochDay;
            records[at + SPENT_TODAY] = 0;
        }
        records[at + SPENT_TODAY] += charged;
    }

    /** Gives credit back (a released hold, the uncaptured rest, a refund). */
    public void release(final int card, final long amount)
    {
        records[card * RECORD + USED] -= amount;
    }

    /** Gives back daily spending of a transaction reversed on the day it was made. */
    public void unspend(final int card, final long charged, final int epochDay)
    {
        final int at = card * RECORD;
        if (records[at + SPENT_DAY] == epochDay)
        {
            records[at + SPENT_TODAY] = Math.max(0, records[at + SPENT_TODAY] - charged);
        }
    }

    /** Copies a card's figures into {@code view} for an answer; available credit shown as at least zero. */
    public void fill(final int card, final CardView view)
    {
        view.present = true;
        view.pan = pan(card);
        view.panLength = panLength(card);
        view.status = status(card);
        view.currency = currency(card);
        view.creditLimit = creditLimit(card);
        view.available = Math.max(0, available(card));
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
        for (int i = 0; i < count * RECORD; i++)
        {
            h = Hashing.combine(h, records[i]);
        }
        return h;
    }

    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeInt(count);
        out.writeLongs(records, count * RECORD);
    }

    /**
     * Replaces the cards with a snapshot's; refuses one holding a status code no {@link CardStatus}
     * has (written by a build with other codes, docs/journal.md "Format codes").
     */
    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        final int cards = in.readInt();
        ensureCapacity(cards);
        in.readLongs(records, cards * RECORD);
        indexByPan.clear();
        for (int card = 0; card < cards; card++)
        {
            if (status(card) == null)
            {
                throw new IllegalStateException("snapshot holds card " + card + " with status code " +
                    ((records[card * RECORD + PACKED] >>> 24) & 0xFF) + ", which no card status of this switch has");
            }
            indexByPan.put(panHash(records[card * RECORD + PAN]), card);
        }
        count = cards;
    }

    private static int panHash(final long cardPan)
    {
        return (int)Hashing.mix(cardPan);
    }

    /** Accepts the card whose record holds the PAN sought. */
    private final class PanMatcher implements HashIndex.Matcher
    {
        long pan;

        @Override
        public boolean matches(final int card)
        {
            return records[card * RECORD + PAN] == pan;
        }
    }

    private static long pack(final int panLength, final int expiry, final byte status, final int currency)
    {
        return (panLength & 0xFFL) | (expiry & 0xFFFFL) << 8 | (status & 0xFFL) << 24 | (currency & 0xFFFFL) << 32;
    }

    private void ensureCapacity(final int required)
    {
        if ((long)required * RECORD <= records.length)
        {
            return;
        }
        final int capacity = Math.max(required, records.length / RECORD * 2);
        records = Arrays.copyOf(records, capacity * RECORD);
    }
}
