package org.payswitch.gateway.json;

/** A body that is not the JSON expected; {@link #field()} names the field when one is to blame. */
public final class JsonException extends RuntimeException
{
    private final String field;

    public JsonException(final String message)
    {
        this(message, null);
    }

    public JsonException(final String message, final String field)
    {
        super(message, null, false, false);
        this.field = field;
    }

    /** The field at fault, or null for the body as a whole. */
    public String field()
    {
        return field;
    }
}
