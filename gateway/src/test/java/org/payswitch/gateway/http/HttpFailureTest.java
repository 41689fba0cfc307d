package org.payswitch.gateway.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
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

/**
 * The end of the HTTP pipeline: an exception is answered 400/30 and closes the connection when
 * nothing is owed, else only closes; an I/O error closes quietly; requests pipelined past the
 * bound, or behind one that asks to close, are dropped unread (released, never published).
 */
class HttpFailureTest
{
    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private static HttpRequestHandler handler(final SwitchPipeline pipeline)
    {
        return new HttpRequestHandler(new HttpContext(pipeline, "token", ZoneId.of("Asia/Shanghai"), () -> true));
    }

    private static FullHttpRequest get(final String uri)
    {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    @Test
    void shouldAnswer400AndCloseOnAnExceptionWhenNothingIsOwed()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(handler(null));

        channel.pipeline().fireExceptionCaught(new IllegalStateException("a bug"));

        final FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(400);
        assertThat(response.content().toString(StandardCharsets.UTF_8))
            .isEqualTo("{\"error\":\"request: cannot be processed\",\"responseCode\":\"30\"}");
        assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        response.release();
        assertThat(channel.isActive()).isFalse();
        channel.checkException();
    }

    @Test
    void shouldAnswer400ToARequestTheHandlerCannotRoute()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(handler(null));

        channel.writeInbound(get("/v1/transactions?merchantId=%zz&orderId=1"));

        final FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(400);
        response.release();
        assertThat(channel.isActive()).isFalse();
        channel.checkException();
    }

    @Test
    void shouldCloseQuietlyWhenThePeerResets()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(handler(null));

        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertThat(channel.isActive()).isFalse();
        channel.checkException();
    }

    @Test
    void shouldDropRequestsPipelinedBehindOneThatAsksToClose()
    {
        final SwitchPipeline silent = silentPipeline();
        try
        {
            final EmbeddedChannel channel = new EmbeddedChannel(handler(silent));
            final FullHttpRequest first = get("/v1/transactions/1");
            final FullHttpRequest closing = get("/v1/transactions/2");
            closing.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            final FullHttpRequest behind = get("/v1/transactions/3");

            channel.writeInbound(first);
            channel.writeInbound(closing);
            channel.writeInbound(behind);

            assertThat(first.refCnt()).as("published, then released").isZero();
            assertThat(closing.refCnt()).as("waiting for the first answer").isEqualTo(1);
            assertThat(behind.refCnt()).as("dropped unread").isZero();
            channel.checkException();
            channel.close();
            assertThat(closing.refCnt()).isZero();
        }
        finally
        {
            silent.shutdown(1_000);
        }
    }

    @Test
    void shouldTakeAtMost128PipelinedRequestsAndDropTheRestUnread()
    {
        final SwitchPipeline silent = silentPipeline();
        try
        {
            final EmbeddedChannel channel = new EmbeddedChannel(handler(silent));
            final List<FullHttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < 300; i++)
            {
                final FullHttpRequest request = get("/v1/transactions/" + (i + 1));
                requests.add(request);
                channel.writeInbound(request);
            }

            assertThat(requests.get(0).refCnt()).as("published, then released").isZero();
            assertThat(requests.subList(1, 1 + HttpRequestHandler.MAX_PIPELINED))
                .allSatisfy(waiting -> assertThat(waiting.refCnt()).isEqualTo(1));
            assertThat(requests.get(HttpRequestHandler.MAX_PIPELINED).headers().get(HttpHeaderNames.CONNECTION))
                .isEqualTo("close");
            assertThat(requests.subList(1 + HttpRequestHandler.MAX_PIPELINED, 300))
                .allSatisfy(dropped -> assertThat(dropped.refCnt()).isZero());
            assertThat(channel.config().isAutoRead()).isFalse();
            channel.checkException();
            channel.close();
            assertThat(requests).allSatisfy(request -> assertThat(request.refCnt()).isZero());
        }
        finally
        {
            silent.shutdown(1_000);
        }
    }

    /** A started pipeline whose answers go nowhere: the first request of a connection stays in flight. */
    private SwitchPipeline silentPipeline()
    {
        final SwitchPipeline silent = new SwitchPipeline(
            new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16))),
            new JournalWriter(JournalConfig.in(dataDir)), (event, endOfBatch) -> { },
            new PipelineConfig(1024, PipelineConfig.Waiting.BLOCKING), () -> null);
        silent.start();
        return silent;
    }
}
