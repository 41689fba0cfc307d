package org.payswitch.tools;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;
import org.payswitch.core.journal.JournalRecord;

/**
 * The settlement report's rows: one per (merchant id, currency), numbered in order of first
 * appearance. A record's merchant id (at most 15 ASCII bytes) is looked up straight from the
 * journal's bytes as two longs, masked to its length, in an open-addressing table: no String and
 * no object per look-up; only a new row makes its id's String.
 */
final class MerchantRows
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final List<String> merchantIds = new ArrayList<>();
    private final List<Integer> currencies = new ArrayList<>();
    private long[] lows = new long[1024];
    private long[] highs = new long[1024];
    private int[] keyCurrencies = new int[1024];
    private int[] slots = filled(1024);
    private int count;

    /** Number of rows. */
    int count()
    {
        return count;
    }

    String merchantId(final int row)
    {
        return merchantIds.get(row);
    }

    /** The ISO 4217 numeric currency of the row. */
    int currency(final int row)
    {
        return currencies.get(row);
    }

    /** The row of the merchant id of the record at {@code offset} and {@code currency}, added when new. */
    int of(final DirectBuffer buffer, final int offset, final int currency)
    {
        final int at = offset + JournalRecord.MERCHANT_ID_OFFSET;
        final int length = buffer.getByte(offset + JournalRecord.MERCHANT_ID_LENGTH_OFFSET) & 0xFF;
        final long low = length == 0 ? 0 : buffer.getLong(at, ORDER) & mask(Math.min(length, 8));
        final long high = (length > 8 ? buffer.getLong(at + 8, ORDER) & mask(length - 8) : 0) | (long)length << 56;
        final int mask = slots.length - 1;
        int slot = slotOf(low, high, currency) & mask;
        while (slots[slot] >= 0)
        {
            final int row = slots[slot];
            if (lows[row] == low && highs[row] == high && keyCurrencies[row] == currency)
            {
                return row;
            }
            slot = (slot + 1) & mask;
        }
        return add(buffer, at, length, low, high, currency, slot);
    }

    private int add(
        final DirectBuffer buffer, final int at, final int length, final long low, final long high, final int currency,
        final int slot)
    {
        final int row = count++;
        if (row == lows.length)
        {
            lows = Arrays.copyOf(lows, row * 2);
            highs = Arrays.copyOf(highs, row * 2);
            keyCurrencies = Arrays.copyOf(keyCurrencies, row * 2);
        }
        lows[row] = low;
        highs[row] = high;
        keyCurrencies[row] = currency;
        final byte[] id = new byte[length];
        buffer.getBytes(at, id, 0, length);
        merchantIds.add(new String(id, StandardCharsets.ISO_8859_1));
        currencies.add(currency);
        slots[slot] = row;
        if (count * 2 > slots.length)
        {
            rehash();
        }
        return row;
    }

    private void rehash()
    {
        slots = filled(slots.length * 2);
        final int mask = slots.length - 1;
        for (int row = 0; row < count; row++)
        {
            int slot = slotOf(lows[row], highs[row], keyCurrencies[row]) & mask;
            while (slots[slot] >= 0)
            {
                slot = (slot + 1) & mask;
            }
            slots[slot] = row;
        }
    }

    /** A multiplicative hash of the key: the high bits of one product, cheap enough to run per record. */
    private static int slotOf(final long low, final long high, final int currency)
    {
        return (int)(((low * 0x9E3779B97F4A7C15L) ^ (high + currency) * 0xC2B2AE3D27D4EB4FL) >>> 40);
    }

    private static long mask(final int bytes)
    {
        return bytes >= 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    private static int[] filled(final int size)
    {
        final int[] slots = new int[size];
        Arrays.fill(slots, -1);
        return slots;
    }
}
