package org.payswitch.tools;

import java.util.concurrent.CountDownLatch;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.HdrHistogram.Histogram;
import org.payswitch.core.demo.DemoData;
import org.payswitch.gateway.iso.IsoMessage;
import org.payswitch.gateway.iso.IsoWriter;

/**
 * One ISO 8583 connection of the load generator: keeps {@code window} 0100 authorizations in
 * flight (closed loop: each answer sends the next request), matches answers by DE 11, and
 * records the latency of every answer received while {@link #measuring} is set. Runs on its
 * Netty event loop; the driving thread only flips the volatile flags and reads the results
 * after {@link #done} is counted down.
 */
final class IsoLoadConnection extends SimpleChannelInboundHandler<ByteBuf>
{
    private static final int MAX_STAN = 999_999;
    private static final long MAX_LATENCY_NANOS = 60_000_000_000L;

    private final int window;
    private final RequestSource requests;
    private final String[] merchantIds;
    private final IsoWriter writer = new IsoWriter();
    private final IsoMessage answer = new IsoMessage();
    private final long[] sentAt = new long[MAX_STAN + 1];
    private final CountDownLatch done;

    /** Latency of the answers received while measuring, nanoseconds. */
    final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    /** Answers by DE 39 (00..99) received while measuring. */
    final long[] codes = new long[100];
    long sent;
    long answered;
    long measured;
    long unmatched;
    long unreadable;

    volatile boolean sending = true;
    volatile boolean measuring;
    private long sequence;
    private boolean finished;
    private volatile ChannelHandlerContext context;

    IsoLoadConnection(final int window, final RequestSource requests, final String[] merchantIds, final CountDownLatch done)
    {
        super(true);
        this.window = window;
        this.requests = requests;
        this.merchantIds = merchantIds;
        this.done = done;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        context = ctx;
        for (int i = 0; i < window; i++)
        {
            send(ctx);
        }
        ctx.flush();
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final ByteBuf frame)
    {
        final long now = System.nanoTime();
        answered++;
        if (answer.decode(frame) != IsoMessage.OK)
        {
            unreadable++;
        }
        else
        {
            final int stan = (int)answer.numeric(11);
            final long at = stan > 0 && stan <= MAX_STAN ? sentAt[stan] : 0;
            if (at == 0)
            {
                unmatched++;
            }
            else
            {
                sentAt[stan] = 0;
                if (measuring)
                {
                    latency.recordValue(Math.min(MAX_LATENCY_NANOS, now - at));
                    final int code = answer.asciiDigits(39);
                    codes[code >= 0 && code < 100 ? code : 96]++;
                    measured++;
                }
            }
        }
        if (sending)
        {
            send(ctx);
        }
        else
        {
            finishIfAllAnswered();
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        finish();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    /** Stops sending; counts {@link #done} down once every request sent is answered (on the event loop). */
    void stopSending()
    {
        sending = false;
        final ChannelHandlerContext ctx = context;
        if (ctx == null)
        {
            done.countDown();
            return;
        }
        ctx.executor().execute(this::finishIfAllAnswered);
    }

    private void finishIfAllAnswered()
    {
        if (answered >= sent)
        {
            finish();
        }
    }

    private void finish()
    {
        if (!finished)
        {
            finished = true;
            done.countDown();
        }
    }

    private void send(final ChannelHandlerContext ctx)
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
        sent++;
        ctx.write(out, ctx.voidPromise());
    }
}
