package org.payswitch.tools.operator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.payswitch.core.domain.Pan;

/**
 * The card file of {@code import cards} and {@code generate cards}: CSV with the header
 * {@value #HEADER}, one card a line, the fields of {@code POST /v1/cards} (docs/api.md section 3);
 * amounts in minor units, an empty limit for none. A line becomes the request body; the tool checks
 * only what it must read itself (the column count, the PAN's digits, whole numbers), and the switch
 * checks the rest (Luhn, expiry, status, currency), so a card is judged by one set of rules.
 */
final class CardCsv
{
    /** The first line of every card file. */
    static final String HEADER = "pan,expiry,status,currency,creditLimit,perTransactionLimit,dailyLimit";

    private static final String[] NAMES = HEADER.split(",");
    private static final int COLUMNS = NAMES.length;
    private static final JsonStringEncoder JSON_TEXT = JsonStringEncoder.getInstance();

    private CardCsv()
    {
    }

    /**
     * One line of a card file: the request body and the PAN (as a number and its length, to find the
     * same card twice in a file), or the problem that keeps it from being sent.
     *
     * @param body      the JSON body of {@code POST /v1/cards}, or null
     * @param pan       the PAN's value
     * @param panLength the PAN's digits
     * @param problem   why the line cannot be sent, or null
     */
    record Line(String body, long pan, int panLength, String problem)
    {
        static Line refused(final String problem)
        {
            return new Line(null, Pan.INVALID, 0, problem);
        }
    }

    /** The line {@code text} of a card file (not its header). */
    static Line parse(final String text)
    {
        final String[] fields = text.split(",", -1);
        if (fields.length != COLUMNS)
        {
            return Line.refused("expected " + COLUMNS + " columns (" + HEADER + "), found " + fields.length);
        }
        final String panText = fields[0].trim();
        final long pan = Pan.parse(panText);
        if (pan == Pan.INVALID)
        {
            return Line.refused("pan: not 12 to 19 digits");
        }
        final StringBuilder body = new StringBuilder(192).append("{\"pan\":\"").append(panText).append('"');
        text(body, "expiry", fields[1]);
        text(body, "status", fields[2]);
        text(body, "currency", fields[3]);
        for (int i = 4; i < COLUMNS; i++)
        {
            final String name = NAMES[i];
            final String value = fields[i].trim();
            if (value.isEmpty() && i > 4)
            {
                body.append(",\"").append(name).append("\":null");
                continue;
            }
            if (!isWholeNumber(value))
            {
                return Line.refused(name + ": not a whole number of minor units" + (i > 4 ? " (empty for no limit)" : ""));
            }
            body.append(",\"").append(name).append("\":").append(value);
        }
        return new Line(body.append('}').toString(), pan, panText.length(), null);
    }

    /** A card file's line for a card with no per-transaction or daily limit. */
    static String row(final String pan, final int expiry, final String status, final String currency, final long creditLimit)
    {
        return pan + ',' + String.format("%04d", expiry) + ',' + status + ',' + currency + ',' + creditLimit + ",,";
    }

    private static void text(final StringBuilder body, final String name, final String value)
    {
        body.append(",\"").append(name).append("\":\"").append(JSON_TEXT.quoteAsString(value.trim())).append('"');
    }

    /** Digits with an optional minus (the switch says why a negative amount is wrong), at most 18 digits. */
    private static boolean isWholeNumber(final String value)
    {
        final int start = value.startsWith("-") ? 1 : 0;
        if (value.length() == start || value.length() - start > 18)
        {
            return false;
        }
        for (int i = start; i < value.length(); i++)
        {
            if (value.charAt(i) < '0' || value.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
