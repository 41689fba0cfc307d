package org.payswitch.core.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one connection, one address or one slow sender may hold of the switch, per port (HTTP and
 * ISO 8583 each count their own): open connections in all and per remote address (one over either
 * cap is closed at once), how long a request may take to arrive from its first byte to its last
 * (a slow sender is closed), and how long a connection may stay silent between requests.
 *
 * @param maxConnections           open connections per port at most
 * @param maxConnectionsPerAddress open connections per port from one remote address at most
 * @param requestDeadline          from the first byte of an HTTP request or ISO 8583 frame until it is complete
 * @param idleTimeout              a connection that sends nothing for this long (owing it no answer) is closed
 */
public record GatewayLimits(int maxConnections, int maxConnectionsPerAddress, Duration requestDeadline,
    Duration idleTimeout)
{
    /** The keys of these settings and their defaults as text, in the order they are documented. */
    public static Map<String, String> defaults()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("max-connections", "10000");
        defaults.put("max-connections-per-address", "1000");
        defaults.put("request-deadline", "PT10S");
        defaults.put("idle-timeout", "PT5M");
        return defaults;
    }

    /** The limits from the switch's textual values; a bad one is refused with a message naming its key. */
    public static GatewayLimits from(final Map<String, String> values)
    {
        final int total = integer(values, "max-connections");
        final int perAddress = integer(values, "max-connections-per-address");
        if (perAddress > total)
        {
            throw new ConfigException("max-connections-per-address: at most max-connections (" + total + "), was " +
                perAddress);
        }
        return new GatewayLimits(total, perAddress, duration(values, "request-deadline"),
            duration(values, "idle-timeout"));
    }

    private static int integer(final Map<String, String> values, final String key)
    {
        final String text = values.getOrDefault(key, "").trim();
        try
        {
            final int value = Integer.parseInt(text);
            if (value < 1 || value > 1_000_000)
            {
                throw new ConfigException(key + ": 1..1000000, was " + value);
            }
            return value;
        }
        catch (final NumberFormatException e)
        {
            throw new ConfigException(key + ": not a number: '" + text + "'");
        }
    }

    private static Duration duration(final Map<String, String> values, final String key)
    {
        final String text = values.getOrDefault(key, "").trim();
        try
        {
            final Duration value = Duration.parse(text);
            if (value.compareTo(Duration.ofMillis(1)) < 0)
            {
                throw new ConfigException(key + ": a positive ISO-8601 duration of 1 ms or more, was " + value);
            }
            return value;
        }
        catch (final DateTimeParseException e)
        {
            throw new ConfigException(key + ": not an ISO-8601 duration (e.g. PT10S, PT5M): '" + text + "'");
        }
    }
}
