package org.payswitch.tools.operator;

/**
 * A line of an import file that was not applied, and why (never with a full PAN).
 *
 * @param line   the line's number in the file, from 1
 * @param reason what was wrong, as the tool or the switch says it
 */
record LineFailure(long line, String reason)
{
    @Override
    public String toString()
    {
        return "line " + line + ": " + reason;
    }
}
