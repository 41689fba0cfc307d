package org.payswitch.tools;

import java.io.PrintWriter;

/**
 * A long read's progress, for a person at a terminal: every second, records read so far and the
 * rate, on one line of stderr rewritten in place. Silent when nobody watches (stdout or stderr
 * piped: {@code System.console()} is null), so scripts see only the report. Looks at the clock
 * once every 65 536 records, so it costs nothing per record.
 */
final class Progress
{
    private static final long CHECK_EVERY = 1 << 16;
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final String command;
    private final PrintWriter err;
    private final boolean shown;
    private long started = System.nanoTime();
    private long lastShown = started;
    private boolean printed;

    private Progress(final String command, final PrintWriter err, final boolean shown)
    {
        this.command = command;
        this.err = err;
        this.shown = shown;
    }

    /** Progress on {@code err} when this JVM has a console, none otherwise. */
    static Progress onTerminal(final String command, final PrintWriter err)
    {
        return new Progress(command, err, System.console() != null);
    }

    /** Progress that never prints. */
    static Progress none()
    {
        return new Progress("", null, false);
    }

    /** Called with the count of records read so far; the rate is counted from the first record, after the queue opened. */
    void update(final long records)
    {
        if (records == 1)
        {
            started = System.nanoTime();
            lastShown = started;
        }
        if (!shown || (records & (CHECK_EVERY - 1)) != 0)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastShown >= INTERVAL_NANOS)
        {
            lastShown = now;
            printed = true;
            err.print("\r" + command + ": " + records + " records read, " + rate(records, now) + " records/s   ");
            err.flush();
        }
    }

    /** Ends the progress line, if one was printed, with the final count. */
    void done(final long records)
    {
        if (printed)
        {
            err.println("\r" + command + ": " + records + " records read, " + rate(records, System.nanoTime()) +
                " records/s   ");
            err.flush();
        }
    }

    private long rate(final long records, final long now)
    {
        final long nanos = Math.max(1, now - started);
        return records * 1_000_000_000L / nanos;
    }
}
