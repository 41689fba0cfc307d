package org.payswitch.core.journal;

/**
 * A journal record failed its check (CRC-32C, length or version): the message names the queue
 * file and the record's index, and is meant for the operator as it stands (no stack trace needed).
 * Recovery stops on it rather than replay a damaged decision.
 */
public final class JournalCorruptException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** A damaged record, described for the operator: file, index, what is wrong. */
    public JournalCorruptException(final String message)
    {
        super(message, null, false, false);
    }
}
