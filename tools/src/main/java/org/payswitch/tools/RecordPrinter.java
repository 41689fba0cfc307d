package org.payswitch.tools;

import org.agrona.DirectBuffer;
import org.payswitch.core.journal.JournalReader;

/**
 * Receives the records {@link JournalReader} reads and prints those the filter lets through, in
 * the format chosen, counting what it read and printed. With a limit it stops the read once it has
 * printed that many ({@link EnoughRecords}), instead of reading a long journal to its end for
 * nothing.
 */
final class RecordPrinter implements JournalReader.RecordHandler
{
    private final RecordView view = new RecordView();
    private final RecordFilter filter;
    private final RecordFormat format;
    private final LineBuffer line;
    private final long limit;
    private long read;
    private long shown;
    private long lastIndex = JournalReader.NOT_FOUND;

    /** Prints at most {@code limit} records, 0 for every record the filter lets through. */
    RecordPrinter(final RecordFilter filter, final RecordFormat format, final LineBuffer line, final long limit)
    {
        this.filter = filter;
        this.format = format;
        this.line = line;
        this.limit = limit;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        read++;
        lastIndex = index;
        view.wrap(buffer, offset, index);
        if (!filter.test(view))
        {
            return;
        }
        format.record(view, line);
        shown++;
        if (limit > 0 && shown >= limit)
        {
            throw EnoughRecords.INSTANCE;
        }
    }

    /** Records read so far. */
    long read()
    {
        return read;
    }

    /** Records printed so far. */
    long shown()
    {
        return shown;
    }

    /** The index of the last record read, {@link JournalReader#NOT_FOUND} before any. */
    long lastIndex()
    {
        return lastIndex;
    }

    /** Takes {@code index} as the last record read, for reading on after it. */
    void resumeAfter(final long index)
    {
        lastIndex = index;
    }

    /**
     * Thrown out of the reader's loop when the limit is reached: the reader closes its queue on the
     * way out. One instance without a stack trace: it is control flow, not an error.
     */
    static final class EnoughRecords extends RuntimeException
    {
        static final EnoughRecords INSTANCE = new EnoughRecords();
        private static final long serialVersionUID = 1L;

        private EnoughRecords()
        {
            super("limit reached", null, false, false);
        }
    }
}
