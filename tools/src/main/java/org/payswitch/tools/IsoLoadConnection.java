package org.payswitch.tools;

import java.util.concurrent.CountDownLatch;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import org.payswitch.core.demo.DemoData;
import org.payswitch.gateway.iso.IsoMessage;
import org.payswitch.gateway.iso.IsoWriter;

/**
 * ISO 8583 over TCP (docs/api.md section 4): 0100 authorizations, framed by a 2-byte length,
 * answers matched by DE 11 (STAN), so several may be in flight on one connection in any order.
 */
final class IsoLoadConnection extends LoadConnection<ByteBuf>
{
    private static final int MAX_STAN = 999_999;

    private final IsoWriter writer = new IsoWriter();
    private final IsoMessage answer = new IsoMessage();
    private final long[] sentAt = new long[MAX_STAN + 1];
    private long sequence;

    IsoLoadConnection(final int window, final RequestSource requests, final String[] merchantIds, final CountDownLatch done)
    {
        super(window, requests, merchantIds, done);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final ByteBuf frame)
    {
        if (answer.decode(frame) != IsoMessage.OK)
        {
            answered(ctx, 0, -1);
            return;
        }
        final long stan = answer.numeric(11);
        long at = 0;
        if (stan > 0 && stan <= MAX_STAN)
        {
            at = sentAt[(int)stan];
            sentAt[(int)stan] = 0;
        }
        final int code = answer.asciiDigits(39);
        answered(ctx, at, code < 0 ? 96 : code);
    }

    @Override
    protected void send(final ChannelHandlerContext ctx)
    {
        requests.next();
        final int stan = (int)(sequence++ % MAX_STAN) + 1;
        final ByteBuf out = ctx.alloc().ioBuffer(160);
        writer.begin(out, 100, false)
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
        sentAt[stan] = System.nanoTime();
        ctx.write(out, ctx.voidPromise());
    }
}
