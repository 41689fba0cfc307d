package org.payswitch.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;

/** Runs {@code journal <command>} of the tools jar's main command in this JVM, capturing what it prints. */
final class JournalCommandRun
{
    private final Printed out = new Printed();
    private final StringWriter err = new StringWriter();

    /** Runs {@code journal command --data-dir dataDir options...}; returns the exit status. */
    int run(final String command, final Path dataDir, final String... options)
    {
        final String[] args = new String[options.length + 4];
        args[0] = "journal";
        args[1] = command;
        args[2] = "--data-dir";
        args[3] = dataDir.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        final CommandLine commandLine = new CommandLine(new LoadGenerator());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    String out()
    {
        return out.toString();
    }

    String err()
    {
        return err.toString();
    }

    /**
     * Waits until the standard output holds {@code text}, woken by each write (no polling); true
     * when it does, false when {@code seconds} pass first (a bound against a hung test, not a
     * measurement).
     */
    boolean awaitOut(final String text, final long seconds) throws InterruptedException
    {
        return out.awaitContains(text, TimeUnit.SECONDS.toNanos(seconds));
    }

    /** What the command printed, with a wake-up for a reader waiting on it. */
    private static final class Printed extends Writer
    {
        private final StringBuilder text = new StringBuilder();

        @Override
        public synchronized void write(final char[] chars, final int from, final int count)
        {
            text.append(chars, from, count);
            notifyAll();
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }

        synchronized boolean awaitContains(final String wanted, final long timeoutNanos) throws InterruptedException
        {
            final long deadline = System.nanoTime() + timeoutNanos;
            long left = timeoutNanos;
            while (text.indexOf(wanted) < 0 && left > 0)
            {
                TimeUnit.NANOSECONDS.timedWait(this, left);
                left = deadline - System.nanoTime();
            }
            return text.indexOf(wanted) >= 0;
        }

        @Override
        public synchronized String toString()
        {
            return text.toString();
        }
    }
}
