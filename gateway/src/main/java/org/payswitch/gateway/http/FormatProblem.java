package org.payswitch.gateway.http;

/** What is wrong with a request (a constant message and the field), without throwing on the hot path. */
final class FormatProblem
{
    String field;
    String message;

    /** Records the problem; always returns false so parsers can {@code return problem.set(...)}. */
    boolean set(final String problemField, final String problemMessage)
    {
        field = problemField;
        message = problemMessage;
        return false;
    }

    void clear()
    {
        field = null;
        message = null;
    }
}
