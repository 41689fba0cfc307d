package org.payswitch.gateway.http;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;

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
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.pipeline.PipelineConfig;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table through a connection's handler (docs/api.md sections 3 and 7): a known path
 * with another method is 405 with {@code Allow}, an unknown one 404, paths match exactly, ids are
 * one segment, the query string is not part of the path, and the caller is checked after the
 * route is found. The ring here refuses every command (it is not started), so an endpoint that
 * was reached and published answers 503/91.
 */
class HttpRoutesTest
{
    private static final String ADMIN = "Bearer token";

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private SwitchPipeline refusing;
    private EmbeddedChannel channel;

    @BeforeEach
    void open()
    {
        refusing = new SwitchPipeline(
            new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16))),
            new JournalWriter(JournalConfig.in(dataDir)), (event, endOfBatch) -> { },
            new PipelineConfig(16, PipelineConfig.Waiting.BLOCKING), () -> null);
        channel = new EmbeddedChannel(
            new HttpRequestHandler(new HttpContext(refusing, "token", ZoneId.of("Asia/Shanghai"), () -> true)));
    }

    @AfterEach
    void close()
    {
        channel.finishAndReleaseAll();
        refusing.shutdown(1_000);
    }

    private FullHttpResponse send(final HttpMethod method, final String uri, final String authorization)
    {
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri,
            Unpooled.copiedBuffer("{}", StandardCharsets.UTF_8));
        if (authorization != null)
        {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        }
        channel.writeInbound(request);
        return channel.readOutbound();
    }

    private void assertAnswer(final HttpMethod method, final String uri, final int status, final String body)
    {
        final FullHttpResponse response = send(method, uri, ADMIN);
        assertThat(response.status().code()).as(method + " " + uri).isEqualTo(status);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).as(method + " " + uri).isEqualTo(body);
        response.release();
    }

    private void assertNotAllowed(final HttpMethod method, final String uri, final String allow)
    {
        final FullHttpResponse response = send(method, uri, null);
        assertThat(response.status().code()).as(method + " " + uri).isEqualTo(405);
        assertThat(response.headers().get(HttpHeaderNames.ALLOW)).as(method + " " + uri).isEqualTo(allow);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"error\":\"method not allowed\"}");
        response.release();
    }

    @Test
    void shouldAnswer405WithTheMethodsOfAKnownPath()
    {
        assertNotAllowed(HttpMethod.GET, "/v1/authorizations", "POST");
        assertNotAllowed(HttpMethod.DELETE, "/v1/campaigns", "GET, POST");
        assertNotAllowed(HttpMethod.GET, "/v1/campaigns/SINGLES-DAY/pause", "POST");
        assertNotAllowed(HttpMethod.POST, "/v1/transactions/5", "GET");
        assertNotAllowed(HttpMethod.PUT, "/health", "GET");
        assertNotAllowed(HttpMethod.OPTIONS, "/v1/authorizations/5/refunds", "POST");
        assertNotAllowed(HttpMethod.valueOf("PATCH"), "/v1/cards", "POST");
    }

    @Test
    void shouldAnswer404ForAnyOtherPathMatchingExactly()
    {
        final String none = "{\"error\":\"no such endpoint\"}";
        assertAnswer(HttpMethod.GET, "/v1/nothing-here", 404, none);
        assertAnswer(HttpMethod.GET, "/health/", 404, none);
        assertAnswer(HttpMethod.GET, "/v1/transactionsXYZ", 404, none);
        assertAnswer(HttpMethod.GET, "/v1/cardsX", 404, none);
        assertAnswer(HttpMethod.POST, "/v1/authorizations/5/capture/", 404, none);
        assertAnswer(HttpMethod.POST, "/v1/authorizations//capture", 404, none);
        assertAnswer(HttpMethod.POST, "/v1/authorizations/5/settle", 404, none);
        assertAnswer(HttpMethod.POST, "/v1/campaigns/a/b/pause", 404, none);
        assertAnswer(HttpMethod.GET, "/v1/campaigns/", 404, none);
        assertAnswer(HttpMethod.GET, "v1/campaigns", 404, none);
    }

    @Test
    void shouldReachTheEndpointOfEveryRoute()
    {
        final String published = "{\"responseCode\":\"91\"}";
        assertAnswer(HttpMethod.GET, "/health", 200, "{\"status\":\"UP\"}");
        assertAnswer(HttpMethod.GET, "/health?verbose=1", 200, "{\"status\":\"UP\"}");
        assertAnswer(HttpMethod.GET, "/metrics", 503, published);
        assertAnswer(HttpMethod.POST, "/v1/authorizations/5/capture", 503, published);
        assertAnswer(HttpMethod.POST, "/v1/authorizations/5/reversal", 503, published);
        assertAnswer(HttpMethod.GET, "/v1/transactions/5", 503, published);
        assertAnswer(HttpMethod.GET, "/v1/transactions?merchantId=M1&orderId=O1", 503, published);
        assertAnswer(HttpMethod.GET, "/v1/campaigns", 503, published);
        assertAnswer(HttpMethod.GET, "/v1/campaigns/H%2DCAMP", 503, published);
        assertAnswer(HttpMethod.POST, "/v1/campaigns/H-CAMP/pause", 503, published);
        assertAnswer(HttpMethod.POST, "/v1/campaigns/H-CAMP/resume", 503, published);
        assertAnswer(HttpMethod.GET, "/v1/reports/discounts", 503, published);
        assertAnswer(HttpMethod.GET, "/v1/reports/transactions", 503, published);
    }

    @Test
    void shouldCheckTheIdAndTheBodyOnlyOnceTheRouteIsFound()
    {
        assertAnswer(HttpMethod.POST, "/v1/authorizations/abc/capture", 404, "{\"responseCode\":\"25\"}");
        assertAnswer(HttpMethod.POST, "/v1/authorizations/0/reversal", 404, "{\"responseCode\":\"25\"}");
        assertAnswer(HttpMethod.GET, "/v1/transactions/1234567890123456789", 404, "{\"responseCode\":\"25\"}");
        assertAnswer(HttpMethod.POST, "/v1/cards", 400,
            "{\"error\":\"pan: a non-empty string is required\",\"field\":\"pan\",\"responseCode\":\"30\"}");
        assertAnswer(HttpMethod.GET, "/v1/transactions?merchantId=M1", 400,
            "{\"error\":\"merchantId: merchantId and orderId are required\",\"field\":\"merchantId\"," +
                "\"responseCode\":\"30\"}");
    }

    @Test
    void shouldAskForTheAdminTokenOnlyOnAnOperatorRoute()
    {
        final FullHttpResponse withoutToken = send(HttpMethod.GET, "/v1/campaigns", null);
        assertThat(withoutToken.status().code()).isEqualTo(401);
        withoutToken.release();
        final FullHttpResponse wrongToken = send(HttpMethod.POST, "/v1/cards/lookup", "Bearer nope");
        assertThat(wrongToken.status().code()).isEqualTo(401);
        wrongToken.release();
        final FullHttpResponse unknownPath = send(HttpMethod.GET, "/v1/cards/everything", null);
        assertThat(unknownPath.status().code()).isEqualTo(404);
        unknownPath.release();
    }

    @Test
    void shouldFindTheAuthorizationRouteWithoutAllocating()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final String uri = "/v1/authorizations";
        final HttpRoutes.Route route = HttpRoutes.API.find(HttpMethod.POST, HttpRoutes.pathOf(uri));
        for (int i = 0; i < 20_000; i++)
        {
            assertThat(HttpRoutes.API.find(HttpMethod.POST, HttpRoutes.pathOf(uri)) == route).isTrue();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        int same = 0;
        for (int i = 0; i < 10_000; i++)
        {
            same += HttpRoutes.API.find(HttpMethod.POST, HttpRoutes.pathOf(uri)) == route ? 1 : 0;
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(same).isEqualTo(10_000);
        assertThat(allocated).as("bytes allocated by 10 000 look-ups").isLessThan(1_024);
    }
}
