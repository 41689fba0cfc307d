package org.payswitch.gateway.json;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds of the randomized tests: a fixed list, the same every run, and one more drawn for this
 * run, so each run also tries something new. A failure names its seed; {@code -Djson.seed=N}
 * replaces the drawn seed with N, so the failing case runs again.
 */
public final class Seeds
{
    /** The seed drawn for this run (or given as {@code -Djson.seed}). */
    public static final long RUN_SEED = Long.getLong("json.seed", new SplittableRandom().nextLong());

    private static final long[] FIXED = {1L, 42L, 20_261_206L, 0x5EED_CAFEL, -7_777_777_777L, 31_337L};

    private Seeds()
    {
    }

    /** The fixed seeds, then this run's. */
    public static LongStream all()
    {
        return LongStream.concat(LongStream.of(FIXED), LongStream.of(RUN_SEED));
    }

    /** How a failure names its seed: enough to run it again. */
    public static String replay(final long seed)
    {
        return "seed " + seed + " (replay with -Djson.seed=" + seed + ")";
    }
}
