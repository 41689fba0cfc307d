package org.payswitch.tools;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.payswitch.gateway.iso.IsoFrameDecoder;
import org.payswitch.gateway.iso.IsoMessage;
import org.payswitch.gateway.iso.IsoWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One ISO connection of the open loop on an embedded channel and a settable clock: what it sends
 * on each tick, and the latency it records for an answer that comes late.
 */
class LoadConnectionTest
{
    private static final long MS = 1_000_000L;
    private static final long START = 1_000 * MS;

    private long now = START;
    private final Timeline timeline = new Timeline(10, LoadConnection.MAX_LATENCY_NANOS, HotCampaign.DISCOUNT);

    private IsoLoadConnection connection(final int maxInFlight)
    {
        final LoadPlan plan = new LoadPlan(1, maxInFlight, RateSchedule.constant(1_000, 20 * MS), 0, timeline,
            () -> now);
        timeline.start(START);
        return new IsoLoadConnection(plan, 0, new RequestSource(1, 0, "TEST", 100, 10), new String[] {
            "M00000000000000", "M00000000000001", "M00000000000002", "M00000000000003", "M00000000000004",
            "M00000000000005", "M00000000000006", "M00000000000007", "M00000000000008", "M00000000000009"},
            new CountDownLatch(1));
    }

    @Test
    void shouldSendEveryRequestDueByTheTickAndNoMore()
    {
        final IsoLoadConnection connection = connection(100);
        final EmbeddedChannel channel = new EmbeddedChannel(new IsoFrameDecoder(), connection);

        now = START + 5 * MS + 500_000;
        connection.tick();

        assertThat(connection.sent).isEqualTo(6);
        assertThat(channel.outboundMessages()).as("one write per tick").hasSize(1);
        assertThat(stans(channel)).containsExactly(1, 2, 3, 4, 5, 6);
        now = START + 6 * MS;
        connection.tick();
        assertThat(connection.sent).isEqualTo(7);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldCountADelayedAnswerFromItsRequestsDueTime()
    {
        final IsoLoadConnection connection = connection(100);
        final EmbeddedChannel channel = new EmbeddedChannel(new IsoFrameDecoder(), connection);
        now = START + 5 * MS;
        connection.tick();
        final int stan = stans(channel).get(0);

        now = START + 105 * MS;
        channel.writeInbound(answer(stan, null));

        assertThat(connection.measured).isEqualTo(1);
        assertThat(stan).isEqualTo(1);
        assertThat((double)connection.latency.getMaxValue()).as("from due time 0")
            .isCloseTo(105 * MS, within(0.001 * 105 * MS));
        assertThat((double)connection.serviceTime.getMaxValue()).as("from the write at 5 ms")
            .isCloseTo(100 * MS, within(0.001 * 100 * MS));
        assertThat(connection.codes[0]).isEqualTo(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldCountRequestsBeyondTheInFlightBoundAsNotSent()
    {
        final IsoLoadConnection connection = connection(3);
        final EmbeddedChannel channel = new EmbeddedChannel(new IsoFrameDecoder(), connection);

        now = START + 9 * MS;
        connection.tick();

        assertThat(connection.sent).isEqualTo(3);
        assertThat(connection.notSent).isEqualTo(7);
        assertThat(timeline.notSent(0)).isEqualTo(7);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldCountAnAnswerWithDe54AsDiscountedAndOneWithoutAsNot()
    {
        final IsoLoadConnection connection = connection(100);
        final EmbeddedChannel channel = new EmbeddedChannel(new IsoFrameDecoder(), connection);
        now = START + MS;
        connection.tick();
        final List<Integer> written = stans(channel);
        final int first = written.get(0);
        final int second = written.get(1);

        now = START + 2 * MS;
        channel.writeInbound(answer(first, "0091156C000000001888"));
        channel.writeInbound(answer(second, null));
        timeline.closeSecond(0);

        assertThat(connection.answered).isEqualTo(2);
        assertThat(connection.discounted).isEqualTo(1);
        assertThat(timeline.discounted(0)).isEqualTo(1);
        assertThat(timeline.hotDiscounted(0)).isEqualTo(1);
        assertThat(timeline.discountSum(0)).isEqualTo(1_888);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldStopAtTheEndOfTheScheduleAndFinishOnceAllIsAnswered()
    {
        final IsoLoadConnection connection = connection(100);
        final EmbeddedChannel channel = new EmbeddedChannel(new IsoFrameDecoder(), connection);

        now = START + 50 * MS;
        connection.tick();

        assertThat(connection.sent).as("20 ms at 1000/s").isEqualTo(20);
        assertThat(connection.sending).isFalse();
        final List<Integer> written = stans(channel);
        assertThat(written).hasSize(20);
        for (final int stan : written)
        {
            channel.writeInbound(answer(stan, null));
        }
        assertThat(connection.answered).isEqualTo(20);
        assertThat(connection.measured).isEqualTo(20);
        channel.finishAndReleaseAll();
    }

    /** The STANs of the requests the connection wrote since the last call, in order (frames split by their length). */
    private static List<Integer> stans(final EmbeddedChannel channel)
    {
        final List<Integer> stans = new ArrayList<>();
        final IsoMessage message = new IsoMessage();
        ByteBuf written;
        while ((written = channel.readOutbound()) != null)
        {
            while (written.isReadable())
            {
                final int length = written.readUnsignedShort();
                assertThat(message.decode(written, written.readerIndex(), length)).isEqualTo(IsoMessage.OK);
                written.skipBytes(length);
                stans.add((int)message.numeric(11));
            }
            written.release();
        }
        return stans;
    }

    /** A bare 0110 (DE 11, 39, and DE 54 when given), framed as the switch sends it. */
    private static ByteBuf answer(final int stan, final String de54)
    {
        final ByteBuf out = Unpooled.buffer();
        final IsoWriter writer = new IsoWriter().begin(out, 110, false).numeric(11, stan).ascii(39, "00");
        if (de54 != null)
        {
            final byte[] entry = de54.getBytes(StandardCharsets.US_ASCII);
            writer.lllAscii(54, entry, entry.length);
        }
        writer.end();
        return out;
    }
}
