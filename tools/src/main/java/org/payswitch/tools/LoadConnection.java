package org.payswitch.tools;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.HdrHistogram.Histogram;

/**
 * One connection of the load generator, whatever its protocol. In a closed loop it keeps a
 * window of requests in flight (each answer sends the next request) and measures the answers
 * read while {@link #measuring} is set. In an open loop it sends on the plan's
 * {@link RateSchedule}: one event-loop timer a millisecond writes every request due by then and
 * flushes once, whatever the answers; a request that would exceed the in-flight bound is not sent
 * but counted. Latency runs from a request's due time (its slot in the schedule, not the moment
 * it was written) to its answer, which corrects for coordinated omission as wrk2 does: a stalled
 * switch or a late timer shows as latency of every request it delayed. An open-loop request is
 * measured when it was due in the measured period. Counts answers by response code and
 * discounted answers. Runs on its Netty event loop; the driving thread only calls
 * {@link #begin(Channel)} and {@link #stopSending}, and reads the counters once the event loop is shut down.
 *
 * @param <A> what the pipeline hands over for one answer
 */
abstract class LoadConnection<A> extends SimpleChannelInboundHandler<A>
{
    static final long MAX_LATENCY_NANOS = 60_000_000_000L;
    /** Room for 8-16 requests before a batch's buffer grows. */
    private static final int BATCH_BYTES = 2_048;

    protected final int window;
    protected final RequestSource requests;
    protected final String[] merchantIds;
    private final CountDownLatch done;
    private final LoadPlan plan;
    private final int index;
    private final Runnable tick = this::tick;

    /** Latency of the answers measured, from their requests' due time, nanoseconds. */
    final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    /** Latency of the same answers from their requests' write (service time, not corrected), nanoseconds. */
    final Histogram serviceTime = new Histogram(MAX_LATENCY_NANOS, 3);
    /** Answers by response code (00..99) measured. */
    final long[] codes = new long[100];
    long sent;
    long notSent;
    long answered;
    long measured;
    long discounted;
    long unmatched;
    long unreadable;

    volatile boolean sending = true;
    volatile boolean measuring;
    private long next;
    private boolean finished;
    private ScheduledFuture<?> ticking;
    private volatile ChannelHandlerContext context;
    private ByteBuf pending;

    LoadConnection(final LoadPlan plan, final int index, final RequestSource requests, final String[] merchantIds,
        final CountDownLatch done)
    {
        super(true);
        this.plan = plan;
        this.index = index;
        this.window = plan.inFlight();
        this.requests = requests;
        this.merchantIds = merchantIds;
        this.done = done;
    }

    /**
     * Writes the next request into {@link #requestBuffer} (sent with the batch's others), due at
     * {@code dueNanos} and written at {@code nowNanos}, and notes both so its answer can be matched.
     */
    protected abstract void send(ChannelHandlerContext ctx, long dueNanos, long nowNanos);

    @Override
    public final void channelActive(final ChannelHandlerContext ctx)
    {
        context = ctx;
    }

    /**
     * Starts sending once every connection is up: the window of a closed loop, or the open loop's
     * timer. Runs on the channel's event loop, after its {@code channelActive}.
     */
    final void begin(final Channel channel)
    {
        channel.eventLoop().execute(() ->
        {
            final ChannelHandlerContext ctx = context;
            if (ctx == null)
            {
                finish();
                return;
            }
            if (plan.openLoop())
            {
                ticking = ctx.executor().scheduleAtFixedRate(tick, 0, 1, TimeUnit.MILLISECONDS);
                return;
            }
            for (int i = 0; i < window && sending; i++)
            {
                sendNow(ctx, plan.now());
            }
            flushRequests(ctx);
        });
    }

    /** One tick of the open loop's timer: writes every request due by now, flushes once. */
    void tick()
    {
        final ChannelHandlerContext ctx = context;
        final long start = plan.timeline().startNanos();
        final long now = plan.now();
        boolean wrote = false;
        while (sending)
        {
            final long due = plan.schedule().dueNanos(next, index, plan.connections());
            if (!plan.schedule().includes(due))
            {
                sending = false;
                break;
            }
            if (start + due > now)
            {
                break;
            }
            next++;
            if (sent - answered >= window)
            {
                notSent++;
                plan.timeline().notSent(now);
                continue;
            }
            sendNow(ctx, start + due);
            wrote = true;
        }
        if (wrote)
        {
            flushRequests(ctx);
        }
        if (!sending)
        {
            if (ticking != null)
            {
                ticking.cancel(false);
            }
            finishIfAllAnswered();
        }
    }

    private void sendNow(final ChannelHandlerContext ctx, final long dueNanos)
    {
        sendAt(ctx, dueNanos, plan.now());
    }

    private void sendAt(final ChannelHandlerContext ctx, final long dueNanos, final long nowNanos)
    {
        send(ctx, dueNanos, nowNanos);
        sent++;
        plan.timeline().sent(nowNanos);
    }

    /**
     * Counts one answer: {@code dueAt} is its request's due time and {@code sentAt} its write time
     * (both 0 when it matched none), {@code code} its response code (-1 when unreadable),
     * {@code discount} the instant discount it carries (0: none).
     */
    protected final void answered(final ChannelHandlerContext ctx, final long dueAt, final long sentAt, final int code,
        final long discount)
    {
        final long now = plan.now();
        answered++;
        if (code < 0)
        {
            unreadable++;
            plan.timeline().answered(now, -1, -1, 0);
        }
        else if (dueAt == 0)
        {
            unmatched++;
            plan.timeline().answered(now, -1, code, 0);
        }
        else
        {
            plan.timeline().answered(now, now - dueAt, code, discount);
            if (isMeasured(dueAt))
            {
                latency.recordValue(Math.min(MAX_LATENCY_NANOS, now - dueAt));
                serviceTime.recordValue(Math.min(MAX_LATENCY_NANOS, now - sentAt));
                codes[code]++;
                measured++;
                if (discount > 0)
                {
                    discounted++;
                }
            }
        }
        if (sending && !plan.openLoop())
        {
            sendAt(ctx, now, now);
        }
        else if (!sending)
        {
            finishIfAllAnswered();
        }
    }

    private boolean isMeasured(final long dueAt)
    {
        return plan.openLoop() ? dueAt - plan.timeline().startNanos() >= plan.measureFromNanos() : measuring;
    }

    /**
     * The buffer {@link #send} writes its request into: one per batch of requests (those written
     * while handling one read, the first window, one open-loop tick), sent by {@link #flushRequests}
     * in one write, so a request costs no buffer or outbound entry of its own.
     */
    protected final ByteBuf requestBuffer(final ChannelHandlerContext ctx)
    {
        if (pending == null)
        {
            pending = ctx.alloc().ioBuffer(BATCH_BYTES);
        }
        return pending;
    }

    /**
     * Sends what {@link #send} wrote since the last call: at the end of each read (the closed loop's
     * answers each wrote a request), after the first window and after each open-loop tick.
     */
    private void flushRequests(final ChannelHandlerContext ctx)
    {
        final ByteBuf requestsWritten = pending;
        if (requestsWritten != null)
        {
            pending = null;
            ctx.write(requestsWritten, ctx.voidPromise());
        }
        ctx.flush();
    }

    @Override
    public final void handlerRemoved(final ChannelHandlerContext ctx)
    {
        if (pending != null)
        {
            pending.release();
            pending = null;
        }
    }

    @Override
    public final void channelReadComplete(final ChannelHandlerContext ctx)
    {
        flushRequests(ctx);
    }

    @Override
    public final void channelInactive(final ChannelHandlerContext ctx)
    {
        sending = false;
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

    /** Counts {@link #done} down once this connection sends no more and every request it sent was answered. */
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
