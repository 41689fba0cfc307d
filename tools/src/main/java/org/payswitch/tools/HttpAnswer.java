package org.payswitch.tools;

/**
 * What the load generator reads of one HTTP answer: its status, the JSON body's
 * {@code responseCode} and {@code discount}. Filled by {@link HttpAnswerDecoder} and reused for
 * every answer of a connection: valid until the next answer.
 */
final class HttpAnswer
{
    /** No response code could be read from the answer. */
    static final int UNREADABLE = -1;

    /** The HTTP status, e.g. 200; {@link #UNREADABLE} when the answer could not be framed. */
    int status;
    /** The body's {@code "responseCode":"NN"} as a number, or {@link #UNREADABLE}. */
    int responseCode;
    /** The body's {@code "discount":N}, minor units; 0 without one. */
    long discount;

    /** The response code the generator counts: the body's, else 91 for a 503 (overload), else unreadable. */
    int code()
    {
        if (responseCode != UNREADABLE)
        {
            return responseCode;
        }
        return status == 503 ? 91 : UNREADABLE;
    }
}
