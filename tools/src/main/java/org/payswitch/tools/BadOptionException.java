package org.payswitch.tools;

/**
 * An option value a journal command cannot use: its message is the one line the command prints,
 * naming the option, the value and what the option accepts, before it exits with status 2.
 */
final class BadOptionException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    BadOptionException(final String option, final String value, final String accepted)
    {
        super(option + ": '" + value + "' is not accepted; use " + accepted);
    }

    /** A bad value that must not be shown (a PAN, or what may be most of one): {@code message} names the option. */
    BadOptionException(final String message)
    {
        super(message);
    }
}
