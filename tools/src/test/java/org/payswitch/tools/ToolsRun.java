package org.payswitch.tools;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/**
 * Runs a command of the tools jar's main command in this JVM, capturing what it prints: the one
 * way the tools' system tests run the program (reports, statement, reconcile, imports).
 */
public final class ToolsRun
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code args} (e.g. {@code report settlement --date ...}); returns the exit status. */
    public int run(final String... args)
    {
        final CommandLine commandLine = new CommandLine(new LoadGenerator());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the command printed on standard output. */
    public String out()
    {
        return out.toString();
    }

    /** What the command printed on standard error. */
    public String err()
    {
        return err.toString();
    }
}
