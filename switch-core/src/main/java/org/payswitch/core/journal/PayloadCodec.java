package org.payswitch.core.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.payswitch.core.crypto.CardData;
import org.payswitch.core.crypto.CardDataCipher;
import org.payswitch.core.discount.CampaignCodec;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Binary form of operator payloads in journal records: a tag byte, then the fields in
 * declaration order (Java's DataOutput conventions, big-endian, modified UTF-8 strings);
 * campaigns in {@link CampaignCodec}'s form. A card's PAN, PAN length and expiry are one sealed
 * field ({@link JournalCards}) in records of version 4; versions 2 and 3 held them in clear and
 * are still read. Operator commands are rare, so this favours clarity over zero allocation.
 */
public final class PayloadCodec
{
    private static final int NONE = 0;
    private static final int CARD = 1;
    private static final int MERCHANT = 2;
    private static final int CAMPAIGN = 3;
    private static final int CARD_STATUS = 4;
    private static final int TEXT = 5;
    /** Bytes of a card's PAN (8), PAN length (1) and expiry (4) in clear, before its status (versions 2, 3). */
    private static final int CARD_IN_CLEAR = 13;

    private PayloadCodec()
    {
    }

    /**
     * The bytes of the command's operator argument (its one typed payload field that is set), in
     * the form of the current record version; card data sealed with {@code cards}.
     */
    public static byte[] encode(final SwitchCommand command, final JournalCards cards)
    {
        if (!command.hasPayload())
        {
            return new byte[0];
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            if (command.cardDefinition != null)
            {
                final CardDefinition card = command.cardDefinition;
                out.writeByte(CARD);
                final byte[] sealed = new byte[CardDataCipher.SEALED_LENGTH];
                cards.seal(card.pan(), card.panLength(), card.expiry(), new UnsafeBuffer(sealed), 0);
                out.write(sealed);
                out.writeByte(card.status().code());
                out.writeInt(card.currency());
                out.writeLong(card.creditLimit());
                out.writeLong(card.perTransactionLimit());
                out.writeLong(card.dailyLimit());
            }
            else if (command.merchantDefinition != null)
            {
                final MerchantDefinition merchant = command.merchantDefinition;
                out.writeByte(MERCHANT);
                out.writeUTF(merchant.merchantId());
                out.writeUTF(merchant.name());
                out.writeInt(merchant.mcc());
                out.writeBoolean(merchant.enabled());
            }
            else if (command.campaignDefinition != null)
            {
                final CampaignDefinition campaign = command.campaignDefinition;
                out.writeByte(CAMPAIGN);
                CampaignCodec.write(out, campaign);
            }
            else if (command.cardStatus != null)
            {
                final CardStatus status = command.cardStatus;
                out.writeByte(CARD_STATUS);
                out.writeByte(status.code());
            }
            else
            {
                out.writeByte(TEXT);
                out.writeUTF(command.campaignId);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Sets the command's payload field from {@code bytes} as a record of {@code version} encoded
     * it (none for no bytes); a card's sealed data opened with {@code cards}.
     */
    public static void decode(
        final byte[] bytes, final int version, final JournalCards cards, final SwitchCommand command)
    {
        if (bytes.length == 0)
        {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes)))
        {
            final int tag = in.readByte();
            switch (tag)
            {
                case CARD -> command.cardDefinition =
                    version < JournalRecord.VERSION ? readCardInClear(in) : readSealedCard(in, cards);
                case MERCHANT -> command.merchantDefinition =
                    new MerchantDefinition(in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean());
                case CAMPAIGN -> command.campaignDefinition = CampaignCodec.read(in);
                case CARD_STATUS -> command.cardStatus = CardStatus.fromCode(in.readByte());
                case TEXT -> command.campaignId = in.readUTF();
                case NONE ->
                {
                }
                default -> throw new IllegalStateException("unknown payload tag " + tag);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with the {@code length} payload bytes at {@code offset} of a record of
     * {@code version}, or null when nothing is: an unknown tag, a card status code no status has,
     * a campaign definition that does not read or whose on-reversal code no value has. Codes of
     * another build are refused here, before replay, as a damaged record is (docs/journal.md,
     * "Format codes"). Reads no sealed field, so needs no key; a campaign is decoded (operator
     * commands are rare).
     */
    static String problem(final DirectBuffer view, final int offset, final int length, final int version)
    {
        if (length == 0)
        {
            return null;
        }
        final int tag = view.getByte(offset);
        return switch (tag)
        {
            case CARD -> cardStatusProblem(view, offset, length,
                1 + (version < JournalRecord.VERSION ? CARD_IN_CLEAR : CardDataCipher.SEALED_LENGTH));
            case CARD_STATUS -> cardStatusProblem(view, offset, length, 1);
            case CAMPAIGN -> campaignProblem(view, offset, length);
            case NONE, MERCHANT, TEXT -> null;
            default -> "has payload tag " + tag + ", which no payload of this switch has";
        };
    }

    private static String cardStatusProblem(final DirectBuffer view, final int offset, final int length, final int at)
    {
        if (at >= length)
        {
            return "has a card payload of " + length + " bytes, too short for its status";
        }
        final byte code = view.getByte(offset + at);
        return CardStatus.fromCode(code) == null ?
            "has card status code " + (code & 0xFF) + " in its payload, which no card status of this switch has" : null;
    }

    private static String campaignProblem(final DirectBuffer view, final int offset, final int length)
    {
        final byte[] bytes = new byte[length - 1];
        view.getBytes(offset + 1, bytes);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes)))
        {
            return CampaignCodec.read(in).onReversal() == null ?
                "holds a campaign whose on-reversal code no value of this switch has" : null;
        }
        catch (final IOException | RuntimeException e)
        {
            return "holds a campaign definition that does not read (" + e + ")";
        }
    }

    private static CardDefinition readCardInClear(final DataInputStream in) throws IOException
    {
        return new CardDefinition(in.readLong(), in.readByte(), in.readInt(),
            CardStatus.fromCode(in.readByte()), in.readInt(), in.readLong(), in.readLong(), in.readLong());
    }

    private static CardDefinition readSealedCard(final DataInputStream in, final JournalCards cards) throws IOException
    {
        final byte[] sealed = new byte[CardDataCipher.SEALED_LENGTH];
        in.readFully(sealed);
        final CardData card = cards.open(new UnsafeBuffer(sealed), 0);
        return new CardDefinition(card.pan, card.panLength, card.expiry,
            CardStatus.fromCode(in.readByte()), in.readInt(), in.readLong(), in.readLong(), in.readLong());
    }
}
