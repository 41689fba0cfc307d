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
}
