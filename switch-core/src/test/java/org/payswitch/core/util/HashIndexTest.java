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
}
