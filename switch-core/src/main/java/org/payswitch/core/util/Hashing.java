package org.payswitch.core.util;

/**
 * 64-bit mixing for indexes, fingerprints and the state hash. Stable across runs and JVMs,
 * so hashes can be compared between a live switch and a replay. Not cryptographic.
 */
public final class Hashing
{
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing()
    {
    }

    /** Finalises a 64-bit value into a well-spread hash (splitmix64's finaliser). */
    public static long mix(final long value)
    {
        long z = value + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Folds {@code value} into the running hash {@code hash}; order matters. */
    public static long combine(final long hash, final long value)
    {
        return mix(hash * 31 + value);
    }
}
