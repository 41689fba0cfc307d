package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The status line and headers the reply thread writes ahead of an answer, and HEAD answered without a body. */
class HttpHeadTest
{
    @Test
    void shouldWriteTheLinesNettysEncoderWritesForAKeptAliveJsonAnswer()
    {
        final ByteBuf out = Unpooled.buffer();

        HttpHead.write(out, HttpResponseStatus.OK, false, true, false, 217);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK\r\n" +
            "content-type: application/json\r\nconnection: keep-alive\r\ncontent-length: 217\r\n\r\n");
    }

    @Test
    void shouldAskForARetryOnOverloadAndCloseWhenAsked()
    {
        final ByteBuf out = Unpooled.buffer();

        HttpHead.write(out, HttpResponseStatus.SERVICE_UNAVAILABLE, false, false, true, 0);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 503 Service Unavailable\r\n" +
            "content-type: application/json\r\nconnection: close\r\nretry-after: 1\r\ncontent-length: 0\r\n\r\n");
    }

    @Test
    void shouldNameThePrometheusTextFormat()
    {
        final ByteBuf out = Unpooled.buffer();

        HttpHead.write(out, HttpResponseStatus.OK, true, true, false, 1_048_576);

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK\r\n" +
            "content-type: text/plain; version=0.0.4; charset=utf-8\r\nconnection: keep-alive\r\n" +
            "content-length: 1048576\r\n\r\n");
    }

    @Test
    void shouldAnswerHeadWith405AndNoBody()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(
            new HttpRequestHandler(new HttpContext(null, "token", ZoneId.of("Asia/Shanghai"), () -> true)));

        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.HEAD, "/health"));
        final FullHttpResponse response = channel.readOutbound();

        assertThat(response.status()).isEqualTo(HttpResponseStatus.METHOD_NOT_ALLOWED);
        assertThat(response.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET, POST");
        assertThat(response.content().readableBytes()).isZero();
        assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isZero();
    }
}
