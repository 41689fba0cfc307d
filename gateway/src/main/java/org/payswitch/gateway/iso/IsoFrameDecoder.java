package org.payswitch.gateway.iso;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import org.payswitch.gateway.guard.ConnectionDeadlines;

/**
 * Cuts the byte stream into frames of docs/api.md section 4 (a 2-byte big-endian length, then the
 * message) and decodes each in place, straight from the read buffer, into one reused
 * {@link IsoMessage} that it passes to the next handler ({@link IsoRequestHandler}), which is done
 * with it before the next frame is decoded. No slice, reference count or object per frame (Netty's
 * {@code LengthFieldBasedFrameDecoder} made a retained slice of each, released after use: the
 * largest item of the I/O thread's profile). A length over {@value IsoMessage#MAX_LENGTH} fails at
 * once with a {@link TooLongFrameException}: the handler closes the connection. At the end of each
 * read it tells the connection's deadlines whether part of a frame is left waiting for its rest.
 */
public final class IsoFrameDecoder extends ByteToMessageDecoder
{
    private static final int LENGTH_BYTES = 2;

    private final IsoMessage message = new IsoMessage();
    private ConnectionDeadlines deadlines;

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        deadlines = ctx.pipeline().get(ConnectionDeadlines.class);
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx) throws Exception
    {
        if (deadlines != null)
        {
            deadlines.readEnded(internalBuffer().isReadable());
        }
        super.channelReadComplete(ctx);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        if (in.readableBytes() < LENGTH_BYTES)
        {
            return;
        }
        final int length = in.getUnsignedShort(in.readerIndex());
        if (length > IsoMessage.MAX_LENGTH)
        {
            in.skipBytes(in.readableBytes());
            throw new TooLongFrameException("ISO 8583 frame of " + length + " bytes");
        }
        if (in.readableBytes() < LENGTH_BYTES + length)
        {
            return;
        }
        message.decode(in, in.readerIndex() + LENGTH_BYTES, length);
        in.skipBytes(LENGTH_BYTES + length);
        out.add(message);
    }
}
