package org.payswitch.gateway.iso;

import com.lmax.disruptor.EventTranslatorOneArg;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.ReplyTarget;

/**
 * One ISO 8583 connection: decodes each frame in place, publishes it into the ring (the request
 * bytes travel in the slot's {@link IsoMessage} so the answer can echo them), and on the reply
 * thread writes answers, flushed once per batch. Many requests may be in flight; answers are
 * matched by DE 11 + DE 41, not by order. Network management (0800), format errors (30) and
 * overload (91) are answered at once. An unreadable frame, or one over 4 096 bytes, closes the
 * connection. A peer that does not read its answers stops being read (backpressure).
 */
public final class IsoRequestHandler extends ChannelInboundHandlerAdapter implements ReplyTarget
{
    private static final System.Logger LOG = System.getLogger(IsoRequestHandler.class.getName());

    private static final EventTranslatorOneArg<SwitchEvent, IsoRequestHandler> PUBLISH = (event, sequence, handler) ->
    {
        event.reset();
        event.command.copyRequestFrom(handler.command);
        ((IsoMessage)event.attachment).copyFrom(handler.request);
        event.replyTo = handler;
        event.receivedNanos = handler.receivedNanos;
    };

    private final SwitchPipeline pipeline;
    private final IsoMessage request = new IsoMessage();
    private final SwitchCommand command = new SwitchCommand();
    private final IsoAnswers immediate = new IsoAnswers();
    private final IsoAnswers replies = new IsoAnswers();
    private ChannelHandlerContext channel;
    private long receivedNanos;

    public IsoRequestHandler(final SwitchPipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        channel = ctx;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        final ByteBuf frame = (ByteBuf)message;
        try
        {
            handle(ctx, frame);
        }
        finally
        {
            frame.release();
        }
    }

    private void handle(final ChannelHandlerContext ctx, final ByteBuf frame)
    {
        receivedNanos = System.nanoTime();
        final int decoded = request.decode(frame);
        if (decoded == IsoMessage.UNREADABLE)
        {
            LOG.log(System.Logger.Level.WARNING, () -> "closing " + ctx.channel().remoteAddress() +
                ": unreadable ISO 8583 frame of " + frame.readableBytes() + " bytes");
            ctx.close();
            return;
        }
        if (request.mti() == 800 && decoded == IsoMessage.OK)
        {
            final ByteBuf out = ctx.alloc().buffer(64);
            immediate.networkManagement(request, out);
            ctx.writeAndFlush(out);
            return;
        }
        command.reset();
        command.timestamp = System.currentTimeMillis();
        if (decoded != IsoMessage.OK || !IsoRequestMapper.map(request, command))
        {
            final ByteBuf out = ctx.alloc().buffer(64);
            immediate.formatError(request, out);
            ctx.writeAndFlush(out);
            return;
        }
        if (!pipeline.tryPublish(PUBLISH, this))
        {
            command.responseCode = ResponseCode.SWITCH_UNAVAILABLE;
            final ByteBuf out = ctx.alloc().buffer(128);
            immediate.answer(request, command, out);
            ctx.writeAndFlush(out);
        }
    }

    /** Reply thread: encodes the answer from the slot's copy of the request and the engine's decision. */
    @Override
    public void answer(final SwitchEvent event)
    {
        final ByteBuf out = channel.alloc().buffer(160);
        replies.answer((IsoMessage)event.attachment, event.command, out);
        channel.write(out);
    }

    @Override
    public void flush()
    {
        channel.flush();
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof TooLongFrameException)
        {
            LOG.log(System.Logger.Level.WARNING, () -> "closing " + ctx.channel().remoteAddress() +
                ": ISO 8583 frame longer than " + IsoMessage.MAX_LENGTH + " bytes");
        }
        else
        {
            LOG.log(System.Logger.Level.WARNING, () -> "closing " + ctx.channel().remoteAddress() + ": " + cause);
        }
        ctx.close();
    }
}
