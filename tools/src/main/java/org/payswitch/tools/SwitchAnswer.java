package org.payswitch.tools;

/**
 * One operator endpoint's figures as the switch answered them, and where in the journal that
 * answer stands: the switch decided the query after the record at {@code from} and before the
 * record after {@code to} (the journal positions {@code /metrics} reported just before and just
 * after it). A query changes nothing in the switch, so its answer is the state after one of the
 * records between the two.
 *
 * @param endpoint   the endpoint, e.g. {@code /v1/campaigns}
 * @param figures    its figures by name
 * @param from       the journal index the switch reported before the query
 * @param to         the journal index the switch reported after it
 */
record SwitchAnswer(String endpoint, NamedFigures figures, long from, long to)
{
    /** True when the state after the record at {@code index} may be the one the switch answered from. */
    boolean covers(final long index)
    {
        return index >= from && index <= to;
    }
}
