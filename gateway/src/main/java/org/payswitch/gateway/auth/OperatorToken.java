package org.payswitch.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator endpoints' check of {@code Authorization: Bearer <admin token>}. Both the expected
 * and the presented header are hashed (SHA-256) and the hashes compared with
 * {@link MessageDigest#isEqual}, so the time taken says nothing about how much of a guess was
 * right, nor about the token's length. Operator calls are rare: the check allocates.
 */
public final class OperatorToken
{
    private final byte[] expected;

    public OperatorToken(final String adminToken)
    {
        this.expected = sha256("Bearer " + adminToken);
    }

    /** True when the header (null when absent) carries the admin token. */
    public boolean matches(final String authorization)
    {
        return authorization != null && MessageDigest.isEqual(expected, sha256(authorization));
    }

    private static byte[] sha256(final String text)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (final NoSuchAlgorithmException e)
        {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
