package org.payswitch.tools;

import java.util.concurrent.CountDownLatch;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.HdrHistogram.Histogram;

/**
 * One connection of the load generator, whatever its protocol: keeps {@code window} requests in
 * flight (closed loop: each answer sends the next request), counts answers by response code and
 * records their latency while {@link #measuring} is set. Runs on its Netty event loop; the driving
 * thread only flips the volatile flags, and reads the counters after {@link #done} is counted down.
 *
 * @param <A> what the pipeline hands over for one answer
 */
abstract class LoadConnection<A> extends SimpleChannelInboundHandler<A>
{
    private static final long MAX_LATENCY_NANOS = 60_000_000_000L;

    protected final int window;
    protected final RequestSource requests;
    protected final String[] merchantIds;
    private final CountDownLatch done;

    /** Latency of the answers received while measuring, nanoseconds. */
    final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    /** Answers by response code (00..99) received while measuring. */
    final long[] codes = new long[100];
    long sent;
    long answered;
    long measured;
    long unmatched;
    long unreadable;

    volatile boolean sending = true;
    volatile boolean measuring;
    private boolean finished;
    private volatile ChannelHandlerContext context;

    LoadConnection(final int window, final RequestSource requests, final String[] merchantIds, final CountDownLatch done)
    {
        super(true);
        this.window = window;
        this.requests = requests;
        this.merchantIds = merchantIds;
        this.done = done;
    }

    /** Writes the next request (not flushed) and notes when, so its answer can be matched. */
    protected abstract void send(ChannelHandlerContext ctx);

    @Override
    public final void channelActive(final ChannelHandlerContext ctx)
    {
        context = ctx;
        for (int i = 0; i < window; i++)
        {
            send(ctx);
            sent++;
        }
        ctx.flush();
    }

    /** Counts one answer: {@code sentAt} is its request's send time (0 when it matched none), {@code code} its response code (-1 when unreadable). */
    protected final void answered(final ChannelHandlerContext ctx, final long sentAt, final int code)
    {
        final long now = System.nanoTime();
        answered++;
        if (code < 0)
        {
            unreadable++;
        }
        else if (sentAt == 0)
        {
            unmatched++;
        }
        else if (measuring)
        {
            latency.recordValue(Math.min(MAX_LATENCY_NANOS, now - sentAt));
            codes[code < 100 ? code : 96]++;
            measured++;
        }
        if (sending)
        {
            send(ctx);
            sent++;
        }
        else
        {
            finishIfAllAnswered();
        }
    }

    @Override
    public final void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
    }

    @Override
    public final void channelInactive(final ChannelHandlerContext ctx)
    {
        finish();
    }

    @Override
    public final void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    /** Stops sending; counts {@link #done} down once every request sent is answered (on the event loop). */
    final void stopSending()
    {
        sending = false;
        final ChannelHandlerContext ctx = context;
        if (ctx == null)
        {
            finish();
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
}
