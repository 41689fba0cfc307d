package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.payswitch.gateway.auth.ApiKeys;
import org.payswitch.gateway.ops.OpsHistory;
import org.payswitch.gateway.ops.OpsSample;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations page's endpoints through a connection's handler: the page and its files open to
 * anyone with the page's headers, any other file 404, the figures behind the operator token and
 * from the sample after the one named. None enters the ring (it is not started here).
 */
class OpsEndpointsTest
{
    private static final String ADMIN = "Bearer token";

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private final OpsHistory history = new OpsHistory(10);
    private SwitchPipeline notStarted;
    private EmbeddedChannel channel;

    @BeforeEach
    void open()
    {
        notStarted = new SwitchPipeline(
            new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16))),
            new JournalWriter(JournalConfig.in(dataDir)), (event, endOfBatch) -> { },
            new PipelineConfig(16, PipelineConfig.Waiting.BLOCKING), () -> null);
        channel = new EmbeddedChannel(new HttpRequestHandler(new HttpContext(notStarted, "token", ApiKeys.NONE,
            ZoneId.of("Asia/Shanghai"), () -> true, List.of(), history)));
        for (long seq = 0; seq < 3; seq++)
        {
            history.add(new OpsSample(seq, 1_000 * seq, List.of(seq), seq, 1, 0, OpsSample.NO_LATENCY,
                OpsSample.NO_LATENCY, OpsSample.NO_LATENCY, 0, 16, -1, List.of()));
        }
    }

    @AfterEach
    void close()
    {
        channel.finishAndReleaseAll();
        notStarted.shutdown(1_000);
    }

    private FullHttpResponse get(final String uri, final String authorization)
    {
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri,
            Unpooled.EMPTY_BUFFER);
        if (authorization != null)
        {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        channel.writeInbound(request);
        return channel.readOutbound();
    }

    private static String body(final FullHttpResponse response)
    {
        final String body = response.content().toString(StandardCharsets.UTF_8);
        response.release();
        return body;
    }

    @Test
    void shouldServeThePageToAnyoneWithHeadersThatKeepItToTheSwitchsOwnFiles()
    {
        final FullHttpResponse page = get("/ops", null);

        assertThat(page.status().code()).isEqualTo(200);
        assertThat(page.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(page.headers().get(HttpHeaderNames.CONTENT_SECURITY_POLICY)).isEqualTo(ImmediateAnswers.PAGE_POLICY);
        assertThat(page.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-store");
        assertThat(page.headers().get("x-frame-options")).isEqualTo("DENY");
        assertThat(body(page)).contains("/ops/ops.js").contains("/ops/uPlot.iife.min.js").doesNotContain("http://")
            .doesNotContain("https://");
    }

    @Test
    void shouldServeThePagesScriptStyleAndChartsAndNoOtherFile()
    {
        for (final String file : List.of("ops.js", "ops.css", "uPlot.iife.min.js", "uPlot.min.css"))
        {
            final FullHttpResponse response = get("/ops/" + file, null);
            assertThat(response.status().code()).as(file).isEqualTo(200);
            assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).as(file)
                .startsWith(file.endsWith(".js") ? "text/javascript" : "text/css");
            assertThat(body(response)).as(file).isNotEmpty();
        }
        for (final String other : List.of("/ops/ops.html", "/ops/..%2Fmetrics", "/ops/LICENSE", "/ops/uPlot.esm.js"))
        {
            final FullHttpResponse response = get(other, null);
            assertThat(response.status().code()).as(other).isEqualTo(404);
            response.release();
        }
    }

    @Test
    void shouldGiveTheFiguresOnlyWithTheOperatorToken()
    {
        final FullHttpResponse refused = get("/v1/ops/figures", "Bearer not-the-token");
        assertThat(refused.status().code()).isEqualTo(401);
        refused.release();
        final FullHttpResponse none = get("/v1/ops/figures", null);
        assertThat(none.status().code()).isEqualTo(401);
        none.release();

        final FullHttpResponse figures = get("/v1/ops/figures", ADMIN);

        assertThat(figures.status().code()).isEqualTo(200);
        assertThat(figures.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(body(figures)).contains("\"latest\":2").contains("\"seq\":0").contains("\"seq\":2");
    }

    @Test
    void shouldGiveOnlyTheSamplesAfterTheOneNamedAndRefuseAnAfterThatIsNotOne()
    {
        assertThat(body(get("/v1/ops/figures?after=1", ADMIN))).doesNotContain("\"seq\":0").doesNotContain("\"seq\":1")
            .contains("\"seq\":2");
        for (final String after : List.of("abc", "-2", "1&after=2", "", "99999999999999999999"))
        {
            final FullHttpResponse response = get("/v1/ops/figures?after=" + after, ADMIN);
            assertThat(response.status().code()).as(after).isEqualTo(400);
            assertThat(body(response)).as(after).contains("\"field\":\"after\"");
        }
    }
}
