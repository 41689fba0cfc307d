package org.payswitch.core.engine;

import java.time.Duration;
import java.time.ZoneId;

/**
 * What the engine needs to know: the switch's zone (days for daily limits and campaigns), how
 * long an uncaptured hold lives, and sizing hints so tables do not grow at peak.
 */
public record EngineConfig(ZoneId zone, Duration holdExpiry, int expectedCards, int expectedTransactions)
{
    /** Asia/Shanghai, holds of 7 days, sized for a million cards and a million transactions. */
    public static EngineConfig defaults()
    {
        return new EngineConfig(ZoneId.of("Asia/Shanghai"), Duration.ofDays(7), 1_000_000, 1_000_000);
    }

    /** The same configuration with another hold expiry. */
    public EngineConfig withHoldExpiry(final Duration expiry)
    {
        return new EngineConfig(zone, expiry, expectedCards, expectedTransactions);
    }

    /** The same configuration with other sizing hints. */
    public EngineConfig withExpected(final int cards, final int transactions)
    {
        return new EngineConfig(zone, holdExpiry, cards, transactions);
    }
}
