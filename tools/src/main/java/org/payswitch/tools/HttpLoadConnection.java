package org.payswitch.tools;

import java.util.concurrent.CountDownLatch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.Pan;
import org.payswitch.gateway.json.JsonWriter;

import static java.nio.charset.StandardCharsets.US_ASCII;

/**
 * HTTP/JSON (docs/api.md section 3): {@code POST /v1/authorizations} on a keep-alive HTTP/1.1
 * connection, the body written with the gateway's own {@link JsonWriter}. HTTP answers in order,
 * so answers are matched first in, first out; with a window above 1 the requests are pipelined
 * (the switch reads the next one when it has answered the last). The response code is read from
 * the JSON body's {@code responseCode}; a 503 without one counts as 91. A discounted answer is one
 * whose {@code "discount"} is above 0. In an open loop, {@code window} is the bound on requests in
 * flight, so the pipeline holds at most that many.
 *
 * <p>Light on purpose, since it shares the cores with the switch it measures: a request is written
 * as bytes (a head fixed per connection, the body's length, the body) into the batch's
 * {@link #requestBuffer}; answers are framed and read in place by {@link HttpAnswerDecoder}. With an API key,
 * its {@code authorization} line is part of that fixed head, made once per connection.
 */
final class HttpLoadConnection extends LoadConnection<HttpAnswer>
{
    private static final int PAN_LENGTH = 16;
    private static final String EXPIRY = Integer.toString(DemoData.EXPIRY);
    /** Room for the body of one request (~150 bytes). */
    private static final int BODY_BYTES = 256;
    private static final byte[] END_OF_HEAD = "\r\n\r\n".getBytes(US_ASCII);

    private final byte[] head;
    private final long[] dueAt;
    private final long[] sentAt;
    private final JsonWriter json = new JsonWriter();
    private final ByteBuf body = Unpooled.buffer(BODY_BYTES);
    private final byte[] panDigits = new byte[PAN_LENGTH];
    private final AsciiField pan = new AsciiField(PAN_LENGTH);
    private long requestsWritten;
    private long answersRead;

    HttpLoadConnection(final LoadPlan plan, final int index, final RequestSource requests,
        final String[] merchantIds, final CountDownLatch done, final String host, final ApiKeyHeader apiKey)
    {
        super(plan, index, requests, merchantIds, done);
        this.head = ("POST /v1/authorizations HTTP/1.1\r\nhost: " + host +
            (apiKey == null ? "" : "\r\nauthorization: " + apiKey.value()) +
            "\r\ncontent-type: application/json\r\ncontent-length: ").getBytes(US_ASCII);
        this.dueAt = new long[window];
        this.sentAt = new long[window];
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final HttpAnswer answer)
    {
        long due = 0;
        long at = 0;
        if (answersRead < requestsWritten)
        {
            final int slot = (int)(answersRead++ % window);
            due = dueAt[slot];
            at = sentAt[slot];
        }
        answered(ctx, due, at, answer.code(), answer.discount);
    }

    @Override
    protected void send(final ChannelHandlerContext ctx, final long dueNanos, final long nowNanos)
    {
        requests.next();
        Pan.writeDigits(requests.pan, PAN_LENGTH, panDigits, 0);
        pan.set(panDigits, 0, PAN_LENGTH);
        body.clear();
        json.wrap(body).beginObject()
            .name("merchantId").string(merchantIds[requests.merchant])
            .name("orderId").string(requests.rrn())
            .name("pan").string(pan)
            .name("expiry").string(EXPIRY)
            .name("amount").number(requests.amount)
            .name("currency").string("CNY")
            .endObject();
        final ByteBuf pending = requestBuffer(ctx);
        pending.writeBytes(head);
        writeDecimal(pending, body.readableBytes());
        pending.writeBytes(END_OF_HEAD);
        pending.writeBytes(body);
        final int slot = (int)(requestsWritten++ % window);
        dueAt[slot] = dueNanos;
        sentAt[slot] = nowNanos;
    }


    private static void writeDecimal(final ByteBuf out, final int value)
    {
        int divisor = 1;
        while (divisor <= value / 10)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            out.writeByte('0' + value / divisor % 10);
        }
    }
}
