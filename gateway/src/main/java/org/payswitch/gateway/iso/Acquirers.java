package org.payswitch.gateway.iso;

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

    /** An acquirer with its MAC key's HMAC pads (null when its requests carry no MAC). */
    record Entry(Acquirer acquirer, byte[] innerPad, byte[] outerPad)
    {
    }

    private final Long2ObjectHashMap<Entry> byKey = new Long2ObjectHashMap<>();

    private Acquirers(final List<Acquirer> acquirers)
    {
        for (final Acquirer acquirer : acquirers)
        {
            final byte[] key = acquirer.macKey();
            final byte[][] pads = key == null ? new byte[2][] : IsoMac.pads(key);
            byKey.put(acquirer.key(), new Entry(acquirer, pads[0], pads[1]));
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
    Entry find(final long value, final int digits)
    {
        return byKey.get(Acquirer.key(value, digits));
    }
}
