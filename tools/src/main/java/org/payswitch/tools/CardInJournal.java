package org.payswitch.tools;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.collections.LongHashSet;
import org.payswitch.core.crypto.KeyFileException;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.PayloadCodec;

/**
 * Which authorization records of a journal are one card's, found as the engine finds its cards.
 * A version 4 record of an approved authorization names its card by number in the card book
 * (docs/journal.md: "card on file", flag 4), not by PAN; card numbers are the order in which cards
 * were first defined. So this follows the definitions in journal order, as the card book numbers
 * them ({@code CardBook.upsert}): an approved LOAD_DEMO_DATA defines demo cards 0 to N-1
 * (docs/api.md section 5), an approved UPSERT_CARD the PAN sealed in its payload (opened with the
 * switch's card keys: the one thing here that needs them); a PAN already defined keeps its number.
 * The card's number is the count of cards defined before it. Versions 2 and 3 hold the PAN in
 * clear and are compared by PAN.
 *
 * <p>Every other record naming a card by sealed data (a PAN not on file, another expiry, a 96) is a
 * decline, never a transaction of the bill, so none is opened. The check of an authorization is
 * one comparison of the truncated PAN for nearly every record, then the card number.
 */
final class CardInJournal
{
    /** The card's number before its definition was read (or when the journal holds none). */
    static final int NOT_DEFINED = -1;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int DEMO_PAN_LENGTH = 16;
    private static final long DEMO_INDEX_RANGE = 1_000_000_000L;

    private final PanInput.Card card;
    private final long truncated;
    private final JournalCards keys;
    private final LongHashSet upserted = new LongHashSet();
    private final SwitchCommand scratch = new SwitchCommand();
    private int demoCards;
    private int count;
    private int number = NOT_DEFINED;

    /** The card {@code card}, whose definitions are opened with {@code keys}. */
    CardInJournal(final PanInput.Card card, final JournalCards keys)
    {
        this.card = card;
        this.truncated = card.truncated();
        this.keys = keys;
    }

    /** The card's number in the card book, or {@link #NOT_DEFINED} when no record read so far defined it. */
    int number()
    {
        return number;
    }

    /** Cards defined so far. */
    int cards()
    {
        return count;
    }

    /**
     * An approved LOAD_DEMO_DATA of {@code cards} demo cards: those not yet defined take the next
     * numbers, in order. With no card upserted before, all of them are new and the card's number is
     * worked out without going through a million PANs.
     */
    void loadDemo(final int cards)
    {
        if (cards <= demoCards)
        {
            return;
        }
        if (upserted.isEmpty())
        {
            final long index = demoIndex(card.pan());
            if (number == NOT_DEFINED && card.length() == DEMO_PAN_LENGTH && index >= demoCards && index < cards)
            {
                number = count + (int)(index - demoCards);
            }
            count += cards - demoCards;
            demoCards = cards;
            return;
        }
        for (int i = demoCards; i < cards; i++)
        {
            final long pan = DemoData.pan(i);
            if (upserted.contains(pan))
            {
                continue;
            }
            if (number == NOT_DEFINED && pan == card.pan() && card.length() == DEMO_PAN_LENGTH)
            {
                number = count;
            }
            count++;
        }
        demoCards = cards;
    }

    /**
     * The approved UPSERT_CARD record at {@code offset} (journal index {@code index}): a PAN not
     * defined before takes the next number.
     *
     * @throws KeyFileException naming the record and the key file, when the keys do not open its card data
     */
    void upsert(final DirectBuffer buffer, final int offset, final long index)
    {
        final byte[] payload = new byte[JournalRecord.payloadLength(buffer, offset)];
        buffer.getBytes(offset + JournalRecord.payloadOffset(buffer, offset), payload);
        scratch.reset();
        try
        {
            PayloadCodec.decode(payload, JournalRecord.version(buffer, offset), keys, scratch);
        }
        catch (final KeyFileException e)
        {
            throw new KeyFileException("journal record " + Long.toHexString(index) + " (a card definition): " +
                e.getMessage(), e);
        }
        if (scratch.cardDefinition == null)
        {
            return;
        }
        final long pan = scratch.cardDefinition.pan();
        if (defined(pan))
        {
            return;
        }
        if (number == NOT_DEFINED && pan == card.pan() && scratch.cardDefinition.panLength() == card.length())
        {
            number = count;
        }
        upserted.add(pan);
        count++;
    }

    /** True when the AUTHORIZE record at {@code offset} names this card as a card on file (or by its PAN in clear). */
    boolean authorizes(final DirectBuffer buffer, final int offset)
    {
        if (JournalRecord.truncatedPan(buffer, offset) != truncated)
        {
            return false;
        }
        if (JournalRecord.version(buffer, offset) < JournalRecord.VERSION)
        {
            return buffer.getLong(offset + JournalRecord.PAN_OFFSET, ORDER) == card.pan() &&
                buffer.getByte(offset + JournalRecord.PAN_LENGTH_OFFSET) == card.length();
        }
        return number != NOT_DEFINED && buffer.getInt(offset + JournalRecord.CARD_NUMBER_OFFSET, ORDER) == number;
    }

    private boolean defined(final long pan)
    {
        if (upserted.contains(pan))
        {
            return true;
        }
        final long index = demoIndex(pan);
        return index >= 0 && index < demoCards;
    }

    /** The demo card whose PAN {@code pan} is (docs/api.md section 5), or -1 when it is none. */
    private static long demoIndex(final long pan)
    {
        if (pan < 0)
        {
            return -1;
        }
        final long index = pan / 10 % DEMO_INDEX_RANGE;
        return DemoData.pan((int)index) == pan ? index : -1;
    }
}
