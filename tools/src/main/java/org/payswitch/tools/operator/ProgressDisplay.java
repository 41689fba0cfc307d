package org.payswitch.tools.operator;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Redraws a {@link ProgressMeter}'s line in place a few times a second on a terminal, from a
 * daemon thread, and draws nothing when the output is not a terminal (piped or redirected), so
 * logs and files stay clean. {@link #close()} draws the last line and ends it.
 */
final class ProgressDisplay implements AutoCloseable
{
    private static final long REDRAW_MILLIS = 250;

    private final ProgressMeter meter;
    private final LongSupplier bytesRead;
    private final LongSupplier itemsDone;
    private final PrintStream terminal;
    private final Thread redraw;

    private ProgressDisplay(
        final ProgressMeter meter, final LongSupplier bytesRead, final LongSupplier itemsDone, final PrintStream terminal)
    {
        this.meter = meter;
        this.bytesRead = bytesRead;
        this.itemsDone = itemsDone;
        this.terminal = terminal;
        this.redraw = terminal == null ? null : new Thread(this::redrawUntilInterrupted, "progress");
    }

    /**
     * A display of {@code meter} on standard error when this process has a terminal
     * ({@code System.console() != null}), else one that draws nothing.
     */
    static ProgressDisplay start(final ProgressMeter meter, final LongSupplier bytesRead, final LongSupplier itemsDone)
    {
        final ProgressDisplay display = new ProgressDisplay(meter, bytesRead, itemsDone,
            System.console() != null ? System.err : null);
        if (display.redraw != null)
        {
            display.redraw.setDaemon(true);
            display.redraw.start();
        }
        return display;
    }

    private void redrawUntilInterrupted()
    {
        try
        {
            while (!Thread.currentThread().isInterrupted())
            {
                draw();
                Thread.sleep(REDRAW_MILLIS);
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void draw()
    {
        terminal.print("\r" + meter.line(bytesRead.getAsLong(), itemsDone.getAsLong(), System.nanoTime()));
        terminal.flush();
    }

    @Override
    public void close() throws InterruptedException
    {
        if (redraw != null)
        {
            redraw.interrupt();
            redraw.join();
            draw();
            terminal.println();
        }
    }
}
