package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpResponseEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.payswitch.gateway.guard.ConnectionDeadlines;
import org.payswitch.gateway.guard.PortConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP pipeline's deadlines in an EmbeddedChannel on frozen time moved second by second:
 * request-deadline 10 s and idle-timeout 20 s (so a tick of 5 s). A request must be whole within
 * 10 s of its first byte (closed by 15 s), however often its sender adds a header line; complete
 * requests keep a connection open; silence closes it after 20 s (by 30 s).
 */
class HttpDeadlinesTest
{
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(10);
    private static final long IDLE = TimeUnit.SECONDS.toNanos(20);

    private final PortConnections port = new PortConnections("http", 10, 10);
    private EmbeddedChannel channel;

    @BeforeEach
    void open()
    {
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new ConnectionDeadlines(DEADLINE, IDLE, port), new HttpResponseEncoder(),
            new HttpRequestFramer(4096, 8192, 8192), new BoundedBodyAggregator(HttpServerInitializer.MAX_BODY),
            new HttpRequestHandler(new HttpContext(null, "token", ZoneId.of("Asia/Shanghai"), () -> true)));
    }

    @AfterEach
    void close()
    {
        channel.finishAndReleaseAll();
    }

    private void send(final String text)
    {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private void second()
    {
        channel.advanceTimeBy(1, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    private String answers()
    {
        final StringBuilder text = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null)
        {
            text.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        return text.toString();
    }

    @Test
    void shouldCloseASenderThatAddsAHeaderLineEveryFourSecondsAfterTheDeadline()
    {
        send("POST /v1/authorizations HTTP/1.1\r\n");
        int seconds = 0;
        while (channel.isActive() && seconds < 60)
        {
            second();
            seconds++;
            if (seconds % 4 == 0 && channel.isActive())
            {
                send("X-Slow-" + seconds + ": 1\r\n");
            }
            if (seconds < 10)
            {
                assertThat(channel.isActive()).as("open at %d s", seconds).isTrue();
            }
        }
        assertThat(seconds).isBetween(10, 15);
        assertThat(port.closed(PortConnections.Closed.SLOW_REQUEST)).isEqualTo(1);
        assertThat(answers()).isEmpty();
    }

    @Test
    void shouldCloseARequestCutShortBehindACompleteOneInTheSameRead()
    {
        send("GET /health HTTP/1.1\r\nHost: switch\r\n\r\nPOST /v1/authorizations HTTP/1.1\r\n" +
            "Content-Length: 100\r\n\r\n{\"amount\":");
        assertThat(answers()).startsWith("HTTP/1.1 200 OK");

        assertThat(secondsUntilClosed()).isBetween(10, 15);
        assertThat(port.closed(PortConnections.Closed.SLOW_REQUEST)).isEqualTo(1);
    }

    @Test
    void shouldKeepAClientThatStreamsRequestsSplitAcrossReadsOpen()
    {
        final String request = "GET /health HTTP/1.1\r\nHost: switch\r\n\r\n";
        final String stream = request.repeat(100);
        int at = 0;
        for (int seconds = 0; seconds < 60; seconds++)
        {
            final int next = Math.min(stream.length(), at + 25 + (seconds * 7) % 40);
            send(stream.substring(at, next));
            at = next == stream.length() ? 0 : next;
            second();
        }
        assertThat(answers()).contains("HTTP/1.1 200 OK");
        assertThat(channel.isActive()).isTrue();
    }

    private int secondsUntilClosed()
    {
        int seconds = 0;
        while (channel.isActive() && seconds < 600)
        {
            second();
            seconds++;
        }
        return seconds;
    }

    @Test
    void shouldKeepAConnectionWhoseRequestsArriveWholeOpen()
    {
        for (int seconds = 0; seconds < 60; seconds++)
        {
            if (seconds % 8 == 0)
            {
                send("GET /health HTTP/1.1\r\nHost: switch\r\n\r\n");
                assertThat(answers()).startsWith("HTTP/1.1 200 OK");
            }
            second();
        }
        assertThat(channel.isActive()).isTrue();
        assertThat(port.closed(PortConnections.Closed.SLOW_REQUEST)).isZero();
    }

    @Test
    void shouldCloseAnIdleConnectionAfterTheIdleTimeout()
    {
        send("GET /health HTTP/1.1\r\nHost: switch\r\n\r\n");
        assertThat(answers()).startsWith("HTTP/1.1 200 OK");
        int seconds = 0;
        while (channel.isActive() && seconds < 120)
        {
            second();
            seconds++;
            if (seconds < 20)
            {
                assertThat(channel.isActive()).as("open at %d s", seconds).isTrue();
            }
        }
        assertThat(seconds).isBetween(20, 30);
        assertThat(port.closed(PortConnections.Closed.IDLE)).isEqualTo(1);
    }

    @Test
    void shouldNotRunTheRequestClockWhileTheSwitchIsNotReading()
    {
        send("GET /health HTTP/1.1\r\n");
        channel.config().setAutoRead(false);
        for (int seconds = 0; seconds < 40; seconds++)
        {
            second();
        }
        assertThat(channel.isActive()).isTrue();
        channel.config().setAutoRead(true);
        int seconds = 0;
        while (channel.isActive() && seconds < 60)
        {
            second();
            seconds++;
        }
        assertThat(seconds).isBetween(10, 15);
    }

    @Test
    void shouldCloseAPeerThatDoesNotReadItsAnswers()
    {
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(1, 2));
        channel.pipeline().context(HttpResponseEncoder.class).write(Unpooled.buffer(16).writeZero(16));
        channel.config().setAutoRead(false);
        assertThat(channel.isWritable()).isFalse();
        int seconds = 0;
        while (channel.isActive() && seconds < 120)
        {
            second();
            seconds++;
        }
        assertThat(seconds).isBetween(20, 30);
        assertThat(port.closed(PortConnections.Closed.NOT_READING)).isEqualTo(1);
    }
}
