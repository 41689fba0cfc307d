package org.payswitch.gateway.http;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ZoneCalendar;
import org.payswitch.gateway.json.JsonException;

/**
 * The checks a cold-path body's fields share once Jackson has mapped them (docs/api.md section
 * 3), each throwing a {@link JsonException} that names the field; and what each kind of field
 * must be, the words of the error answers.
 */
final class BodyFields
{
    static final String TEXT = "a non-empty string is required";
    static final String MINOR_UNITS = "an integer number of minor units";
    static final String LIMIT = "null or an integer";
    static final String INTEGER = "an integer";
    static final String STRINGS = "an array of strings";

    private static final int FOUR_DIGITS = 4;

    private BodyFields()
    {
    }

    /** A non-empty string. */
    static String text(final String value, final String field)
    {
        if (value == null || value.isEmpty())
        {
            throw new JsonException(field + ": " + TEXT, field);
        }
        return value;
    }

    /** An integer of minor units, of any sign (the engine decides whether the amount is acceptable). */
    static long amount(final Long value, final String field)
    {
        if (value == null)
        {
            throw new JsonException(field + ": " + MINOR_UNITS, field);
        }
        return value;
    }

    /** A limit: null is none ({@link Money#NO_LIMIT}). */
    static long optionalLimit(final Long value)
    {
        return value == null ? Money.NO_LIMIT : value;
    }

    /** An integer inside a nested object: {@code field} is the name an error gives (discount.amount). */
    static long integer(final Long value, final String field)
    {
        if (value == null)
        {
            throw new JsonException(field + ": " + INTEGER, field);
        }
        return value;
    }

    /** A PAN of 12..19 digits, as {@link Pan} holds it. */
    static long pan(final String value)
    {
        final long pan = Pan.parse(text(value, "pan"));
        if (pan == Pan.INVALID)
        {
            throw new JsonException("pan: 12..19 digits", "pan");
        }
        return pan;
    }

    /** A card expiry, YYMM. */
    static int expiry(final String value, final String field)
    {
        final String text = text(value, field);
        if (!isDigits(text, FOUR_DIGITS) || !ZoneCalendar.isValidExpiry(Integer.parseInt(text)))
        {
            throw new JsonException(field + ": YYMM", field);
        }
        return Integer.parseInt(text);
    }

    /** A card status: ACTIVE, BLOCKED, LOST or STOLEN. */
    static CardStatus status(final String value, final String field)
    {
        final CardStatus status = CardStatus.parse(text(value, field));
        if (status == null)
        {
            throw new JsonException(field + ": ACTIVE, BLOCKED, LOST or STOLEN", field);
        }
        return status;
    }

    /** An ISO 4217 alphabetic code the switch knows, as its numeric code. */
    static int currency(final String value, final String field)
    {
        final int code = Currencies.numericOf(text(value, field));
        if (code == Currencies.UNKNOWN)
        {
            throw new JsonException(field + ": a known ISO 4217 alphabetic code", field);
        }
        return code;
    }

    /** An ISO-8601 date-time with an offset. */
    static OffsetDateTime time(final String value, final String field)
    {
        try
        {
            return OffsetDateTime.parse(text(value, field));
        }
        catch (final DateTimeParseException e)
        {
            throw new JsonException(field + ": an ISO-8601 date-time with offset", field);
        }
    }

    /** A merchant category code: 4 digits. */
    static int mcc(final String value, final String field, final String problem)
    {
        if (!isDigits(value, FOUR_DIGITS))
        {
            throw new JsonException(field + ": " + problem, field);
        }
        return Integer.parseInt(value);
    }

    /** An array of strings; null or absent is empty. */
    static List<String> strings(final List<String> values, final String field)
    {
        if (values == null)
        {
            return List.of();
        }
        if (values.contains(null))
        {
            throw new JsonException(field + ": " + STRINGS, field);
        }
        return values;
    }

    /** An array of merchant category codes; null or absent is empty. */
    static List<Integer> mccs(final List<String> values, final String field)
    {
        final List<Integer> mccs = new ArrayList<>();
        for (final String mcc : strings(values, field))
        {
            mccs.add(mcc(mcc, field, "each is 4 digits"));
        }
        return mccs;
    }

    private static boolean isDigits(final String text, final int count)
    {
        if (text == null || text.length() != count)
        {
            return false;
        }
        for (int i = 0; i < count; i++)
        {
            if (text.charAt(i) < '0' || text.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
