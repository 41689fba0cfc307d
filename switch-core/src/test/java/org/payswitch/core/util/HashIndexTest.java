package org.payswitch.core.util;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HashIndexTest
{
    @Test
    void shouldFindEveryValueAcrossGrowthAndCollidingHashes()
    {
        final HashIndex index = new HashIndex(4);
        final int[] keys = new int[10_000];
        for (int i = 0; i < keys.length; i++)
        {
            keys[i] = i * 7;
            index.put(i % 100, i);
        }
        for (int i = 0; i < keys.length; i++)
        {
            final int wanted = i;
            assertThat(index.get(i % 100, value -> value == wanted)).isEqualTo(i);
        }
        assertThat(index.get(5, value -> false)).isEqualTo(HashIndex.MISSING);
        assertThat(index.size()).isEqualTo(10_000);
    }

    @Test
    void shouldKeepEveryValueWhenReservedAheadAndForgetThemWhenCleared()
    {
        final HashIndex index = new HashIndex(4);
        for (int i = 0; i < 1_000; i++)
        {
            index.put(i * 31, i);
        }
        index.reserve(100_000);
        for (int i = 1_000; i < 2_000; i++)
        {
            index.put(i * 31, i);
        }
        for (int i = 0; i < 2_000; i++)
        {
            final int wanted = i;
            assertThat(index.get(i * 31, value -> value == wanted)).isEqualTo(i);
        }

        index.clear();

        assertThat(index.size()).isZero();
        assertThat(index.get(31, value -> true)).isEqualTo(HashIndex.MISSING);
    }

    @Test
    void shouldTouchTheSlotALookupReadsFirst()
    {
        final HashIndex index = new HashIndex(16);
        index.put(12_345, 7);

        assertThat(index.touch(index.slotOf(12_345))).isEqualTo(7);
        assertThat(index.size()).isEqualTo(1);
    }

    /**
     * Growth moves the old table a few slots per put: right after the put that crosses the
     * threshold the index is growing, every key put before and during it is found (in whichever
     * table holds it), absent keys stay absent, and the growth ends by itself. Seeded keys with
     * colliding hashes; the seed is printed on failure.
     */
    @Test
    void shouldFindEveryKeyWhileGrowingAFewSlotsAtATime()
    {
        final long seed = System.nanoTime();
        final java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        final HashIndex index = new HashIndex(1_000);
        final int count = 200_000;
        final int[] hashes = new int[count];
        boolean sawGrowing = false;
        for (int i = 0; i < count; i++)
        {
            hashes[i] = random.nextInt(50_000);
            final int key = i;
            assertThat(index.get(hashes[i], value -> value == key)).as("seed %d, new key %d", seed, i)
                .isEqualTo(HashIndex.MISSING);
            index.put(hashes[i], i);
            sawGrowing |= index.growing();
            final int earlier = random.nextInt(i + 1);
            assertThat(index.get(hashes[earlier], value -> value == earlier)).as("seed %d, key %d after %d puts", seed,
                earlier, i + 1).isEqualTo(earlier);
        }
        assertThat(sawGrowing).isTrue();
        for (int i = 0; i < count; i++)
        {
            final int key = i;
            assertThat(index.get(hashes[i], value -> value == key)).as("seed %d, key %d", seed, i).isEqualTo(i);
        }
        assertThat(index.size()).isEqualTo(count);
    }

    @Test
    void shouldStartGrowingWithoutMovingEverythingAndFinishWithinTheNextPuts()
    {
        final HashIndex index = new HashIndex(1 << 16);
        int puts = 0;
        while (!index.growing())
        {
            index.put(puts * 7919, puts);
            puts++;
        }
        final int atStart = puts;
        while (index.growing())
        {
            index.put(puts * 7919, puts);
            puts++;
        }
        assertThat(puts - atStart).as("puts to move the old table of %d slots", Integer.highestOneBit(atStart) * 2)
            .isGreaterThan(1_000).isLessThanOrEqualTo(atStart * 2 / HashIndex.MIGRATION_STEP + 1);
        index.reserve(4 * puts);
        assertThat(index.growing()).isFalse();
        for (int i = 0; i < puts; i++)
        {
            final int key = i;
            assertThat(index.get(i * 7919, value -> value == key)).isEqualTo(i);
        }
    }
}
