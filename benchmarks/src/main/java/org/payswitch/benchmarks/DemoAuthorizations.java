package org.payswitch.benchmarks;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

/**
 * The benchmarks' authorizations on the demo data: authorization {@code key} is always the same
 * content (merchant, 12-digit order id, card of BIN 518888, amount 10.00-20.23 CNY), so sending a
 * key again is an idempotent retry. Fills a reused command without allocating.
 */
final class DemoAuthorizations
{
    private static final int ORDER_ID_LENGTH = 12;

    private final String[] merchants = new String[DemoData.MERCHANTS];
    private final long[] pans = new long[AuthorizeBenchmark.CARDS / 4];
    private final byte[] orderId = new byte[ORDER_ID_LENGTH];

    DemoAuthorizations()
    {
        for (int j = 0; j < merchants.length; j++)
        {
            merchants[j] = DemoData.merchantId(j);
        }
        for (int i = 0; i < pans.length; i++)
        {
            pans[i] = DemoData.pan(4 * i + 3);
        }
        if (!DemoData.panText(3).startsWith(AuthorizeBenchmark.NO_CAMPAIGN_BIN))
        {
            throw new IllegalStateException("card 3 is not of BIN " + AuthorizeBenchmark.NO_CAMPAIGN_BIN + ": " +
                DemoData.panText(3));
        }
    }

    /** Authorization {@code key} at event time derived from {@code step}, written into {@code c}. */
    void fill(final SwitchCommand c, final long key, final long step)
    {
        c.type = CommandType.AUTHORIZE;
        c.timestamp = AuthorizeBenchmark.MIDNIGHT + (step >> 10);
        c.merchantId.set(merchants[(int)(key % DemoData.MERCHANTS)]);
        long digits = key;
        for (int i = ORDER_ID_LENGTH - 1; i >= 0; i--)
        {
            orderId[i] = (byte)('0' + digits % 10);
            digits /= 10;
        }
        c.orderId.set(orderId, 0, ORDER_ID_LENGTH);
        c.pan = pans[(int)(key % pans.length)];
        c.panLength = 16;
        c.expiry = DemoData.EXPIRY;
        c.amount = 1_000 + (key & 1_023);
        c.currency = DemoData.CNY;
        c.mcc = SwitchCommand.NO_MCC;
        c.capture = false;
    }
}
