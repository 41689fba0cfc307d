package org.payswitch.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code journal tail}: the last records the filters select, in the formats of
 * {@code journal dump}; with {@code --follow}, then every record as it is appended, until
 * interrupted. The last N are found by reading backwards from the newest record
 * ({@link JournalReader#findBackwards}), so a long journal is not read from its start. Following
 * polls: every {@code --poll-millis} it reads on from the last record it has seen
 * ({@link JournalReader#readFrom}, which checks each record as a dump does), and prints what is new.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = "Prints the journal's last records (PANs masked); with -f, then the records appended, until interrupted.")
final class JournalTailCommand implements Callable<Integer>
{
    @Mixin
    JournalSource source;

    @Mixin
    FilterOptions filters;

    @Option(names = "--format", description = "table, csv or jsonl (default: ${DEFAULT-VALUE})")
    String format = "table";

    @Option(names = "-n", paramLabel = "N", description = "how many of the last records to print (default: ${DEFAULT-VALUE})")
    int count = 10;

    @Option(names = {"-f", "--follow"}, description = "keep printing the records appended, until interrupted")
    boolean follow;

    @Option(names = "--poll-millis", hidden = true, description = "following: milliseconds between looks at the journal")
    long pollMillis = 100;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final JournalQuery query = JournalQuery.of("journal tail", source, filters, format, "-n", count, err);
        if (query == null)
        {
            return JournalFailure.BAD_INPUT;
        }
        final RecordFilter filter = query.filter();
        final RecordFormat recordFormat = query.format();
        final JournalConfig config = source.config();
        final LineBuffer line = new LineBuffer(spec.commandLine().getOut());
        final RecordPrinter printer = new RecordPrinter(filter, recordFormat, line, 0);
        recordFormat.header(line);
        try
        {
            printLast(config, filter, printer);
            line.flush();
            while (follow)
            {
                Thread.sleep(pollMillis);
                printAppended(config, printer);
                line.flush();
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        catch (final RuntimeException e)
        {
            line.flush();
            if (Thread.currentThread().isInterrupted())
            {
                return 0;
            }
            return JournalFailure.report("journal tail", e, source.directory(), err);
        }
        line.flush();
        return 0;
    }

    /** Prints the last {@link #count} records the filter selects, leaving the printer after the newest record. */
    private void printLast(final JournalConfig config, final RecordFilter filter, final RecordPrinter printer)
    {
        if (count == 0)
        {
            printer.resumeAfter(JournalReader.findBackwards(config, (buffer, offset, length, index) -> true));
            return;
        }
        final RecordView view = new RecordView();
        final long[] selected = {0};
        final long first = JournalReader.findBackwards(config, (buffer, offset, length, index) ->
            filter.test(view.wrap(buffer, offset, index)) && ++selected[0] == count);
        if (first == JournalReader.NOT_FOUND)
        {
            JournalReader.readAll(config, printer);
        }
        else
        {
            JournalReader.readFrom(config, first, printer);
        }
    }

    /** Prints the records appended after the last one the printer saw. */
    private static void printAppended(final JournalConfig config, final RecordPrinter printer)
    {
        final long seen = printer.lastIndex();
        if (seen == JournalReader.NOT_FOUND)
        {
            JournalReader.readAll(config, printer);
            return;
        }
        JournalReader.readFrom(config, seen, (buffer, offset, length, index) ->
        {
            if (index != seen)
            {
                printer.onRecord(buffer, offset, length, index);
            }
        });
    }
}
