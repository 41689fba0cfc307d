package org.payswitch.core.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.payswitch.core.crypto.CardData;
import org.payswitch.core.crypto.CardDataCipher;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.crypto.KeyFileException;

/**
 * The card data of journal records that is not in the card book: sealed by the writer into
 * {@value CardDataCipher#SEALED_LENGTH}-byte fields ({@link CardDataCipher}), opened by the
 * readers (recovery, the tools) with the data keys of the journal's data folder. A reader opens
 * its data key ring on the first sealed field it meets, so a journal holding none (version 3,
 * or only cards on file) reads without any key. One thread.
 */
public final class JournalCards
{
    private final CardKeys keys;
    private final CardData data = new CardData();
    private CardDataCipher cipher;

    private JournalCards(final CardKeys keys, final CardDataCipher cipher)
    {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** The writer's: seals under {@code ring}'s data key for this run. */
    public static JournalCards forWriting(final DataKeyRing ring)
    {
        return new JournalCards(null, new CardDataCipher(ring));
    }

    /** A reader's: opens with the data keys of {@code keys}, read when first needed. */
    public static JournalCards forReading(final CardKeys keys)
    {
        return new JournalCards(keys, null);
    }

    /** Seals a PAN, its length and an expiry into {@code buffer} at {@code offset}. */
    void seal(final long pan, final int panLength, final int expiry, final MutableDirectBuffer buffer, final int offset)
    {
        cipher.seal(pan, panLength, expiry, buffer, offset);
    }

    /**
     * Opens the sealed field at {@code offset}; the result is valid until the next call.
     *
     * @throws KeyFileException naming the key file when the keys are missing or do not open it
     */
    CardData open(final DirectBuffer buffer, final int offset)
    {
        if (cipher == null)
        {
            cipher = new CardDataCipher(keys.openForReading());
        }
        if (!cipher.open(buffer, offset, data))
        {
            throw new KeyFileException("card data sealed under data key " + CardDataCipher.keyIdOf(buffer, offset) +
                " does not open with the data keys of " + (keys == null ? "this writer" :
                keys.ringFolder().resolve(DataKeyRing.FILE_NAME) + " under " + keys.describe()) +
                ": a data key ring of another data folder, or an altered field");
        }
        return data;
    }
}
