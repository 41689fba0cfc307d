package org.payswitch.core.domain;

/**
 * What is wrong with a request or an operator's definition, typed: the field as docs/api.md names
 * it (dotted for a nested one, {@code discount.basisPoints}) and the reason. The HTTP answer
 * carries both ({@code "field"} and {@code "error": "field: reason"}); nothing reads the field back
 * out of a message text.
 */
public record Problem(String field, String reason)
{
    /** The problem of {@code field}, for {@code reason}. */
    public static Problem of(final String field, final String reason)
    {
        return new Problem(field, reason);
    }

    /** "field: reason", the error text of the answer and of the logs. */
    @Override
    public String toString()
    {
        return field + ": " + reason;
    }
}
