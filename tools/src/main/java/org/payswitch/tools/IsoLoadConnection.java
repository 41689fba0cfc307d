package org.payswitch.tools;

import java.util.concurrent.CountDownLatch;

import io.netty.channel.ChannelHandlerContext;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.gateway.iso.IsoFrameDecoder;
import org.payswitch.gateway.iso.IsoMessage;
import org.payswitch.gateway.iso.IsoWriter;

/**
 * ISO 8583 over TCP (docs/api.md section 4): 0100 authorizations, framed by a 2-byte length,
 * answers matched by DE 11 (STAN), so several may be in flight on one connection in any order.
 * Reads only DE 11 and DE 39 of an answer, and DE 54 when present (the instant discount), so it
 * also runs against a bare echo that answers with DE 11, 37, 41 and 39 alone.
 *
 * <p>Light on purpose, since it shares the cores with the switch it measures: answers arrive
 * decoded in place by the switch's own {@link IsoFrameDecoder} (no buffer per frame), and requests
 * go into the batch's {@link #requestBuffer}.
 */
final class IsoLoadConnection extends LoadConnection<IsoMessage>
{
    /** The largest STAN, so at most this many requests can be told apart in flight on one connection. */
    static final int MAX_STAN = 999_999;

    /** DE 54 entry: account type (2), amount type (2), currency (3), sign (1), amount (12). */
    private static final int DISCOUNT_ENTRY = 20;
    private static final int DISCOUNT_DIGITS = 12;

    private final IsoWriter writer = new IsoWriter();
    private final AsciiField amounts = new AsciiField(120);
    private final long[] dueAt = new long[MAX_STAN + 1];
    private final long[] sentAt = new long[MAX_STAN + 1];
    private long sequence;

    IsoLoadConnection(final LoadPlan plan, final int index, final RequestSource requests, final String[] merchantIds,
        final CountDownLatch done)
    {
        super(plan, index, requests, merchantIds, done);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final IsoMessage answer)
    {
        if (answer.status() != IsoMessage.OK)
        {
            answered(ctx, 0, 0, -1, 0);
            return;
        }
        final long stan = answer.numeric(11);
        long due = 0;
        long at = 0;
        if (stan > 0 && stan <= MAX_STAN)
        {
            due = dueAt[(int)stan];
            at = sentAt[(int)stan];
            dueAt[(int)stan] = 0;
        }
        final int code = answer.asciiDigits(39);
        answered(ctx, due, at, code < 0 ? 96 : code, discount(answer));
    }

    /** The instant discount of DE 54's first entry, minor units; 0 without DE 54. */
    private long discount(final IsoMessage answer)
    {
        if (!answer.has(54) || !answer.copyAscii(54, amounts) || amounts.length() < DISCOUNT_ENTRY)
        {
            return 0;
        }
        long value = 0;
        for (int i = DISCOUNT_ENTRY - DISCOUNT_DIGITS; i < DISCOUNT_ENTRY; i++)
        {
            final int digit = amounts.byteAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return 0;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    @Override
    protected void send(final ChannelHandlerContext ctx, final long dueNanos, final long nowNanos)
    {
        requests.next();
        final int stan = (int)(sequence++ % MAX_STAN) + 1;
        writer.begin(requestBuffer(ctx), 100, false)
            .llNumeric(2, requests.pan, 16)
            .numeric(3, 0)
            .numeric(4, requests.amount)
            .numeric(7, 1_111_000_000L)
            .numeric(11, stan)
            .numeric(12, 0)
            .numeric(13, 1111)
            .numeric(14, DemoData.EXPIRY)
            .llNumeric(32, 12_345, 5)
            .ascii(37, requests.rrn())
            .ascii(41, "LOADGEN1")
            .ascii(42, merchantIds[requests.merchant])
            .ascii(49, "156")
            .end();
        dueAt[stan] = dueNanos;
        sentAt[stan] = nowNanos;
    }
}
