package org.payswitch.gateway.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import org.payswitch.gateway.guard.ConnectionDeadlines;

/**
 * Netty's HTTP/1.1 request decoder that also knows whether it is in the middle of a request (its
 * own state is private): it is between requests only when the last thing it decoded ended a
 * request and no byte is left. At the end of each read it tells the connection's deadlines, so a
 * request cut short behind a complete one in the same read is on the request clock, not only on
 * the idle one. A few field reads per decoding step; nothing allocated.
 */
final class HttpRequestFramer extends HttpRequestDecoder
{
    private ConnectionDeadlines deadlines;
    private boolean midRequest;

    HttpRequestFramer(final int maxInitialLineLength, final int maxHeaderSize, final int maxChunkSize)
    {
        super(maxInitialLineLength, maxHeaderSize, maxChunkSize);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        deadlines = ctx.pipeline().get(ConnectionDeadlines.class);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf buffer, final List<Object> out)
        throws Exception
    {
        final int before = buffer.readerIndex();
        final int decoded = out.size();
        super.decode(ctx, buffer, out);
        if (out.size() > decoded && out.get(out.size() - 1) instanceof LastHttpContent && !buffer.isReadable())
        {
            midRequest = false;
        }
        else if (buffer.readerIndex() != before || buffer.isReadable() || out.size() > decoded)
        {
            midRequest = true;
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx) throws Exception
    {
        if (deadlines != null)
        {
            deadlines.readEnded(midRequest || internalBuffer().isReadable());
        }
        super.channelReadComplete(ctx);
    }
}
