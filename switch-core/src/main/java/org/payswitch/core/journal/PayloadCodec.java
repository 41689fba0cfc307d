package org.payswitch.core.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.payswitch.core.discount.CampaignCodec;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.MerchantDefinition;

/**
 * Binary form of operator payloads in journal records: a tag byte, then the fields in
 * declaration order (Java's DataOutput conventions, big-endian, modified UTF-8 strings);
 * campaigns in {@link CampaignCodec}'s form.
 * Operator commands are rare, so this favours clarity over zero allocation.
 */
public final class PayloadCodec
{
    private static final int NONE = 0;
    private static final int CARD = 1;
    private static final int MERCHANT = 2;
    private static final int CAMPAIGN = 3;
    private static final int CARD_STATUS = 4;
    private static final int TEXT = 5;

    private PayloadCodec()
    {
    }

    /** The payload's bytes; empty for none. */
    public static byte[] encode(final Object payload)
    {
        if (payload == null)
        {
            return new byte[0];
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            if (payload instanceof CardDefinition card)
            {
                out.writeByte(CARD);
                out.writeLong(card.pan());
                out.writeByte(card.panLength());
                out.writeInt(card.expiry());
                out.writeByte(card.status().ordinal());
                out.writeInt(card.currency());
                out.writeLong(card.creditLimit());
                out.writeLong(card.perTransactionLimit());
                out.writeLong(card.dailyLimit());
            }
            else if (payload instanceof MerchantDefinition merchant)
            {
                out.writeByte(MERCHANT);
                out.writeUTF(merchant.merchantId());
                out.writeUTF(merchant.name());
                out.writeInt(merchant.mcc());
                out.writeBoolean(merchant.enabled());
            }
            else if (payload instanceof CampaignDefinition campaign)
            {
                out.writeByte(CAMPAIGN);
                CampaignCodec.write(out, campaign);
            }
            else if (payload instanceof CardStatus status)
            {
                out.writeByte(CARD_STATUS);
                out.writeByte(status.ordinal());
            }
            else if (payload instanceof String text)
            {
                out.writeByte(TEXT);
                out.writeUTF(text);
            }
            else
            {
                throw new IllegalArgumentException("no journal form for " + payload.getClass().getName());
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The payload encoded in {@code bytes}, or null for none. */
    public static Object decode(final byte[] bytes)
    {
        if (bytes.length == 0)
        {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes)))
        {
            final int tag = in.readByte();
            return switch (tag)
            {
                case CARD -> new CardDefinition(in.readLong(), in.readByte(), in.readInt(),
                    CardStatus.fromOrdinal(in.readByte()), in.readInt(), in.readLong(), in.readLong(), in.readLong());
                case MERCHANT -> new MerchantDefinition(in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean());
                case CAMPAIGN -> CampaignCodec.read(in);
                case CARD_STATUS -> CardStatus.fromOrdinal(in.readByte());
                case TEXT -> in.readUTF();
                case NONE -> null;
                default -> throw new IllegalStateException("unknown payload tag " + tag);
            };
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
