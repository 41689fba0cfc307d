package org.payswitch.tools;

/**
 * One figure {@code reconcile} found unequal: what it is, what the journal gives and what the
 * switch answered (either may be "none" when only one side has the figure).
 *
 * @param what         the figure, named by the endpoint, the campaign or funder, and the field
 * @param journal      the figure worked out of the journal
 * @param switchValue  the figure the switch answered
 */
record Difference(String what, String journal, String switchValue)
{
    /** The line {@code reconcile} prints for it. */
    String line()
    {
        return what + ": journal " + journal + ", switch " + switchValue;
    }
}
