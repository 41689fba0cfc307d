package org.payswitch.gateway.guard;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open connections of one port, in all and per remote address, against their caps; and the
 * port's counts of connections refused or closed for what they held (shown by /metrics). Touched
 * when a connection opens or closes, or is closed by a deadline, never per request. Thread-safe:
 * every I/O thread of the port shares it.
 */
public final class PortConnections
{
    /** What {@link #open} decided. */
    public enum Admission
    {
        /** Counted; the connection is served. */
        ADMITTED,
        /** The port already holds {@code max-connections}. */
        OVER_TOTAL,
        /** The remote address already holds {@code max-connections-per-address} of the port's connections. */
        OVER_ADDRESS
    }

    /** Why a connection was closed by the switch rather than by its peer. */
    public enum Closed
    {
        /** A request not complete within {@code request-deadline} of its first byte. */
        SLOW_REQUEST,
        /** Nothing sent for {@code idle-timeout}. */
        IDLE,
        /** Its answers not read for {@code idle-timeout}. */
        NOT_READING
    }

    private final String port;
    private final int maxConnections;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final ConcurrentHashMap<Object, Integer> perAddress = new ConcurrentHashMap<>();
    private final LongAdder refusedOverTotal = new LongAdder();
    private final LongAdder refusedOverAddress = new LongAdder();
    private final LongAdder[] closed = new LongAdder[Closed.values().length];

    /**
     * @param port           the port's name in metrics and logs ("http", "iso")
     * @param maxConnections open connections at most
     * @param maxPerAddress  open connections from one remote address at most
     */
    public PortConnections(final String port, final int maxConnections, final int maxPerAddress)
    {
        this.port = port;
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
        for (int i = 0; i < closed.length; i++)
        {
            closed[i] = new LongAdder();
        }
    }

    /** Counts a new connection from {@code address}, unless a cap is reached (then counts the refusal). */
    public Admission open(final Object address)
    {
        if (open.incrementAndGet() > maxConnections)
        {
            open.decrementAndGet();
            refusedOverTotal.increment();
            return Admission.OVER_TOTAL;
        }
        final int fromAddress = perAddress.merge(address, 1, Integer::sum);
        if (fromAddress > maxPerAddress)
        {
            release(address);
            refusedOverAddress.increment();
            return Admission.OVER_ADDRESS;
        }
        return Admission.ADMITTED;
    }

    /** Uncounts a connection {@link #open} admitted, once it has closed. */
    public void close(final Object address)
    {
        release(address);
    }

    /** Counts a connection the switch closed for {@code reason}. */
    public void closedFor(final Closed reason)
    {
        closed[reason.ordinal()].increment();
    }

    /** The port's name. */
    public String port()
    {
        return port;
    }

    /** Connections open now. */
    public int openConnections()
    {
        return open.get();
    }

    /** Connections open now from {@code address}. */
    public int openFrom(final Object address)
    {
        return perAddress.getOrDefault(address, 0);
    }

    /** Connections refused since start because the port was full ({@code OVER_TOTAL}). */
    public long refusedOverTotal()
    {
        return refusedOverTotal.sum();
    }

    /** Connections refused since start because their address was full ({@code OVER_ADDRESS}). */
    public long refusedOverAddress()
    {
        return refusedOverAddress.sum();
    }

    /** Connections closed since start for {@code reason}. */
    public long closed(final Closed reason)
    {
        return closed[reason.ordinal()].sum();
    }

    /** The cap on all connections. */
    public int maxConnections()
    {
        return maxConnections;
    }

    /** The cap per address. */
    public int maxPerAddress()
    {
        return maxPerAddress;
    }

    private void release(final Object address)
    {
        perAddress.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
        open.decrementAndGet();
    }
}
