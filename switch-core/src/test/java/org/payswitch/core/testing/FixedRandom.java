package org.payswitch.core.testing;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * A {@link SecureRandom} whose bytes are a seeded sequence, for tests that need the key material
 * the code draws (data keys, the nonces that wrap them) to be the same in every run: golden bytes
 * of sealed fields and the format fixture. Never for anything but tests.
 */
public final class FixedRandom extends SecureRandom
{
    private static final long serialVersionUID = 1L;

    private final SplittableRandom bytes;

    /** The sequence of {@code seed}. */
    public FixedRandom(final long seed)
    {
        this.bytes = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(final byte[] into)
    {
        bytes.nextBytes(into);
    }

    @Override
    public int nextInt()
    {
        return bytes.nextInt();
    }

    @Override
    public long nextLong()
    {
        return bytes.nextLong();
    }
}
