package org.payswitch.gateway.guard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caps on open connections, in all and per address, counted on open and close; a connection
 * over a cap is closed as it is set up, before the rest of its pipeline exists.
 */
class ConnectionLimiterTest
{
    private static InetAddress address(final int last) throws Exception
    {
        return InetAddress.getByAddress(new byte[] {10, 0, 0, (byte)last});
    }

    @Test
    void shouldRefuseOverTheTotalCapAndAdmitAgainOnceOneCloses() throws Exception
    {
        final PortConnections port = new PortConnections("iso", 3, 3);
        for (int i = 1; i <= 3; i++)
        {
            assertThat(port.open(address(i))).isEqualTo(PortConnections.Admission.ADMITTED);
        }

        assertThat(port.open(address(4))).isEqualTo(PortConnections.Admission.OVER_TOTAL);
        assertThat(port.openConnections()).isEqualTo(3);
        port.close(address(2));
        assertThat(port.open(address(4))).isEqualTo(PortConnections.Admission.ADMITTED);
        assertThat(port.refusedOverTotal()).isEqualTo(1);
        assertThat(port.refusedOverAddress()).isZero();
    }

    @Test
    void shouldRefuseOverThePerAddressCapWhileOtherAddressesGetIn() throws Exception
    {
        final PortConnections port = new PortConnections("http", 10, 2);
        assertThat(port.open(address(1))).isEqualTo(PortConnections.Admission.ADMITTED);
        assertThat(port.open(address(1))).isEqualTo(PortConnections.Admission.ADMITTED);

        assertThat(port.open(address(1))).isEqualTo(PortConnections.Admission.OVER_ADDRESS);
        assertThat(port.open(address(2))).isEqualTo(PortConnections.Admission.ADMITTED);
        assertThat(port.openFrom(address(1))).isEqualTo(2);
        assertThat(port.openConnections()).isEqualTo(3);
        assertThat(port.refusedOverAddress()).isEqualTo(1);
        port.close(address(1));
        port.close(address(1));
        assertThat(port.openFrom(address(1))).isZero();
        assertThat(port.openConnections()).isEqualTo(1);
    }

    @Test
    void shouldCloseAConnectionOverTheCapAtOnceWithoutBuildingTheRestOfItsPipeline() throws Exception
    {
        final PortConnections port = new PortConnections("http", 10, 2);
        final List<String> seen = new ArrayList<>();
        final InetSocketAddress from = new InetSocketAddress(address(7), 40_000);

        final EmbeddedChannel first = connection(port, from, seen);
        final EmbeddedChannel second = connection(port, from, seen);
        final EmbeddedChannel third = connection(port, from, seen);

        assertThat(first.isActive()).isTrue();
        assertThat(second.isActive()).isTrue();
        assertThat(third.isActive()).isFalse();
        assertThat(third.pipeline().get(Recorder.class)).isNull();
        assertThat(seen).containsExactly("active", "active");
        assertThat(port.openConnections()).isEqualTo(2);
        assertThat(port.refusedOverAddress()).isEqualTo(1);

        first.close();
        assertThat(seen).containsExactly("active", "active", "inactive");
        assertThat(port.openFrom(address(7))).isEqualTo(1);
        assertThat(connection(port, from, seen).isActive()).isTrue();
        second.finishAndReleaseAll();
    }

    private static EmbeddedChannel connection(final PortConnections port, final SocketAddress from,
        final List<String> seen)
    {
        final ChannelInitializer<Channel> rest = new ChannelInitializer<>()
        {
            @Override
            protected void initChannel(final Channel channel)
            {
                channel.pipeline().addLast(new Recorder(seen));
            }
        };
        return new EmbeddedChannel(new ConnectionLimiter(port, rest))
        {
            @Override
            protected SocketAddress remoteAddress0()
            {
                return from;
            }
        };
    }

    /** Records the lifecycle events that pass the limiter. */
    private static final class Recorder extends ChannelInboundHandlerAdapter
    {
        private final List<String> seen;

        Recorder(final List<String> seen)
        {
            this.seen = seen;
        }

        @Override
        public void channelActive(final ChannelHandlerContext ctx)
        {
            seen.add("active");
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            seen.add("inactive");
        }
    }
}
