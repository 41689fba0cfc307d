package org.payswitch.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The floor under {@link AuthorizeBenchmark}: how long one load from a random place in a table of
 * a given size takes on this machine, each load waiting for the one before (a pointer chase over a
 * random cycle through the table's cache lines, so neither the prefetcher nor the CPU's
 * out-of-order window can hide it). A new authorization reads one such place of the idempotency
 * index (a table of 8 bytes a slot, 2^26 slots = 512 MB for the 32 M transactions the benchmark
 * sizes it for) and one of the card index (16 MB for 1 M cards), whatever the code around them
 * does: one authorization at a time cannot run faster than the sum of the two loads not
 * overlapped, plus its own work. Sizes in MB as arguments (default 4 16 64 512), 3 rounds of
 * 20 M loads each, median printed. Run with the JVM's flags of the case to read, e.g.
 * {@code java -Xms4g -Xmx4g -XX:+AlwaysPreTouch [-XX:+UseTransparentHugePages] -cp benchmarks/target/benchmarks.jar org.payswitch.benchmarks.MemoryLatencyProbe}
 * (huge pages change the figure: benchmarks/README.md).
 */
public final class MemoryLatencyProbe
{
    private static final int INTS_PER_LINE = 16;
    private static final int LOADS = 20_000_000;
    private static final int ROUNDS = 3;

    private MemoryLatencyProbe()
    {
    }

    public static void main(final String[] args)
    {
        final int[] sizes = args.length == 0 ? new int[] {4, 16, 64, 512} :
            Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (final int megabytes : sizes)
        {
            final int[] table = randomCycle(megabytes);
            final double[] nanos = new double[ROUNDS];
            int at = 0;
            for (int round = 0; round < ROUNDS; round++)
            {
                final long started = System.nanoTime();
                for (int i = 0; i < LOADS; i++)
                {
                    at = table[at];
                }
                nanos[round] = (double)(System.nanoTime() - started) / LOADS;
            }
            Arrays.sort(nanos);
            System.out.printf("%5d MB: %6.1f ns per dependent random load (rounds %.1f / %.1f / %.1f; end %d)%n",
                megabytes, nanos[ROUNDS / 2], nanos[0], nanos[1], nanos[2], at);
        }
    }

    /** A table of {@code megabytes} whose cache lines' first ints link all lines in one random cycle. */
    private static int[] randomCycle(final int megabytes)
    {
        final int[] table = new int[megabytes * (1 << 20) / Integer.BYTES];
        final int lines = table.length / INTS_PER_LINE;
        final int[] order = new int[lines];
        for (int i = 0; i < lines; i++)
        {
            order[i] = i;
        }
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = lines - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int i = 0; i < lines; i++)
        {
            table[order[i] * INTS_PER_LINE] = order[(i + 1) % lines] * INTS_PER_LINE;
        }
        return table;
    }
}
