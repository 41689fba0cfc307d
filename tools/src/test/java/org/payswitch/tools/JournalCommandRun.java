package org.payswitch.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import picocli.CommandLine;

/** Runs {@code journal <command>} of the tools jar's main command in this JVM, capturing what it prints. */
final class JournalCommandRun
{
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

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
}
