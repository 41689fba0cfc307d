package org.payswitch.benchmarks.bare;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Answers every POST with the same JSON body, the size of the switch's answer to an
 * authorization (docs/api.md section 3's example answer), with the headers the switch sends
 * ({@code Content-Type: application/json}, {@code Connection}, {@code Content-Length}); anything
 * else gets 405 and no body. On the event loop, writes per request and flushes once per read
 * (Netty's own pattern for a server with nothing to wait for). Stateless: one shared instance.
 */
@ChannelHandler.Sharable
final class FixedAnswerHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    /** docs/api.md section 3's example answer, with a transaction id of 8 digits (the ten-millionth transaction). */
    static final String ANSWER = "{\"transactionId\":\"10000000\",\"status\":\"AUTHORIZED\",\"responseCode\":\"00\"," +
        "\"authCode\":\"A1B2C3\",\"amount\":12000,\"discount\":1000,\"chargedAmount\":11000," +
        "\"campaignId\":\"SINGLES-DAY-BOCOM\",\"currency\":\"CNY\",\"maskedPan\":\"622260******0006\"}";

    private static final ByteBuf BODY = Unpooled.unreleasableBuffer(
        Unpooled.directBuffer(ANSWER.length()).writeBytes(ANSWER.getBytes(StandardCharsets.US_ASCII)));

    static final FixedAnswerHandler INSTANCE = new FixedAnswerHandler();

    private FixedAnswerHandler()
    {
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        final boolean post = HttpMethod.POST.equals(request.method());
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            post ? HttpResponseStatus.OK : HttpResponseStatus.METHOD_NOT_ALLOWED,
            post ? BODY.duplicate() : Unpooled.EMPTY_BUFFER);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        if (keepAlive)
        {
            ctx.write(response, ctx.voidPromise());
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }
}
