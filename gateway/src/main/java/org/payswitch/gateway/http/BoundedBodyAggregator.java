package org.payswitch.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Aggregates a request body up to a limit; a larger one is answered 400 with a format-error body
 * (as docs/api.md asks for bad input) and the connection is closed, so nothing is buffered
 * past the limit.
 */
final class BoundedBodyAggregator extends HttpObjectAggregator
{
    /** Room for the format error's body. */
    private static final int ERROR_BODY_BYTES = 128;

    BoundedBodyAggregator(final int maxBody)
    {
        super(maxBody);
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
    {
        final ByteBuf body = ctx.alloc().buffer(ERROR_BODY_BYTES);
        ImmediateAnswers.writeError(body, null, "body: larger than " + HttpServerInitializer.MAX_BODY + " bytes");
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
            HttpResponseStatus.BAD_REQUEST, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        HttpUtil.setContentLength(response, body.readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
