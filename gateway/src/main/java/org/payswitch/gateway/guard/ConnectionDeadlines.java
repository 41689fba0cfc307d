package org.payswitch.gateway.guard;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Ticker;

/**
 * The deadlines of one connection, on one timer per connection (a task that re-arms itself every
 * half of the shorter deadline), never a task per request:
 * <ul>
 * <li>a request (HTTP request, ISO 8583 frame) must be complete within {@code request-deadline}
 * of the read that brought its first byte: a slow sender is closed (slowloris);</li>
 * <li>a connection that sends nothing for {@code idle-timeout} is closed;</li>
 * <li>a connection that does not read its answers (not writable) for {@code idle-timeout} is closed.</li>
 * </ul>
 * While the switch itself stopped reading the connection (it has requests to answer first) the
 * sender is not on the clock. The protocol's decoder says at the end of each read whether it holds
 * part of a request ({@link #readEnded}), and the last handler calls {@link #requestComplete()}
 * for each request it receives (a field write). Takes the place of Netty's {@code IdleStateHandler},
 * so a read passes the same number of handlers as before, and reads its clock from the event loop's
 * ticker, which {@code EmbeddedChannel} lets tests move.
 *
 * <p>Bounds, with tick = min(request-deadline, idle-timeout) / 2: a slow request is closed between
 * request-deadline and request-deadline + tick after the read of its first byte; an idle
 * connection between idle-timeout and idle-timeout + 2 ticks after its last read.
 */
public final class ConnectionDeadlines extends ChannelInboundHandlerAdapter implements Runnable
{
    private static final RateLimitedLog CLOSING = RateLimitedLog.warnings(ConnectionDeadlines.class);
    private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final long requestDeadlineNanos;
    private final long idleNanos;
    private final long tickNanos;
    private final PortConnections port;
    private ChannelHandlerContext context;
    private Ticker ticker;
    private Future<?> timer;
    private boolean receiving;
    private boolean completedInRead;
    private boolean readSinceTick;
    private long requestStartNanos;
    private long lastReadNanos;
    private long unwritableSinceNanos;
    private boolean unwritable;
    private boolean stopped;

    /**
     * @param requestDeadlineNanos from a request's first byte until it is complete
     * @param idleNanos            silence (or answers left unread) before the connection is closed
     * @param port                 counts the connections closed, by reason
     */
    public ConnectionDeadlines(final long requestDeadlineNanos, final long idleNanos, final PortConnections port)
    {
        this.requestDeadlineNanos = requestDeadlineNanos;
        this.idleNanos = idleNanos;
        this.tickNanos = Math.max(MIN_TICK_NANOS, Math.min(requestDeadlineNanos, idleNanos) / 2);
        this.port = port;
    }

    /** A request was received whole (the last handler, per request). */
    public void requestComplete()
    {
        completedInRead = true;
    }

    /**
     * The decoder, at the end of each read: {@code partial} when it holds part of a request. A
     * request left partial starts the clock, unless the one it follows was already on it and
     * nothing completed since; no partial request stops it.
     */
    public void readEnded(final boolean partial)
    {
        if (!partial)
        {
            receiving = false;
        }
        else if (!receiving || completedInRead)
        {
            receiving = true;
            requestStartNanos = ticker.nanoTime();
        }
        completedInRead = false;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        context = ctx;
        ticker = ctx.executor().ticker();
        if (ctx.channel().isActive() && ctx.channel().isRegistered())
        {
            start();
        }
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        start();
        ctx.fireChannelActive();
    }

    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx)
    {
        stop();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        readSinceTick = true;
        ctx.fireChannelRead(message);
    }

    /** The timer: closes the connection when a deadline passed, else re-arms. */
    @Override
    public void run()
    {
        final Channel channel = context.channel();
        if (stopped || !channel.isOpen())
        {
            return;
        }
        final long now = ticker.nanoTime();
        if (readSinceTick)
        {
            readSinceTick = false;
            lastReadNanos = now;
        }
        if (channel.isWritable())
        {
            unwritable = false;
        }
        else if (!unwritable)
        {
            unwritable = true;
            unwritableSinceNanos = now;
        }
        if (unwritable && now - unwritableSinceNanos >= idleNanos)
        {
            close(PortConnections.Closed.NOT_READING, "its answers not read");
            return;
        }
        if (!channel.config().isAutoRead())
        {
            lastReadNanos = now;
            requestStartNanos = now;
        }
        else if (receiving && now - requestStartNanos >= requestDeadlineNanos)
        {
            close(PortConnections.Closed.SLOW_REQUEST, "a request not complete in time (request-deadline)");
            return;
        }
        else if (!receiving && now - lastReadNanos >= idleNanos)
        {
            close(PortConnections.Closed.IDLE, "idle (idle-timeout)");
            return;
        }
        timer = context.executor().schedule(this, tickNanos, TimeUnit.NANOSECONDS);
    }

    private void start()
    {
        if (timer == null && !stopped)
        {
            lastReadNanos = ticker.nanoTime();
            timer = context.executor().schedule(this, tickNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void stop()
    {
        stopped = true;
        if (timer != null)
        {
            timer.cancel(false);
        }
    }

    private void close(final PortConnections.Closed reason, final String why)
    {
        port.closedFor(reason);
        if (reason != PortConnections.Closed.IDLE)
        {
            CLOSING.log(() -> "closing " + context.channel().remoteAddress() + " on the " + port.port() + " port: " +
                why);
        }
        context.close();
    }
}
