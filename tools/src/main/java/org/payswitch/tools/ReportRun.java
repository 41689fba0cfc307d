package org.payswitch.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.payswitch.core.crypto.KeyFileException;
import org.payswitch.core.journal.JournalReader;

/**
 * What both reports do around their figures: check the journal folder, fold every record through a
 * {@link TransactionFold} (read-only, progress on a terminal), say in one line on stderr what went
 * wrong if the read failed (the queue file and index of a damaged or cut record, no stack trace:
 * {@link JournalFailure}) or what the journal did not hold, and print the report as a table on
 * stdout or as CSV to a file.
 */
final class ReportRun
{
    private ReportRun()
    {
    }

    /**
     * Folds the journal of {@code source} through {@code fold}; returns 0, or the exit status after
     * one line on {@code err}: {@link JournalFailure#BAD_INPUT} for a folder that is not a journal or
     * a {@code csv} file inside it,
     * or for card data the card keys given do not open (the statement's card definitions),
     * {@link JournalFailure#UNREADABLE} for a read that failed part way (no report is then printed:
     * figures of part of a journal would be wrong figures).
     */
    static int fold(
        final String command, final JournalSource source, final Path csv, final TransactionFold fold,
        final Progress progress, final PrintWriter err)
    {
        return fold(command, source, csv, fold, fold, progress, err);
    }

    /**
     * As {@link #fold(String, JournalSource, Path, TransactionFold, Progress, PrintWriter)}, the records
     * read by {@code reader}, which hands each to {@code fold} after looking at it itself (the
     * statement's card and merchants).
     */
    static int fold(
        final String command, final JournalSource source, final Path csv, final TransactionFold fold,
        final JournalReader.RecordHandler reader, final Progress progress, final PrintWriter err)
    {
        final String problem = source.problem() != null ? source.problem() : csvProblem(csv, source);
        if (problem != null)
        {
            err.println(command + ": " + problem);
            return JournalFailure.BAD_INPUT;
        }
        try
        {
            JournalReader.readAll(source.config(), reader);
        }
        catch (final KeyFileException e)
        {
            progress.done(fold.records());
            err.println(command + ": " + e.getMessage());
            err.flush();
            return JournalFailure.BAD_INPUT;
        }
        catch (final RuntimeException e)
        {
            progress.done(fold.records());
            return JournalFailure.report(command, e, source.directory(), err);
        }
        progress.done(fold.records());
        if (fold.outside() > 0)
        {
            err.println(command + ": " + fold.outside() + " record(s) name a transaction created before the journal's " +
                "first record (older files deleted by journal-retention-days?): their amounts are not in the report");
        }
        if (fold.unfit() > 0)
        {
            err.println(command + ": " + fold.unfit() + " approved record(s) do not fit the transactions before them " +
                "(recovery would refuse this journal, or --hold-expiry is not the switch's): they are not in the report");
        }
        err.flush();
        return 0;
    }

    /**
     * Why {@code csv} cannot be the report's file, or null when it can: a file inside the journal's
     * folder is refused, since the tools never add anything there.
     */
    static String csvProblem(final Path csv, final JournalSource source)
    {
        if (csv == null || csv.toString().equals("-"))
        {
            return null;
        }
        final Path journal = source.directory().toAbsolutePath().normalize();
        if (csv.toAbsolutePath().normalize().startsWith(journal))
        {
            return "--csv: '" + csv + "' is not accepted; use a file outside the journal folder " + source.directory();
        }
        return null;
    }

    /**
     * Prints {@code table} as aligned columns on {@code out} after {@code title}, or as CSV into
     * {@code csv} ({@code -}: on {@code out}); returns 0, or 2 after one line on {@code err} when the
     * file cannot be written.
     */
    static int print(
        final String command, final ReportTable table, final String title, final Path csv, final PrintWriter out,
        final PrintWriter err)
    {
        if (csv == null)
        {
            final LineBuffer line = new LineBuffer(out);
            line.append(title);
            line.endLine();
            table.printTable(line);
            line.flush();
            return 0;
        }
        if (csv.toString().equals("-"))
        {
            final LineBuffer line = new LineBuffer(out);
            table.printCsv(line);
            line.flush();
            return 0;
        }
        try (Writer writer = Files.newBufferedWriter(csv, StandardCharsets.UTF_8))
        {
            final LineBuffer line = new LineBuffer(writer);
            table.printCsv(line);
            line.flush();
        }
        catch (final IOException | RuntimeException e)
        {
            err.println(command + ": --csv: cannot write " + csv + ": " + e.getClass().getSimpleName() +
                (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return JournalFailure.BAD_INPUT;
        }
        if (System.console() != null)
        {
            err.println(command + ": " + table.size() + " row(s) written to " + csv);
        }
        return 0;
    }
}
