package org.payswitch.tools;

import java.util.Arrays;

/**
 * The campaign report's sums, per campaign number over the whole journal, as the switch's
 * {@code Campaign} keeps them: redemptions and discount granted (gross: every approved discounted
 * authorization), and what RESTORE gave back on a reversal, an expiry or a full refund. Net owed by
 * the funder is granted minus given back (under CONSUME nothing is given back).
 */
final class CampaignTotals implements LedgerEvents
{
    private long[] redemptions = new long[16];
    private long[] granted = new long[16];
    private long[] restoredRedemptions = new long[16];
    private long[] restored = new long[16];

    long redemptions(final int campaign)
    {
        return campaign < redemptions.length ? redemptions[campaign] : 0;
    }

    long granted(final int campaign)
    {
        return campaign < granted.length ? granted[campaign] : 0;
    }

    long restoredRedemptions(final int campaign)
    {
        return campaign < restoredRedemptions.length ? restoredRedemptions[campaign] : 0;
    }

    long restored(final int campaign)
    {
        return campaign < restored.length ? restored[campaign] : 0;
    }

    /** One more than the highest campaign number that redeemed anything. */
    int campaigns()
    {
        for (int c = redemptions.length - 1; c >= 0; c--)
        {
            if (redemptions[c] != 0)
            {
                return c + 1;
            }
        }
        return 0;
    }

    @Override
    public void authorized(
        final int txn, final int row, final long time, final long amount, final long discount, final int campaign,
        final boolean sale)
    {
        if (campaign < 0)
        {
            return;
        }
        grow(campaign);
        redemptions[campaign]++;
        granted[campaign] += discount;
    }

    @Override
    public void captured(final int txn, final int row, final long time, final long amount)
    {
    }

    @Override
    public void refunded(final int txn, final int row, final long time, final long amount)
    {
    }

    @Override
    public void reversed(final int txn, final int row, final long time, final long charged)
    {
    }

    @Override
    public void expired(final int txn, final int row, final long time, final long charged)
    {
    }

    @Override
    public void discountRestored(final int campaign, final long time, final long discount)
    {
        grow(campaign);
        restoredRedemptions[campaign]++;
        restored[campaign] += discount;
    }

    private void grow(final int campaign)
    {
        if (campaign >= redemptions.length)
        {
            final int size = Math.max(campaign + 1, redemptions.length * 2);
            redemptions = Arrays.copyOf(redemptions, size);
            granted = Arrays.copyOf(granted, size);
            restoredRedemptions = Arrays.copyOf(restoredRedemptions, size);
            restored = Arrays.copyOf(restored, size);
        }
    }
}
