package org.payswitch.tools;

import java.io.PrintWriter;
import java.time.ZoneId;

/**
 * The statement on a terminal: a title line naming the masked card, the zone and the journal read,
 * then the transactions, the summary per year and the summary per merchant category, each a table
 * under a line saying what it is, a blank line between. An empty statement is its title alone,
 * which says why.
 */
final class StatementPrinter
{
    private StatementPrinter()
    {
    }

    /** Prints {@code tables} under {@code title} on {@code out}. */
    static void print(final PrintWriter out, final String title, final StatementTables tables, final ZoneId zone)
    {
        final LineBuffer line = new LineBuffer(out);
        line.append(title);
        line.endLine();
        final ReportTable transactions = tables.transactions(false, null);
        if (transactions.size() > 0)
        {
            transactions.printTable(line);
            section(line, "per year of the authorization in " + zone + ", per currency:");
            tables.perYear().printTable(line);
            section(line, "per merchant category (MCC), per currency:");
            tables.perCategory().printTable(line);
        }
        line.flush();
    }

    private static void section(final LineBuffer line, final String heading)
    {
        line.endLine();
        line.append(heading);
        line.endLine();
    }
}
