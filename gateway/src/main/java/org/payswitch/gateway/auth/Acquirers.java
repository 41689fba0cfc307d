package org.payswitch.gateway.auth;

import java.util.List;

import org.agrona.collections.Long2ObjectHashMap;
import org.payswitch.core.config.Acquirer;

/**
 * The acquirer table of the ISO 8583 port, found by DE 32 as a number ({@link Acquirer#key}) with
 * no allocation. Built once at start and only read afterwards, by every I/O thread.
 */
public final class Acquirers
{
    /** No table: every acquirer is served (contract version 1, loopback only). */
    public static final Acquirers NONE = new Acquirers(List.of());

    private final Long2ObjectHashMap<Acquirer> byKey = new Long2ObjectHashMap<>();

    private Acquirers(final List<Acquirer> acquirers)
    {
        for (final Acquirer acquirer : acquirers)
        {
            byKey.put(acquirer.key(), acquirer);
        }
    }

    /** The table of the configuration ({@code AuthConfig.acquirers()}). */
    public static Acquirers of(final List<Acquirer> acquirers)
    {
        return acquirers.isEmpty() ? NONE : new Acquirers(acquirers);
    }

    /** True when only the table's acquirers are served. */
    public boolean required()
    {
        return !byKey.isEmpty();
    }

    /** The acquirer with this DE 32 value of {@code digits} digits, or null. */
    Acquirer find(final long value, final int digits)
    {
        return byKey.get(Acquirer.key(value, digits));
    }
}
