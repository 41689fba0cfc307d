package org.payswitch.core.testing;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.stream.LongStream;

/**
 * Randomized property checks with plain JUnit: a property is a method of one {@code long} seed that
 * draws all its inputs from a {@link SplittableRandom} made from that seed, so the seed alone
 * reproduces a run. {@link #check} runs the property for the fixed seeds 1..tries, the same in every
 * build (what one build finds, every build finds), then for one fresh random seed, a new sample each
 * run. The first failure stops the check with an {@link AssertionError} that names its seed; the
 * system property {@value #REPLAY_PROPERTY} runs that one seed alone, e.g.
 * {@code mvn -o verify -pl switch-core -Dtest=CreditPropertiesTest -Dpayswitch.test.seed=42}.
 * There is no shrinking: a replayed seed gives the whole failing sequence.
 */
public final class Seeds
{
    /** The system property that replays one seed instead of the fixed seeds and the random one. */
    public static final String REPLAY_PROPERTY = "payswitch.test.seed";

    /**
     * One draw of {@link #between} in this many is a bound of its range: bugs gather at the bounds
     * (the smallest amount, the longest sequence), which uniform draws rarely reach.
     */
    private static final int EDGE_ODDS = 16;

    private Seeds()
    {
    }

    /**
     * Checks {@code property} for the seeds 1..{@code tries} and one random seed (tries + 1 runs in
     * all), or for the seed of {@value #REPLAY_PROPERTY} alone when it is set.
     */
    public static void check(final int tries, final LongConsumer property)
    {
        check(tries, System.getProperty(REPLAY_PROPERTY), property);
    }

    /** {@link #check(int, LongConsumer)} with the replayed seed given (null: none). */
    static void check(final int tries, final String replay, final LongConsumer property)
    {
        if (replay != null && !replay.isBlank())
        {
            run(Long.parseLong(replay.trim()), property);
            return;
        }
        for (long seed = 1; seed <= tries; seed++)
        {
            run(seed, property);
        }
        run(new SplittableRandom().nextLong(), property);
    }

    /**
     * The same seeds as {@link #check}, for a {@code @ParameterizedTest} with a {@code @MethodSource}:
     * 1..{@code tries}, then one random seed, or the seed of {@value #REPLAY_PROPERTY} alone. A
     * failure's message names its seed with {@link #replay}.
     */
    public static LongStream stream(final int tries)
    {
        final String replay = System.getProperty(REPLAY_PROPERTY);
        if (replay != null && !replay.isBlank())
        {
            return LongStream.of(Long.parseLong(replay.trim()));
        }
        return LongStream.concat(LongStream.rangeClosed(1, tries), LongStream.of(new SplittableRandom().nextLong()));
    }

    /** How a failure names its seed: enough to run it alone again. */
    public static String replay(final long seed)
    {
        return "seed " + seed + " (run it alone with -D" + REPLAY_PROPERTY + "=" + seed + ")";
    }

    /** A number in [min, max]: a bound one time in {@value #EDGE_ODDS}, else uniform. */
    public static long between(final SplittableRandom random, final long min, final long max)
    {
        if (min > max || max == Long.MAX_VALUE)
        {
            throw new IllegalArgumentException("between " + min + " and " + max);
        }
        final int edge = random.nextInt(EDGE_ODDS);
        if (edge == 0)
        {
            return min;
        }
        if (edge == 1)
        {
            return max;
        }
        return random.nextLong(min, max + 1);
    }

    /** A number in [min, max]: a bound one time in {@value #EDGE_ODDS}, else uniform. */
    public static int between(final SplittableRandom random, final int min, final int max)
    {
        return (int)between(random, (long)min, (long)max);
    }

    private static void run(final long seed, final LongConsumer property)
    {
        try
        {
            property.accept(seed);
        }
        catch (final AssertionError | RuntimeException e)
        {
            throw new AssertionError(replay(seed) + " fails: " + e.getMessage(), e);
        }
    }
}
