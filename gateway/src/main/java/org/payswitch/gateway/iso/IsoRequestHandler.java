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
 * management (0800), format errors (30) and overload (91) are answered on the I/O thread, encoded
 * into one buffer per read and written once when the read ends. Past the pipeline's admission
 * limit ({@link SwitchPipeline#tryAdmit}) a well-formed request is refused before the acquirer's
 * checks (its MAC) and without a slot. An unreadable frame, or one over 4 096 bytes, closes
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
    /** Room for a read's answers from the I/O thread (0810, 30, 91, each under 160 bytes) at first: grows. */
    private static final int IMMEDIATE_ANSWERS_BYTES = 4096;

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
    /** The I/O thread's answers of the current read, written when it ends; null when there are none. */
    private ByteBuf immediateAnswers;
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
            immediate.networkManagement(request, immediateAnswers(ctx));
            return;
        }
        command.reset();
        command.timestamp = System.currentTimeMillis();
        if (decoded != IsoMessage.OK || !IsoRequestMapper.map(request, command))
        {
            immediate.formatError(request, immediateAnswers(ctx));
            return;
        }
        if (!pipeline.tryAdmit())
        {
            refuse(ctx, request, ResponseCode.SWITCH_UNAVAILABLE);
            return;
        }
        final ResponseCode refusal = acquirer.refusal(request, command, ctx.channel());
        publishing = request;
        if (refusal != null || !pipeline.tryPublish(PUBLISH, this))
        {
            refuse(ctx, request, refusal != null ? refusal : ResponseCode.SWITCH_UNAVAILABLE);
        }
    }

    /** Answers {@code code} on the I/O thread, echoing the request's fields: nothing published. */
    private void refuse(final ChannelHandlerContext ctx, final IsoMessage request, final ResponseCode code)
    {
        command.clearAnswer();
        command.responseCode = code;
        refusedEcho.copyFrom(request);
        immediate.answer(refusedEcho, command, immediateAnswers(ctx));
    }

    /**
     * The buffer of this read's answers from the I/O thread (0810, 30, 91 and the acquirer's
     * refusals): one buffer for all of them, written and flushed once when the read ends
     * ({@link #channelReadComplete}), so that past capacity a refusal costs an encoding, not a
     * buffer, a write and an entry in the outbound queue of its own.
     */
    private ByteBuf immediateAnswers(final ChannelHandlerContext ctx)
    {
        if (immediateAnswers == null)
        {
            immediateAnswers = ctx.alloc().buffer(IMMEDIATE_ANSWERS_BYTES);
        }
        return immediateAnswers;
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        final ByteBuf answered = immediateAnswers;
        if (answered != null)
        {
            immediateAnswers = null;
            ctx.writeAndFlush(answered, ctx.voidPromise());
        }
        ctx.fireChannelReadComplete();
    }

    /** Answers of a read that ended with the connection (never written) go back to the allocator. */
    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx)
    {
        final ByteBuf unwritten = immediateAnswers;
        if (unwritten != null)
        {
            immediateAnswers = null;
            unwritten.release();
        }
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
