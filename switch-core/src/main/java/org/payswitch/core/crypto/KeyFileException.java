package org.payswitch.core.crypto;

/**
 * A key file or data key ring that cannot be used: missing, unreadable, malformed, or holding a
 * key that does not open what it must. The message names the file and what is wrong with it,
 * never a key's bytes. Thrown at start and by the tools, never on the authorization path.
 */
public final class KeyFileException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public KeyFileException(final String message)
    {
        super(message);
    }

    public KeyFileException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
