package org.payswitch.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedsTest
{
    @Test
    void shouldRunTheFixedSeedsThenOneMore()
    {
        final List<Long> seeds = new ArrayList<>();

        Seeds.check(5, null, seeds::add);

        assertThat(seeds).hasSize(6).startsWith(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void shouldNameTheFailingSeedAndHowToReplayIt()
    {
        assertThatThrownBy(() -> Seeds.check(10, null, seed -> assertThat(seed).isNotEqualTo(7L)))
            .isInstanceOf(AssertionError.class)
            .hasMessageStartingWith("seed 7 (run it alone with -Dpayswitch.test.seed=7) fails: ")
            .hasCauseInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Seeds.check(10, null, seed -> List.of().get((int)seed)))
            .hasMessageStartingWith("seed 1 (").hasCauseInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldRunTheReplayedSeedAlone()
    {
        final List<Long> seeds = new ArrayList<>();

        Seeds.check(100, " -42", seeds::add);

        assertThat(seeds).containsExactly(-42L);
    }

    @Test
    void shouldDrawWithinTheRangeAndReachBothBounds()
    {
        final SplittableRandom random = new SplittableRandom(1);
        final List<Integer> draws = new ArrayList<>();
        for (int i = 0; i < 1_000; i++)
        {
            draws.add(Seeds.between(random, -3, 80));
        }

        assertThat(draws).allSatisfy(draw -> assertThat(draw).isBetween(-3, 80)).contains(-3, 80);
        assertThat(Seeds.between(random, 5L, 5L)).isEqualTo(5L);
    }
}
