package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.pipeline.PipelineConfig;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** A ring that refuses (here: not started, as when full or stopping) is answered 503 + Retry-After + 91 at once. */
class HttpOverloadTest
{
    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldAnswer503WithRetryAfterAnd91WhenTheRingRefuses()
    {
        final SwitchPipeline refusing = new SwitchPipeline(
            new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16))),
            new JournalWriter(JournalConfig.in(dataDir)), (event, endOfBatch) -> { },
            new PipelineConfig(16, PipelineConfig.Waiting.BLOCKING), () -> null);
        final EmbeddedChannel channel = new EmbeddedChannel(
            new HttpRequestHandler(new HttpContext(refusing, "token", ZoneId.of("Asia/Shanghai"), () -> false)));
        final String body = "{\"merchantId\":\"M00000000000001\",\"orderId\":\"O1\",\"pan\":\"6222600000000006\"," +
            "\"amount\":12000,\"currency\":\"CNY\"}";

        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/authorizations",
            Unpooled.copiedBuffer(body, StandardCharsets.UTF_8)));
        final FullHttpResponse response = channel.readOutbound();

        assertThat(response.status().code()).isEqualTo(503);
        assertThat(response.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"responseCode\":\"91\"}");
        response.release();

        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/health"));
        final FullHttpResponse health = channel.readOutbound();
        assertThat(health.status().code()).isEqualTo(503);
        health.release();
        channel.finishAndReleaseAll();
        refusing.shutdown(1_000);
    }
}
