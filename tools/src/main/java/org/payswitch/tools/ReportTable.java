package org.payswitch.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * A report's rows, printed as aligned columns for a terminal (a header line, text columns to the
 * left, numbers to the right, each column as wide as its widest value) or as CSV (RFC 4180: a
 * header row of the CSV names, a field with a comma, quote or line break quoted, its quotes
 * doubled; rows end with LF as {@code journal dump}'s do). A report has a row per merchant or
 * campaign, not per record, so rows are Strings.
 */
final class ReportTable
{
    private final String[] headings;
    private final String[] csvNames;
    private final boolean[] numeric;
    private final List<String[]> rows = new ArrayList<>();

    /** Columns headed {@code headings} in a table, {@code csvNames} in CSV; {@code numeric} ones align right. */
    ReportTable(final String[] headings, final String[] csvNames, final boolean[] numeric)
    {
        this.headings = headings.clone();
        this.csvNames = csvNames.clone();
        this.numeric = numeric.clone();
    }

    /** Adds a row of one value per column. */
    void add(final String... values)
    {
        if (values.length != headings.length)
        {
            throw new IllegalArgumentException(values.length + " values for " + headings.length + " columns");
        }
        rows.add(values.clone());
    }

    /** Number of rows added. */
    int size()
    {
        return rows.size();
    }

    /** The rows as aligned columns, a header line first. */
    void printTable(final LineBuffer line)
    {
        final int[] widths = new int[headings.length];
        for (int c = 0; c < headings.length; c++)
        {
            widths[c] = headings[c].length();
            for (final String[] row : rows)
            {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        tableLine(line, headings, widths);
        for (final String[] row : rows)
        {
            tableLine(line, row, widths);
        }
    }

    /** The rows as CSV, a header row first. */
    void printCsv(final LineBuffer line)
    {
        csvLine(line, csvNames);
        for (final String[] row : rows)
        {
            csvLine(line, row);
        }
    }

    private void tableLine(final LineBuffer line, final String[] values, final int[] widths)
    {
        for (int c = 0; c < values.length; c++)
        {
            if (c > 0)
            {
                line.append("  ");
            }
            final int pad = widths[c] - values[c].length();
            if (numeric[c])
            {
                spaces(line, pad);
                line.append(values[c]);
            }
            else
            {
                line.append(values[c]);
                if (c < values.length - 1)
                {
                    spaces(line, pad);
                }
            }
        }
        line.endLine();
    }

    private static void csvLine(final LineBuffer line, final String[] values)
    {
        for (int c = 0; c < values.length; c++)
        {
            if (c > 0)
            {
                line.append(',');
            }
            csvField(line, values[c]);
        }
        line.endLine();
    }

    /** One CSV field: quoted, its quotes doubled, when it holds a comma, a quote or a line break. */
    static void csvField(final LineBuffer line, final String value)
    {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0)
        {
            line.append(value);
            return;
        }
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static void spaces(final LineBuffer line, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            line.append(' ');
        }
    }
}
