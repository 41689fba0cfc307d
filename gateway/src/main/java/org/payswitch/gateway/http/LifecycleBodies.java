package org.payswitch.gateway.http;

import java.util.Map;

/**
 * The bodies of a capture and a refund (docs/api.md section 3) as Jackson maps them
 * ({@link BodyMapper}); a reversal's body is any object, or none.
 */
final class LifecycleBodies
{
    /** What each field of a capture or refund body must be. */
    static final Map<String, String> FIELDS = Map.of("amount", BodyFields.MINOR_UNITS, "refundId", BodyFields.TEXT);

    private LifecycleBodies()
    {
    }

    /** {@code {"amount": 11000}}: the amount is optional (the whole charged amount). */
    record Capture(Long amount)
    {
    }

    /** {@code {"refundId": "R1", "amount": 5000}}: both required. */
    record Refund(String refundId, Long amount)
    {
    }
}
