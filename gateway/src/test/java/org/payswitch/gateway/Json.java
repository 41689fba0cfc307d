package org.payswitch.gateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads single fields out of the switch's flat JSON answers, for tests. */
final class Json
{
    private Json()
    {
    }

    /** The value of {@code "field":"value"} or {@code "field":123}, or null when absent. */
    static String text(final String json, final String field)
    {
        final Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\":(\"([^\"]*)\"|(-?[0-9]+))")
            .matcher(json);
        if (!matcher.find())
        {
            return null;
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
    }
}
