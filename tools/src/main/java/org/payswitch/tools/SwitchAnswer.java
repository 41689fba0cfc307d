package org.payswitch.tools;

/**
 * One operator endpoint's figures as the switch answered them, and where in the journal that
 * answer stands: the switch decided the query after the record at {@code from} and before the
 * record after {@code to} (the journal positions {@code /metrics} reported just before and just
 * after it), and stamped it (moving its event time there) between {@code sentAt} and
 * {@code answeredAt} (this machine's clock when the query left and when the answer arrived).
 *
 * @param endpoint   the endpoint, e.g. {@code /v1/campaigns}
 * @param figures    its figures by name
 * @param from       the journal index the switch reported before the query
 * @param to         the journal index the switch reported after it
 * @param sentAt     epoch milliseconds when the query was sent
 * @param answeredAt epoch milliseconds when the answer arrived
 */
record SwitchAnswer(String endpoint, NamedFigures figures, long from, long to, long sentAt, long answeredAt)
{
    /** True when the state after the record at {@code index} may be the one the switch answered from. */
    boolean covers(final long index)
    {
        return index >= from && index <= to;
    }
}
