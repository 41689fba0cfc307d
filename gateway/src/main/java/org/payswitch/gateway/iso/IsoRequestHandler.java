package org.payswitch.gateway.iso;

import java.io.IOException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.gateway.guard.ConnectionDeadlines;
import org.payswitch.gateway.guard.RateLimitedLog;
import org.payswitch.gateway.reply.ReplyTarget;

/**
 * One ISO 8583 connection: decodes each frame in place and publishes it into the ring (the fields
 * its answer echoes travel in the slot's {@link IsoEcho}). On the pipeline's reply thread the
 * answers of a batch are encoded one after the other into one buffer, handed to Netty once per
 * batch ({@link #flush}): one task and one write for the connection, not one per answer. Many
 * requests may be in flight; answers are matched by DE 11 + DE 41, not by order. Network
 * management (0800), format errors (30) and overload (91) are answered on the I/O thread, written
 * as they come and flushed once per read. An unreadable frame, or one over 4 096 bytes, closes
 * the connection. A peer that does not read its answers stops being read (backpressure). It ends
 * the pipeline: any exception closes the connection with one rate-limited line (none for an I/O
 * error: the peer reset or closed it), and frames already read behind a closing one are dropped.
 * With an acquirer table, a request from an unknown acquirer or outside its scope is declined
 * here, never published ({@link AcquirerGuard}).
 */
public final class IsoRequestHandler extends ChannelInboundHandlerAdapter implements ReplyTarget
{
    private static final RateLimitedLog UNREADABLE = RateLimitedLog.warnings(IsoRequestHandler.class);
    private static final RateLimitedLog TOO_LONG = RateLimitedLog.warnings(IsoRequestHandler.class);
    private static final RateLimitedLog FAILURES = RateLimitedLog.warnings(IsoRequestHandler.class);

    private static final SlotFiller<IsoRequestHandler> PUBLISH = (event, handler) ->
    {
        event.reset();
        event.command.copyRequestFrom(handler.command);
        ((IsoEcho)event.attachment).copyFrom(handler.publishing);
        event.replyTo = handler;
        event.receivedNanos = handler.receivedNanos;
    };

    /** Room for a batch of answers at first: grows when a batch holds more. */
    private static final int REPLY_BUFFER_BYTES = 8192;
    /** An answer of the I/O thread (0810, 30, 91) is shorter than this. */
    private static final int IMMEDIATE_ANSWER_BYTES = 160;

    private final SwitchPipeline pipeline;
    private final AcquirerGuard acquirer;
    /** The request being published (the decoder's message), read by the translator. */
    private IsoMessage publishing;
    private final IsoEcho refusedEcho = new IsoEcho();
    private final SwitchCommand command = new SwitchCommand();
    private final IsoAnswers immediate = new IsoAnswers();
    private final IsoAnswers answers = new IsoAnswers();
    private ChannelHandlerContext channel;
    private ConnectionDeadlines deadlines;
    private boolean closing;
    private long receivedNanos;
    private boolean unflushed;
    /** The reply thread's answers of the current batch; owned by the reply thread until handed over. */
    private ByteBuf replies;

    public IsoRequestHandler(final SwitchPipeline pipeline, final Acquirers acquirers)
    {
        this.pipeline = pipeline;
        this.acquirer = new AcquirerGuard(acquirers);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        channel = ctx;
        deadlines = ctx.pipeline().get(ConnectionDeadlines.class);
    }

    /** A frame {@link IsoFrameDecoder} decoded (its reused message, done with before the next frame). */
    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        if (!(message instanceof IsoMessage request))
        {
            ctx.fireChannelRead(message);
            return;
        }
        if (deadlines != null)
        {
            deadlines.requestComplete();
        }
        if (closing)
        {
            return;
        }
        receivedNanos = System.nanoTime();
        final int decoded = request.status();
        if (decoded == IsoMessage.UNREADABLE)
        {
            final int length = request.length();
            UNREADABLE.log(() -> "closing " + ctx.channel().remoteAddress() + ": unreadable ISO 8583 frame of " +
                length + " bytes");
            close(ctx);
            return;
        }
        if (request.mti() == 800 && decoded == IsoMessage.OK)
        {
            final ByteBuf out = ctx.alloc().buffer(IMMEDIATE_ANSWER_BYTES);
            immediate.networkManagement(request, out);
            writeNow(ctx, out);
            return;
        }
        command.reset();
        command.timestamp = System.currentTimeMillis();
        if (decoded != IsoMessage.OK || !IsoRequestMapper.map(request, command))
        {
            final ByteBuf out = ctx.alloc().buffer(IMMEDIATE_ANSWER_BYTES);
            immediate.formatError(request, out);
            writeNow(ctx, out);
            return;
        }
        final ResponseCode refusal = acquirer.refusal(request, command, ctx.channel());
        publishing = request;
        if (refusal != null || !pipeline.tryPublish(PUBLISH, this))
        {
            command.responseCode = refusal != null ? refusal : ResponseCode.SWITCH_UNAVAILABLE;
            refusedEcho.copyFrom(request);
            final ByteBuf out = ctx.alloc().buffer(IMMEDIATE_ANSWER_BYTES);
            immediate.answer(refusedEcho, command, out);
            writeNow(ctx, out);
        }
    }

    /** An answer of the I/O thread: written now, flushed when the read ends ({@link #channelReadComplete}). */
    private void writeNow(final ChannelHandlerContext ctx, final ByteBuf out)
    {
        ctx.write(out, ctx.voidPromise());
        unflushed = true;
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        if (unflushed)
        {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    /** Reply thread: encodes the answer after the batch's others, from the slot's echo fields and the decision. */
    @Override
    public void answer(final SwitchEvent event)
    {
        if (replies == null)
        {
            replies = channel.alloc().buffer(REPLY_BUFFER_BYTES);
        }
        answers.answer((IsoEcho)event.attachment, event.command, replies);
    }

    /** Reply thread, once per batch: hands the batch's answers to Netty in one write. */
    @Override
    public void flush()
    {
        final ByteBuf batch = replies;
        if (batch != null)
        {
            replies = null;
            channel.writeAndFlush(batch, channel.voidPromise());
        }
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    /** The end of the pipeline's exceptions: closes the connection, with one rate-limited line. */
    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof TooLongFrameException)
        {
            TOO_LONG.log(() -> "closing " + ctx.channel().remoteAddress() + ": ISO 8583 frame longer than " +
                IsoMessage.MAX_LENGTH + " bytes");
        }
        else if (!(cause instanceof IOException))
        {
            FAILURES.log(() -> "closing " + ctx.channel().remoteAddress() + " on the iso port: " + cause);
        }
        close(ctx);
    }

    private void close(final ChannelHandlerContext ctx)
    {
        closing = true;
        ctx.close();
    }
}
