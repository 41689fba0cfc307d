package org.payswitch.core.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.MerchantDefinition;

/**
 * Binary form of operator payloads in journal records: a tag byte, then the fields in
 * declaration order (Java's DataOutput conventions, big-endian, modified UTF-8 strings).
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

    private static final int FIXED = 0;
    private static final int PERCENT = 1;
    private static final int RANDOM = 2;
    private static final int TIERED = 3;

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
                writeCampaign(out, campaign);
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
                case CAMPAIGN -> readCampaign(in);
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

    private static void writeCampaign(final DataOutputStream out, final CampaignDefinition campaign)
        throws IOException
    {
        out.writeUTF(campaign.campaignId());
        out.writeUTF(campaign.funder());
        writeStrings(out, campaign.binPrefixes());
        out.writeInt(campaign.mccs().size());
        for (final Integer mcc : campaign.mccs())
        {
            out.writeInt(mcc);
        }
        writeStrings(out, campaign.merchantIds());
        out.writeInt(campaign.currency());
        out.writeUTF(campaign.startsAt().toString());
        out.writeUTF(campaign.endsAt().toString());
        out.writeLong(campaign.minAmount());
        writeRule(out, campaign.discount());
        out.writeLong(campaign.perCardLimit());
        out.writeLong(campaign.perCardDailyLimit());
        out.writeLong(campaign.perCardMonthlyLimit());
        out.writeLong(campaign.budget());
        out.writeLong(campaign.dailyBudget());
        out.writeLong(campaign.maxRedemptions());
        out.writeLong(campaign.dailyMaxRedemptions());
        out.writeByte(campaign.onReversal().ordinal());
    }

    private static CampaignDefinition readCampaign(final DataInputStream in) throws IOException
    {
        final String id = in.readUTF();
        final String funder = in.readUTF();
        final List<String> bins = readStrings(in);
        final int mccCount = in.readInt();
        final List<Integer> mccs = new ArrayList<>(mccCount);
        for (int i = 0; i < mccCount; i++)
        {
            mccs.add(in.readInt());
        }
        final List<String> merchants = readStrings(in);
        final int currency = in.readInt();
        final OffsetDateTime startsAt = OffsetDateTime.parse(in.readUTF());
        final OffsetDateTime endsAt = OffsetDateTime.parse(in.readUTF());
        final long minAmount = in.readLong();
        final DiscountRule rule = readRule(in);
        return new CampaignDefinition(id, funder, bins, mccs, merchants, currency, startsAt, endsAt, minAmount, rule,
            in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
            OnReversal.values()[in.readByte()]);
    }

    private static void writeRule(final DataOutputStream out, final DiscountRule rule) throws IOException
    {
        if (rule instanceof DiscountRule.Fixed fixed)
        {
            out.writeByte(FIXED);
            out.writeLong(fixed.amount());
        }
        else if (rule instanceof DiscountRule.Percent percent)
        {
            out.writeByte(PERCENT);
            out.writeInt(percent.basisPoints());
            out.writeLong(percent.cap());
        }
        else if (rule instanceof DiscountRule.RandomAmount random)
        {
            out.writeByte(RANDOM);
            out.writeLong(random.min());
            out.writeLong(random.max());
        }
        else
        {
            final DiscountRule.Tiered tiered = (DiscountRule.Tiered)rule;
            out.writeByte(TIERED);
            out.writeInt(tiered.tiers().size());
            for (final DiscountRule.Tier tier : tiered.tiers())
            {
                out.writeLong(tier.minAmount());
                out.writeLong(tier.amount());
            }
        }
    }

    private static DiscountRule readRule(final DataInputStream in) throws IOException
    {
        final int type = in.readByte();
        switch (type)
        {
            case FIXED:
                return new DiscountRule.Fixed(in.readLong());
            case PERCENT:
                return new DiscountRule.Percent(in.readInt(), in.readLong());
            case RANDOM:
                return new DiscountRule.RandomAmount(in.readLong(), in.readLong());
            case TIERED:
                final int count = in.readInt();
                final List<DiscountRule.Tier> tiers = new ArrayList<>(count);
                for (int i = 0; i < count; i++)
                {
                    tiers.add(new DiscountRule.Tier(in.readLong(), in.readLong()));
                }
                return new DiscountRule.Tiered(tiers);
            default:
                throw new IllegalStateException("unknown discount type " + type);
        }
    }

    private static void writeStrings(final DataOutputStream out, final List<String> strings) throws IOException
    {
        out.writeInt(strings.size());
        for (final String s : strings)
        {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(final DataInputStream in) throws IOException
    {
        final int count = in.readInt();
        final List<String> strings = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            strings.add(in.readUTF());
        }
        return strings;
    }
}
