package org.payswitch.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.payswitch.core.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code journal dump}: the journal's records, oldest first, as an aligned table, CSV or JSON
 * Lines, PANs masked, optionally only those the filters select. Read-only, keyless (PANs come from
 * their truncation), and fast enough to pipe a day's journal into another tool: records are read
 * in place and printed through one reused character block.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Prints the journal's records, oldest first, as a table, CSV or JSON Lines (PANs masked).")
final class JournalDumpCommand implements Callable<Integer>
{
    @Mixin
    JournalSource source;

    @Mixin
    FilterOptions filters;

    @Option(names = "--format", description = "table, csv or jsonl (default: ${DEFAULT-VALUE})")
    String format = "table";

    @Option(names = "--limit", description = "print at most this many records, 0 for all (default: ${DEFAULT-VALUE})")
    long limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final JournalQuery query = JournalQuery.of("journal dump", source, filters, format, "--limit", limit, err);
        if (query == null)
        {
            return JournalFailure.BAD_INPUT;
        }
        final RecordFilter filter = query.filter();
        final RecordFormat recordFormat = query.format();
        final LineBuffer line = new LineBuffer(spec.commandLine().getOut());
        final RecordPrinter printer = new RecordPrinter(filter, recordFormat, line, limit);
        recordFormat.header(line);
        try
        {
            JournalReader.readAll(source.config(), printer);
        }
        catch (final RecordPrinter.EnoughRecords e)
        {
            // the limit was reached: every record asked for is printed
        }
        catch (final RuntimeException e)
        {
            line.flush();
            return JournalFailure.report("journal dump", e, source.directory(), err);
        }
        line.flush();
        if (System.console() != null)
        {
            err.println("journal dump: " + printer.read() + " record(s) read, " + printer.shown() + " shown");
        }
        return 0;
    }
}
