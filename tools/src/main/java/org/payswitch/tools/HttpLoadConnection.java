package org.payswitch.tools;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.Pan;
import org.payswitch.gateway.json.JsonWriter;

/**
 * HTTP/JSON (API.md section 3): {@code POST /v1/authorizations} on a keep-alive HTTP/1.1
 * connection, the body written with the gateway's own {@link JsonWriter}. HTTP answers in order, so answers are matched first in, first out; with a window
 * above 1 the requests are pipelined (the switch reads the next one when it has answered the
 * last). The response code is read from the JSON body's {@code responseCode}; a 503 without one
 * counts as 91. A discounted answer is one whose {@code "discount"} is above 0. In an open loop,
 * {@code window} is the bound on requests in flight, so the pipeline holds at most that many.
 * With an API key, each request carries its {@code Authorization} header, made once for the run.
 */
final class HttpLoadConnection extends LoadConnection<FullHttpResponse>
{
    private static final ByteBuf RESPONSE_CODE =
        Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\"responseCode\":\"", StandardCharsets.US_ASCII));
    private static final ByteBuf DISCOUNT =
        Unpooled.unreleasableBuffer(Unpooled.copiedBuffer("\"discount\":", StandardCharsets.US_ASCII));

    private static final int PAN_LENGTH = 16;
    private static final String EXPIRY = Integer.toString(DemoData.EXPIRY);

    private final String host;
    private final ApiKeyHeader apiKey;
    private final long[] dueAt;
    private final long[] sentAt;
    private final JsonWriter json = new JsonWriter();
    private final byte[] panDigits = new byte[PAN_LENGTH];
    private final AsciiField pan = new AsciiField(PAN_LENGTH);
    private long requestsWritten;
    private long answersRead;

    HttpLoadConnection(final LoadPlan plan, final int index, final RequestSource requests,
        final String[] merchantIds, final CountDownLatch done, final String host, final ApiKeyHeader apiKey)
    {
        super(plan, index, requests, merchantIds, done);
        this.host = host;
        this.apiKey = apiKey;
        this.dueAt = new long[window];
        this.sentAt = new long[window];
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpResponse response)
    {
        long due = 0;
        long at = 0;
        if (answersRead < requestsWritten)
        {
            final int slot = (int)(answersRead++ % window);
            due = dueAt[slot];
            at = sentAt[slot];
        }
        answered(ctx, due, at, codeOf(response), discountOf(response));
    }

    @Override
    protected void send(final ChannelHandlerContext ctx, final long dueNanos, final long nowNanos)
    {
        requests.next();
        final ByteBuf body = ctx.alloc().buffer(192);
        Pan.writeDigits(requests.pan, PAN_LENGTH, panDigits, 0);
        pan.set(panDigits, 0, PAN_LENGTH);
        json.wrap(body).beginObject()
            .name("merchantId").string(merchantIds[requests.merchant])
            .name("orderId").string(requests.rrn())
            .name("pan").string(pan)
            .name("expiry").string(EXPIRY)
            .name("amount").number(requests.amount)
            .name("currency").string("CNY")
            .endObject();
        final FullHttpRequest request =
            new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/authorizations", body);
        request.headers()
            .set(HttpHeaderNames.HOST, host)
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (apiKey != null)
        {
            request.headers().set(HttpHeaderNames.AUTHORIZATION, apiKey.value());
        }
        final int slot = (int)(requestsWritten++ % window);
        dueAt[slot] = dueNanos;
        sentAt[slot] = nowNanos;
        ctx.write(request, ctx.voidPromise());
    }

    /** The body's {@code "discount":N}, minor units; 0 without one. */
    private static long discountOf(final FullHttpResponse response)
    {
        final ByteBuf content = response.content();
        int at = ByteBufUtil.indexOf(DISCOUNT, content);
        if (at < 0)
        {
            return 0;
        }
        at += DISCOUNT.readableBytes();
        long value = 0;
        for (; at < content.writerIndex(); at++)
        {
            final int digit = content.getByte(at) - '0';
            if (digit < 0 || digit > 9)
            {
                break;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** The body's {@code "responseCode":"NN"}, else 91 for a 503, else -1 (unreadable). */
    private static int codeOf(final FullHttpResponse response)
    {
        final ByteBuf content = response.content();
        final int at = ByteBufUtil.indexOf(RESPONSE_CODE, content);
        if (at >= 0 && at + RESPONSE_CODE.readableBytes() + 2 <= content.writerIndex())
        {
            final int first = content.getByte(at + RESPONSE_CODE.readableBytes()) - '0';
            final int second = content.getByte(at + RESPONSE_CODE.readableBytes() + 1) - '0';
            if (first >= 0 && first <= 9 && second >= 0 && second <= 9)
            {
                return first * 10 + second;
            }
        }
        return HttpResponseStatus.SERVICE_UNAVAILABLE.equals(response.status()) ? 91 : -1;
    }
}
