package org.payswitch.core.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admission limit from the writer's measured service time, the bound publishers see, and the
 * patience past it while the oldest waiting request is fresh.
 */
class AdmissionGateTest
{
    private static final long ADMITTED_WAIT = 50_000_000L;
    private static final int RING = 1 << 16;

    private final AdmissionGate gate = new AdmissionGate(ADMITTED_WAIT, RING);

    @Test
    void shouldAdmitTheWholeRingUntilAWindowIsMeasured()
    {
        assertThat(gate.admits(Long.MAX_VALUE - 2)).isTrue();

        gate.batchEnded(100, 1_000_000, 99);

        assertThat(gate.limit()).isEqualTo(RING);
        assertThat(gate.admits(99 + RING - 1)).isTrue();
        assertThat(gate.admits(99 + RING)).isFalse();
    }

    @Test
    void shouldAdmitWhatTheWriterDecidesWithinTheAdmittedWaitOnceAWindowOfEventsIsFull()
    {
        final long perEvent = 1_000;
        gate.batchEnded(AdmissionGate.WINDOW_EVENTS / 2, AdmissionGate.WINDOW_EVENTS / 2 * perEvent, 4095);
        gate.batchEnded(AdmissionGate.WINDOW_EVENTS / 2, AdmissionGate.WINDOW_EVENTS / 2 * perEvent, 8191);

        final int limit = (int)(ADMITTED_WAIT / perEvent);
        assertThat(gate.limit()).isEqualTo(limit);
        assertThat(gate.admits(8191 + limit - 1)).isTrue();
        assertThat(gate.admits(8191 + limit)).isFalse();
    }

    @Test
    void shouldCloseAWindowAfterItsBusyTimeEvenWithFewEvents()
    {
        gate.batchEnded(1_000, AdmissionGate.WINDOW_NANOS, 999);

        assertThat(gate.limit()).isEqualTo((int)(ADMITTED_WAIT / (AdmissionGate.WINDOW_NANOS / 1_000)));
    }

    @Test
    void shouldNeverAdmitFewerThanTheMinimumNorMoreThanTheRing()
    {
        gate.batchEnded(1, AdmissionGate.WINDOW_NANOS * 100, 0);
        assertThat(gate.limit()).isEqualTo(AdmissionGate.MIN_LIMIT);

        gate.batchEnded(AdmissionGate.WINDOW_EVENTS, 1, AdmissionGate.WINDOW_EVENTS);
        assertThat(gate.limit()).isEqualTo(RING);

        final AdmissionGate small = new AdmissionGate(ADMITTED_WAIT, 1024);
        small.batchEnded(1, AdmissionGate.WINDOW_NANOS * 100, 0);
        assertThat(small.limit()).isEqualTo(1024);
    }

    @Test
    void shouldFollowTheServiceTimeWhenItChanges()
    {
        gate.batchEnded(AdmissionGate.WINDOW_EVENTS, AdmissionGate.WINDOW_EVENTS * 10_000L, 8191);
        final int slow = gate.limit();

        gate.batchEnded(AdmissionGate.WINDOW_EVENTS, AdmissionGate.WINDOW_EVENTS * 2_000L, 16383);

        assertThat(slow).isEqualTo(5_000);
        assertThat(gate.limit()).isEqualTo(25_000);
    }

    @Test
    void shouldAdmitPastTheLimitWhileTheOldestWaitingRequestIsFresh()
    {
        final long[] received = new long[RING];
        final long[] now = {1_000_000_000L};
        final AdmissionGate patient = new AdmissionGate(ADMITTED_WAIT, RING, sequence -> received[(int)sequence], () -> now[0]);
        patient.batchEnded(AdmissionGate.WINDOW_EVENTS, AdmissionGate.WINDOW_EVENTS * 10_000L, 8191);
        final long past = 8191 + patient.limit();
        received[8192] = now[0];

        now[0] += ADMITTED_WAIT / 2 - 1;
        assertThat(patient.admits(past)).isTrue();

        now[0] += 1;
        assertThat(patient.admits(past)).isFalse();
        assertThat(patient.admits(past - 1)).isTrue();
    }

    @Test
    void shouldLeaveItToTheLimitWhenTheOldestSlotHasNoReceiveTime()
    {
        final AdmissionGate patient = new AdmissionGate(ADMITTED_WAIT, RING, sequence -> 0L, () -> 1_000L);
        patient.batchEnded(AdmissionGate.WINDOW_EVENTS, AdmissionGate.WINDOW_EVENTS * 10_000L, 8191);

        assertThat(patient.admits(8191 + patient.limit())).isFalse();
    }

    @Test
    void shouldRefuseANonPositiveWait()
    {
        assertThatThrownBy(() -> new AdmissionGate(0, RING)).isInstanceOf(IllegalArgumentException.class);
    }
}
