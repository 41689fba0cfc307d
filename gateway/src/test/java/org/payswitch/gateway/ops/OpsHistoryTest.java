package org.payswitch.gateway.ops;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The window of samples: the oldest dropped once full, and what a page that saw up to a number has not seen. */
class OpsHistoryTest
{
    @Test
    void shouldKeepTheNewestSamplesUpToItsCapacity()
    {
        final OpsHistory history = new OpsHistory(3);
        for (long seq = 0; seq < 5; seq++)
        {
            history.add(sample(seq));
        }

        assertThat(history.after(-1)).extracting(OpsSample::seq).containsExactly(2L, 3L, 4L);
        assertThat(history.newest().seq()).isEqualTo(4);
    }

    @Test
    void shouldGiveOnlyTheSamplesAfterTheOneSeen()
    {
        final OpsHistory history = new OpsHistory(10);
        for (long seq = 0; seq < 5; seq++)
        {
            history.add(sample(seq));
        }

        assertThat(history.after(2)).extracting(OpsSample::seq).containsExactly(3L, 4L);
        assertThat(history.after(4)).isEmpty();
        assertThat(history.after(99)).isEmpty();
    }

    @Test
    void shouldHaveNothingBeforeTheFirstSampleAndRefuseNoRoom()
    {
        assertThat(new OpsHistory(1).newest()).isNull();
        assertThatThrownBy(() -> new OpsHistory(0)).isInstanceOf(IllegalArgumentException.class);
    }

    static OpsSample sample(final long seq)
    {
        return new OpsSample(seq, 1_000 * seq, List.of(seq), seq, 1, 0, OpsSample.NO_LATENCY, OpsSample.NO_LATENCY,
            OpsSample.NO_LATENCY, 0, 1024, -1, List.of());
    }
}
