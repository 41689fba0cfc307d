package org.payswitch.core.discount;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of a {@link CampaignDefinition}, shared by journal records and snapshots:
 * fields in declaration order, Java DataOutput conventions, the discount rule in its own form
 * ({@link DiscountRule#write}). Off the hot path.
 */
public final class CampaignCodec
{
    private CampaignCodec()
    {
    }

    /** The definition as bytes. */
    public static byte[] toBytes(final CampaignDefinition definition)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            write(out, definition);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The definition {@link #toBytes} wrote. */
    public static CampaignDefinition fromBytes(final byte[] bytes)
    {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes)))
        {
            return read(in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the definition's fields in declaration order. */
    public static void write(final DataOutput out, final CampaignDefinition campaign)
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
        campaign.discount().write(out);
        out.writeLong(campaign.perCardLimit());
        out.writeLong(campaign.perCardDailyLimit());
        out.writeLong(campaign.perCardMonthlyLimit());
        out.writeLong(campaign.budget());
        out.writeLong(campaign.dailyBudget());
        out.writeLong(campaign.maxRedemptions());
        out.writeLong(campaign.dailyMaxRedemptions());
        out.writeByte(campaign.onReversal().code());
    }

    /** Reads what {@link #write} wrote. */
    public static CampaignDefinition read(final DataInput in) throws IOException
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
        final DiscountRule rule = DiscountRule.read(in);
        return new CampaignDefinition(id, funder, bins, mccs, merchants, currency, startsAt, endsAt, minAmount, rule,
            in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
            OnReversal.fromCode(in.readByte()));
    }

    private static void writeStrings(final DataOutput out, final List<String> strings) throws IOException
    {
        out.writeInt(strings.size());
        for (final String s : strings)
        {
            out.writeUTF(s);
        }
    }

    private static List<String> readStrings(final DataInput in) throws IOException
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
