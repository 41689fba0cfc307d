package org.payswitch.tools;

import java.io.PrintWriter;

/**
 * What {@code journal dump} and {@code journal tail} both check before reading: the filter and the
 * format their options name, a count that is not negative, and a folder that is a journal.
 */
record JournalQuery(RecordFilter filter, RecordFormat format)
{
    /**
     * The query the options ask for, or null after one line on {@code err}, prefixed with the
     * command's name, saying which option or folder is wrong (the command then exits
     * {@link JournalFailure#BAD_INPUT}).
     */
    static JournalQuery of(
        final String command, final JournalSource source, final FilterOptions filters, final String format,
        final String countOption, final long count, final PrintWriter err)
    {
        final JournalQuery query;
        try
        {
            query = new JournalQuery(filters.toFilter(), RecordFormat.named(format));
            if (count < 0)
            {
                throw new BadOptionException(countOption, Long.toString(count), "0 or more");
            }
        }
        catch (final BadOptionException e)
        {
            err.println(command + ": " + e.getMessage());
            return null;
        }
        final String problem = source.problem();
        if (problem != null)
        {
            err.println(command + ": " + problem);
            return null;
        }
        return query;
    }
}
