package org.payswitch.gateway.http;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.gateway.guard.ConnectionDeadlines;
import org.payswitch.gateway.guard.LingeringClose;
import org.payswitch.gateway.guard.RateLimitedLog;
import org.payswitch.gateway.json.JsonException;
import org.payswitch.gateway.reply.ReplyTarget;

/**
 * One HTTP/1.1 connection: takes its requests one at a time, routes each through the API's table
 * ({@link HttpRoutes}) to its endpoint, which fills the connection's command and publishes it into
 * the ring (docs/api.md section 3). The reply thread encodes the answer; at the end of its
 * batch it hands it to this connection's I/O thread in one task ({@link #flush}) that writes,
 * flushes and takes the next request. One request per connection is in the ring at a time;
 * requests a client pipelined behind it wait here, so answers always leave in request order.
 * The socket is read on meanwhile (pausing and resuming it costs two {@code epoll_ctl} calls a
 * request, which on a small machine were the largest share of the I/O thread's system calls);
 * only once {@value #MAX_WAITING} requests wait is it paused, so a client cannot make the switch
 * buffer without bound; and requests pipelined past {@value #MAX_PIPELINED} are not taken: the
 * last one taken is answered with {@code Connection: close} and the connection closes after it, as
 * after any request that asks to close (what a client sent behind it is read and dropped, never
 * applied; the close lingers so that no reset loses the answers given: {@link LingeringClose}).
 * Format errors, 401, 403, 404, 405 and overload (503 + Retry-After) are answered at once without
 * entering the ring ({@link ImmediateAnswers}). It ends the pipeline: an exception from any handler
 * is answered 400 when nothing is owed on the connection, and the connection is closed; one
 * rate-limited line says why, without a stack trace, and none for a connection the peer reset.
 */
public final class HttpRequestHandler extends ChannelInboundHandlerAdapter implements ReplyTarget
{
    /** Pipelined requests held before the socket stops being read. */
    static final int MAX_WAITING = 16;
    /** Pipelined requests taken at most; the last is answered with Connection: close. */
    static final int MAX_PIPELINED = 128;
    /** Room for an answer's status line and headers. */
    private static final int ANSWER_HEAD_BYTES = 160;
    /** The low byte of a reply token is the answer's kind; this bit says keep-alive. */
    private static final int KIND_BITS = 0xFF;
    private static final long KEEP_ALIVE_BIT = 1L << 8;
    private static final AnswerKind[] KINDS = AnswerKind.values();
    private static final RateLimitedLog FAILURES = RateLimitedLog.warnings(HttpRequestHandler.class);

    private static final SlotFiller<HttpRequestHandler> PUBLISH = (event, handler) ->
    {
        event.reset();
        event.command.copyRequestFrom(handler.exchange.command);
        event.replyTo = handler;
        event.replyToken = handler.token;
        event.receivedNanos = handler.receivedNanos;
    };

    private final HttpContext context;
    /** The endpoints' view of this connection; made once the handler has its channel. */
    private HttpExchange exchange;
    private ImmediateAnswers answers;

    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private final Runnable deliver = this::deliver;
    /** The reply thread's answer (encoded whole), until its batch ends; owned by the reply thread. */
    private ByteBuf answered;
    private boolean answeredKeepAlive;
    /** The answer handed to the I/O thread by {@link #flush}, taken by {@link #deliver}. */
    private final AtomicReference<ByteBuf> handedOver = new AtomicReference<>();
    private volatile boolean handedOverKeepAlive;
    private ChannelHandlerContext channel;
    /** Where answers encoded whole are written: the response encoder's context, so they pass it by. */
    private ChannelHandlerContext encoded;
    private boolean inFlight;
    /** Set once a request asked to close (or was the last one taken): later requests are dropped unread. */
    private boolean takingNoMore;
    private ConnectionDeadlines deadlines;
    private long token;
    private long receivedNanos;
    private boolean keepAlive;

    public HttpRequestHandler(final HttpContext context)
    {
        this.context = context;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        channel = ctx;
        final ChannelHandlerContext encoder = ctx.pipeline().context(HttpResponseEncoder.class);
        encoded = encoder == null ? ctx : encoder;
        deadlines = ctx.pipeline().get(ConnectionDeadlines.class);
        answers = new ImmediateAnswers(ctx, this::closeAfterThis);
        exchange = new HttpExchange(context, answers, this::publish);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object message)
    {
        if (!(message instanceof FullHttpRequest http))
        {
            ctx.fireChannelRead(message);
            return;
        }
        if (deadlines != null)
        {
            deadlines.requestComplete();
        }
        if (takingNoMore)
        {
            http.release();
            return;
        }
        if (inFlight)
        {
            waiting.add(http);
            if (waiting.size() >= MAX_PIPELINED)
            {
                HttpUtil.setKeepAlive(http, false);
            }
            takingNoMore = !HttpUtil.isKeepAlive(http);
            if (waiting.size() >= MAX_WAITING)
            {
                ctx.channel().config().setAutoRead(false);
            }
            return;
        }
        try
        {
            handle(http);
        }
        finally
        {
            http.release();
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        dropWaiting();
        ctx.fireChannelInactive();
    }

    /**
     * The end of the pipeline's exceptions: 400 and close when no answer is owed on the connection
     * (else close), one rate-limited line without a stack trace, nothing for an I/O error (the peer
     * reset or closed the connection).
     */
    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!(cause instanceof IOException))
        {
            FAILURES.log(() -> "closing " + ctx.channel().remoteAddress() + " on the http port: " + cause);
        }
        final boolean owesNothing = !inFlight && waiting.isEmpty() && !takingNoMore;
        takingNoMore = true;
        dropWaiting();
        if (owesNothing && ctx.channel().isActive())
        {
            answers.keepAlive(false);
            answers.error(HttpResponseStatus.BAD_REQUEST, null, "request: cannot be processed");
        }
        else
        {
            ctx.close();
        }
    }

    private void dropWaiting()
    {
        FullHttpRequest pending;
        while ((pending = waiting.poll()) != null)
        {
            pending.release();
        }
    }

    /** Routes one request to its endpoint; a body an endpoint cannot map is answered 400/30 naming the field. */
    private void handle(final FullHttpRequest http)
    {
        receivedNanos = System.nanoTime();
        keepAlive = HttpUtil.isKeepAlive(http);
        answers.keepAlive(keepAlive);
        if (!keepAlive)
        {
            closeAfterThis();
        }
        if (!http.decoderResult().isSuccess())
        {
            answers.keepAlive(false);
            answers.error(HttpResponseStatus.BAD_REQUEST, null, "request: malformed HTTP");
            return;
        }
        final SwitchCommand request = exchange.command;
        request.reset();
        request.timestamp = System.currentTimeMillis();
        final HttpMethod method = http.method();
        if (method == HttpMethod.HEAD)
        {
            answers.headOnly();
            return;
        }
        final String path = HttpRoutes.pathOf(http.uri());
        try
        {
            HttpRoutes.API.find(method, path).serve(exchange, http, path);
        }
        catch (final JsonException e)
        {
            answers.error(HttpResponseStatus.BAD_REQUEST, e.field(), e.getMessage());
        }
    }

    /** Publishes the exchange's command; when the ring has no free slot, 503/91 at once. */
    private void publish(final AnswerKind kind)
    {
        token = kind.ordinal() | (keepAlive ? KEEP_ALIVE_BIT : 0);
        inFlight = true;
        if (!context.pipeline.tryPublish(PUBLISH, this))
        {
            inFlight = false;
            answers.overloaded();
        }
    }

    /**
     * Reply thread: encodes the whole answer of the request this connection published, status
     * line, headers and body, into one buffer ({@link HttpHead}); {@link #flush} sends it.
     */
    @Override
    public void answer(final SwitchEvent event)
    {
        final AnswerKind kind = KINDS[(int)(event.replyToken & KIND_BITS)];
        final boolean keepsAlive = (event.replyToken & KEEP_ALIVE_BIT) != 0;
        final boolean metrics = kind == AnswerKind.METRICS;
        final HttpResponseStatus status = metrics ? HttpResponseStatus.OK : HttpAnswers.status(event.command, kind);
        final ByteBuf body = context.replyBody;
        body.clear();
        if (metrics)
        {
            context.metrics.write(event.command.campaigns, body);
        }
        else
        {
            context.answers.write(event.command, kind, body);
        }
        final ByteBuf response = channel.alloc().buffer(ANSWER_HEAD_BYTES + body.readableBytes());
        HttpHead.write(response, status, metrics, keepsAlive,
            event.command.responseCode == ResponseCode.SWITCH_UNAVAILABLE, body.readableBytes());
        response.writeBytes(body);
        answered = response;
        answeredKeepAlive = keepsAlive;
    }

    /** Reply thread, at the end of its batch: hands the answer to the I/O thread in one task. */
    @Override
    public void flush()
    {
        final ByteBuf response = answered;
        if (response != null)
        {
            answered = null;
            handedOverKeepAlive = answeredKeepAlive;
            handedOver.set(response);
            channel.executor().execute(deliver);
        }
    }

    /** I/O thread: writes and flushes the answer handed over, then reads the next request. */
    private void deliver()
    {
        final ByteBuf response = handedOver.getAndSet(null);
        if (response == null)
        {
            return;
        }
        if (!channel.channel().isActive())
        {
            response.release();
            return;
        }
        if (handedOverKeepAlive)
        {
            encoded.writeAndFlush(response, encoded.voidPromise());
        }
        else
        {
            encoded.writeAndFlush(response).addListener(LingeringClose.AFTER_WRITE);
        }
        resume();
    }

    private void resume()
    {
        inFlight = false;
        FullHttpRequest next;
        while (!inFlight && (next = waiting.poll()) != null)
        {
            try
            {
                handle(next);
            }
            catch (final RuntimeException e)
            {
                exceptionCaught(channel, e);
            }
            finally
            {
                next.release();
            }
        }
        if (waiting.size() < MAX_WAITING && !channel.channel().config().isAutoRead())
        {
            channel.channel().config().setAutoRead(true);
        }
    }

    /** The request being answered is the connection's last: what was pipelined behind it is dropped unread. */
    private void closeAfterThis()
    {
        takingNoMore = true;
        dropWaiting();
    }
}
