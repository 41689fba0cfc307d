package org.payswitch.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP connection of the load generator on embedded channels: the requests it writes as bytes
 * are what Netty's own HTTP server codec reads as {@code POST /v1/authorizations} with the JSON body,
 * and {@link HttpAnswerDecoder} reads answers split anywhere, as Netty would hand them over.
 */
class HttpLoadConnectionTest
{
    private static final long MS = 1_000_000L;
    private static final long START = 1_000 * MS;
    private static final String APPROVED = "{\"transactionId\":\"00000042\",\"responseCode\":\"00\"," +
        "\"status\":\"AUTHORIZED\",\"amount\":12000,\"discount\":1000,\"chargedAmount\":11000}";
    private static final String DECLINED = "{\"transactionId\":\"00000043\",\"responseCode\":\"51\",\"discount\":0}";

    private long now = START;

    private HttpLoadConnection connection(final int window)
    {
        return connection(window, null);
    }

    private HttpLoadConnection connection(final int window, final ApiKeyHeader apiKey)
    {
        final Timeline timeline = new Timeline(10, LoadConnection.MAX_LATENCY_NANOS, HotCampaign.DISCOUNT);
        final LoadPlan plan = new LoadPlan(1, window, RateSchedule.constant(1_000, 20 * MS), 0, timeline, () -> now);
        timeline.start(START);
        return new HttpLoadConnection(plan, 0, new RequestSource(1, 0, "TEST", 100, 2),
            new String[] {"M00000000000000", "M00000000000001"}, new CountDownLatch(1), "127.0.0.1:8080", apiKey);
    }

    @Test
    void shouldWriteRequestsNettysServerCodecReads()
    {
        final HttpLoadConnection connection = connection(100);
        for (final FullHttpRequest read : requestsOfOneTick(connection))
        {
            assertThat(read.decoderResult().isSuccess()).isTrue();
            assertThat(read.method()).isEqualTo(HttpMethod.POST);
            assertThat(read.uri()).isEqualTo("/v1/authorizations");
            assertThat(read.headers().get("host")).isEqualTo("127.0.0.1:8080");
            assertThat(read.headers().get("content-type")).isEqualTo("application/json");
            assertThat(read.headers().contains("authorization")).isFalse();
            final String body = read.content().toString(US_ASCII);
            assertThat(body).startsWith("{\"merchantId\":\"M0000000000000").contains("\"orderId\":\"TEST00")
                .contains("\"currency\":\"CNY\"").endsWith("}");
            assertThat(read.headers().getInt("content-length")).isEqualTo(body.length());
            read.release();
        }
    }

    @Test
    void shouldPutTheApiKeyInEveryRequestsHead()
    {
        final HttpLoadConnection connection = connection(100, new ApiKeyHeader("Bearer psk_test-key", null));
        for (final FullHttpRequest read : requestsOfOneTick(connection))
        {
            assertThat(read.decoderResult().isSuccess()).isTrue();
            assertThat(read.headers().getAll("authorization")).containsExactly("Bearer psk_test-key");
            assertThat(read.headers().get("content-type")).isEqualTo("application/json");
            assertThat(read.headers().getInt("content-length")).isEqualTo(read.content().readableBytes());
            read.release();
        }
    }

    /** The 5 requests one tick writes, as Netty's HTTP server codec reads them. */
    private List<FullHttpRequest> requestsOfOneTick(final HttpLoadConnection connection)
    {
        final EmbeddedChannel client = new EmbeddedChannel(new HttpAnswerDecoder(), connection);
        now = START + 4 * MS + 1;
        connection.tick();
        assertThat(client.outboundMessages()).as("one write per tick").hasSize(1);

        final EmbeddedChannel server = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(65_536));
        server.writeInbound((ByteBuf)client.readOutbound());
        final List<FullHttpRequest> requests = new ArrayList<>();
        FullHttpRequest request;
        while ((request = server.readInbound()) != null)
        {
            requests.add(request);
        }
        assertThat(requests).hasSize(5);
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
        return requests;
    }

    @Test
    void shouldReadAnswersSplitAnywhereInOrder()
    {
        final long seed = System.nanoTime();
        final SplittableRandom random = new SplittableRandom(seed);
        final HttpLoadConnection connection = connection(100);
        final EmbeddedChannel client = new EmbeddedChannel(new HttpAnswerDecoder(), connection);
        now = START + 19 * MS;
        connection.tick();
        client.releaseOutbound();

        final StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 20; i++)
        {
            stream.append(i % 4 == 3 ? answer(503, "Service Unavailable", "{\"responseCode\":\"91\"}", "Retry-After: 1\r\n") :
                i % 4 == 2 ? answer(200, "OK", DECLINED, "") : answer(200, "OK", APPROVED, ""));
        }
        final byte[] bytes = stream.toString().getBytes(US_ASCII);
        int at = 0;
        while (at < bytes.length)
        {
            final int piece = Math.min(bytes.length - at, 1 + random.nextInt(300));
            client.writeInbound(Unpooled.wrappedBuffer(bytes, at, piece));
            at += piece;
        }

        assertThat(connection.answered).as("seed %d", seed).isEqualTo(20);
        assertThat(connection.codes[0]).as("seed %d", seed).isEqualTo(10);
        assertThat(connection.codes[51]).as("seed %d", seed).isEqualTo(5);
        assertThat(connection.codes[91]).as("seed %d", seed).isEqualTo(5);
        assertThat(connection.discounted).as("seed %d", seed).isEqualTo(10);
        assertThat(connection.unreadable).isZero();
        client.finishAndReleaseAll();
    }

    @Test
    void shouldCountA503WithoutABodyAs91AndReadHeadersInAnyCase()
    {
        final HttpLoadConnection connection = connection(100);
        final EmbeddedChannel client = new EmbeddedChannel(new HttpAnswerDecoder(), connection);
        now = START + MS;
        connection.tick();
        client.releaseOutbound();

        client.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n" +
            "HTTP/1.1 200 OK\r\nCONTENT-LENGTH:   " + APPROVED.length() + "\r\n\r\n" + APPROVED, US_ASCII));

        assertThat(connection.answered).isEqualTo(2);
        assertThat(connection.codes[91]).isEqualTo(1);
        assertThat(connection.codes[0]).isEqualTo(1);
        client.finishAndReleaseAll();
    }

    @Test
    void shouldFailAnAnswerWithoutContentLength()
    {
        final EmbeddedChannel client = new EmbeddedChannel(new HttpAnswerDecoder());
        assertThatThrownBy(() -> client.writeInbound(Unpooled.copiedBuffer(
            "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", US_ASCII)))
            .isInstanceOf(DecoderException.class);
        client.finishAndReleaseAll();
    }

    private static String answer(final int status, final String reason, final String body, final String extraHeaders)
    {
        return "HTTP/1.1 " + status + " " + reason + "\r\ncontent-type: application/json\r\n" + extraHeaders +
            "content-length: " + body.length() + "\r\n\r\n" + body;
    }
}
