package org.payswitch.gateway.guard;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One kind of log line that bad input can cause (an unreadable frame, a connection over the cap, a
 * slow sender closed), written at most {@code maxLines} times per {@code interval}; the lines held
 * back are counted and the count is told in the next line written. Bad input then costs the
 * attacker a connection, not the switch a disk of logs. Thread-safe (I/O threads share a kind);
 * the lock is taken on bad input only, never for a valid request.
 */
public final class RateLimitedLog
{
    /** Lines of one kind written per {@link #INTERVAL_NANOS} at most, by the switch's own kinds. */
    public static final int LINES_PER_INTERVAL = 10;
    /** The interval of {@link #LINES_PER_INTERVAL}: one minute. */
    public static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final System.Logger logger;
    private final System.Logger.Level level;
    private final int maxLines;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long windowStart;
    private int linesInWindow;
    private long suppressed;
    private boolean started;

    /**
     * @param logger        where the lines go
     * @param level         their level
     * @param maxLines      lines written per interval at most
     * @param intervalNanos the interval
     * @param nanoClock     a monotonic clock ({@code System::nanoTime} in the switch; a settable one in tests)
     */
    public RateLimitedLog(final System.Logger logger, final System.Logger.Level level, final int maxLines,
        final long intervalNanos, final LongSupplier nanoClock)
    {
        if (maxLines < 1 || intervalNanos < 1)
        {
            throw new IllegalArgumentException("maxLines and intervalNanos must be positive");
        }
        this.logger = logger;
        this.level = level;
        this.maxLines = maxLines;
        this.intervalNanos = intervalNanos;
        this.nanoClock = nanoClock;
    }

    /** A warning kind of the switch: {@value #LINES_PER_INTERVAL} lines a minute, on the system clock. */
    public static RateLimitedLog warnings(final Class<?> source)
    {
        return new RateLimitedLog(System.getLogger(source.getName()), System.Logger.Level.WARNING, LINES_PER_INTERVAL,
            INTERVAL_NANOS, System::nanoTime);
    }

    /**
     * Writes the line {@code message} makes, unless this kind's lines of the current interval are
     * spent: then it only counts it. The message is not built for a line held back.
     */
    public void log(final Supplier<String> message)
    {
        final long held;
        synchronized (this)
        {
            final long now = nanoClock.getAsLong();
            if (!started || now - windowStart >= intervalNanos)
            {
                started = true;
                windowStart = now;
                linesInWindow = 0;
            }
            if (linesInWindow == maxLines)
            {
                suppressed++;
                return;
            }
            linesInWindow++;
            held = suppressed;
            suppressed = 0;
        }
        if (logger.isLoggable(level))
        {
            final String line = message.get();
            logger.log(level, held == 0 ? line : line + " (" + held + " similar lines suppressed before this one)");
        }
    }
}
