package org.payswitch.gateway.http;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.gateway.auth.CheckoutGuard;
import org.payswitch.gateway.guard.ConnectionDeadlines;
import org.payswitch.gateway.guard.RateLimitedLog;
import org.payswitch.gateway.json.JsonException;
import org.payswitch.gateway.reply.ReplyTarget;

/**
 * One HTTP/1.1 connection: routes each request of docs/api.md section 3, parses it into a
 * command and publishes it into the ring. The reply thread encodes the answer; at the end of its
 * batch it hands it to this connection's I/O thread in one task ({@link #flush}) that writes,
 * flushes and takes the next request. One request per connection is in the ring at a time;
 * requests a client pipelined behind it wait here, so answers always leave in request order.
 * The socket is read on meanwhile (pausing and resuming it costs two {@code epoll_ctl} calls a
 * request, which on a small machine were the largest share of the I/O thread's system calls);
 * only once {@value #MAX_WAITING} requests wait is it paused, so a client cannot make the switch
 * buffer without bound; and requests pipelined past {@value #MAX_PIPELINED} are not taken: the
 * last one taken is answered with {@code Connection: close} and the connection closes after it, as
 * after any request that asks to close (what a client sent behind it is not read, nor applied).
 * Format errors, 401, 403, 404 and overload (503 + Retry-After) are answered at once without
 * entering the ring. Checkout calls pass {@link CheckoutGuard} first (API key, and the key's
 * merchants carried on the command); operator calls need the admin token. It ends the pipeline:
 * an exception from any handler is answered 400 when nothing is owed on the connection, and the
 * connection is closed; one rate-limited line says why, without a stack trace, and none for a
 * connection the peer reset.
 */
public final class HttpRequestHandler extends ChannelInboundHandlerAdapter implements ReplyTarget
{
    private static final String AUTHORIZATIONS = "/v1/authorizations";
    private static final String TRANSACTIONS = "/v1/transactions";
    private static final String CAMPAIGNS = "/v1/campaigns";
    private static final String UNAUTHENTICATED =
        "{\"error\":\"checkout endpoints need an API key: Authorization: Bearer <key>\"}";
    private static final String FORBIDDEN_MERCHANT =
        "{\"error\":\"merchantId: this API key may not act for this merchant\",\"field\":\"merchantId\"}";
    private static final RateLimitedLog FAILURES = RateLimitedLog.warnings(HttpRequestHandler.class);

    private static final SlotFiller<HttpRequestHandler> PUBLISH = (event, handler) ->
    {
        event.reset();
        event.command.copyRequestFrom(handler.request);
        event.replyTo = handler;
        event.replyToken = handler.token;
        event.receivedNanos = handler.receivedNanos;
    };

    private final HttpContext context;
    private final SwitchCommand request = new SwitchCommand();
    private final FormatProblem problem = new FormatProblem();
    private final AuthorizationParser authorizations = new AuthorizationParser();
    private final CheckoutGuard checkout;
    /** Pipelined requests held before the socket stops being read. */
    static final int MAX_WAITING = 16;
    /** Pipelined requests taken at most; the last is answered with Connection: close. */
    static final int MAX_PIPELINED = 128;
    /** Room for an answer's status line and headers. */
    private static final int ANSWER_HEAD_BYTES = 160;


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

    public HttpRequestHandler(final HttpContext context)
    {
        this.context = context;
        this.checkout = new CheckoutGuard(context.apiKeys);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        channel = ctx;
        final ChannelHandlerContext encoder = ctx.pipeline().context(HttpResponseEncoder.class);
        encoded = encoder == null ? ctx : encoder;
        deadlines = ctx.pipeline().get(ConnectionDeadlines.class);
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
            respondError(HttpResponseStatus.BAD_REQUEST, "request: cannot be processed", false);
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

    private void handle(final FullHttpRequest http)
    {
        receivedNanos = System.nanoTime();
        final boolean keepAlive = HttpUtil.isKeepAlive(http);
        if (!keepAlive)
        {
            closeAfterThis();
        }
        if (!http.decoderResult().isSuccess())
        {
            respondError(HttpResponseStatus.BAD_REQUEST, "request: malformed HTTP", false);
            return;
        }
        request.reset();
        request.timestamp = System.currentTimeMillis();
        final String uri = http.uri();
        final HttpMethod method = http.method();
        if (method == HttpMethod.HEAD)
        {
            respondHeadOnly(keepAlive);
            return;
        }
        try
        {
            if (method == HttpMethod.POST && AUTHORIZATIONS.equals(uri))
            {
                if (!admitted(http, keepAlive))
                {
                    return;
                }
                if (authorizations.parse(http.content(), request, problem))
                {
                    if (CheckoutGuard.covers(request))
                    {
                        publish(AnswerKind.AUTHORIZATION, keepAlive);
                    }
                    else
                    {
                        respondJson(HttpResponseStatus.FORBIDDEN, FORBIDDEN_MERCHANT, keepAlive);
                    }
                }
                else
                {
                    respondError(HttpResponseStatus.BAD_REQUEST, problem.message, keepAlive);
                }
                return;
            }
            route(http, method, new QueryStringDecoder(uri), keepAlive);
        }
        catch (final JsonException e)
        {
            respondError(HttpResponseStatus.BAD_REQUEST, e.getMessage(), keepAlive);
        }
    }

    private void route(
        final FullHttpRequest http, final HttpMethod method, final QueryStringDecoder uri, final boolean keepAlive)
    {
        final String path = uri.path();
        final String[] parts = path.split("/");
        if ("/health".equals(path) && method == HttpMethod.GET)
        {
            final boolean up = context.ready.getAsBoolean();
            respondJson(up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
                up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}", keepAlive);
            return;
        }
        if ("/metrics".equals(path) && method == HttpMethod.GET)
        {
            request.type = CommandType.GET_CAMPAIGNS;
            publish(AnswerKind.METRICS, keepAlive);
            return;
        }
        if ((path.startsWith(AUTHORIZATIONS + "/") && parts.length == 5 && method == HttpMethod.POST ||
            path.startsWith(TRANSACTIONS) && method == HttpMethod.GET) && !admitted(http, keepAlive))
        {
            return;
        }
        if (path.startsWith(AUTHORIZATIONS + "/") && parts.length == 5 && method == HttpMethod.POST)
        {
            lifecycle(http, parts[3], parts[4], keepAlive);
            return;
        }
        if (path.startsWith(TRANSACTIONS) && method == HttpMethod.GET)
        {
            transactionQuery(uri, parts, keepAlive);
            return;
        }
        if (path.startsWith("/v1/cards") || path.startsWith("/v1/merchants") || path.startsWith(CAMPAIGNS) ||
            path.startsWith("/v1/reports"))
        {
            if (!context.operator.matches(http.headers().get(HttpHeaderNames.AUTHORIZATION)))
            {
                respondJson(HttpResponseStatus.UNAUTHORIZED, "{\"error\":\"operator endpoints need the admin bearer token\"}",
                    keepAlive);
                return;
            }
            operator(http, method, path, parts, keepAlive);
            return;
        }
        respondJson(HttpResponseStatus.NOT_FOUND, "{\"error\":\"no such endpoint\"}", keepAlive);
    }

    private void lifecycle(final FullHttpRequest http, final String id, final String action, final boolean keepAlive)
    {
        if (!setTransactionId(id))
        {
            respondCode(HttpResponseStatus.NOT_FOUND, ResponseCode.UNABLE_TO_LOCATE_ORIGINAL, keepAlive);
            return;
        }
        final OperatorParser body = OperatorParser.of(http.content());
        switch (action)
        {
            case "capture" ->
            {
                request.type = CommandType.CAPTURE;
                if (body.has("amount"))
                {
                    request.amount = body.amount("amount");
                    request.hasAmount = true;
                }
            }
            case "reversal" -> request.type = CommandType.REVERSAL;
            case "refunds" ->
            {
                request.type = CommandType.REFUND;
                final String refundId = body.text("refundId");
                if (refundId.length() > SwitchCommand.MAX_REFUND_ID_LENGTH || !request.refundId.set(refundId) ||
                    !request.refundId.isIdentifier())
                {
                    throw new JsonException("refundId: 1..40 characters of [A-Za-z0-9_-]", "refundId");
                }
                request.amount = body.amount("amount");
                request.hasAmount = true;
            }
            default ->
            {
                respondJson(HttpResponseStatus.NOT_FOUND, "{\"error\":\"no such endpoint\"}", keepAlive);
                return;
            }
        }
        publish(AnswerKind.TRANSACTION, keepAlive);
    }

    private void transactionQuery(final QueryStringDecoder uri, final String[] parts, final boolean keepAlive)
    {
        request.type = CommandType.GET_TRANSACTION;
        if (parts.length == 4)
        {
            if (!setTransactionId(parts[3]))
            {
                respondCode(HttpResponseStatus.NOT_FOUND, ResponseCode.UNABLE_TO_LOCATE_ORIGINAL, keepAlive);
                return;
            }
        }
        else if (parts.length == 3)
        {
            final Map<String, List<String>> query = uri.parameters();
            final List<String> merchantId = query.get("merchantId");
            final List<String> orderId = query.get("orderId");
            if (merchantId == null || orderId == null || !request.merchantId.set(merchantId.get(0)) ||
                !request.orderId.set(orderId.get(0)) || request.merchantId.length() == 0 ||
                request.orderId.length() == 0)
            {
                respondError(HttpResponseStatus.BAD_REQUEST, "merchantId: merchantId and orderId are required",
                    keepAlive);
                return;
            }
        }
        else
        {
            respondJson(HttpResponseStatus.NOT_FOUND, "{\"error\":\"no such endpoint\"}", keepAlive);
            return;
        }
        publish(AnswerKind.TRANSACTION, keepAlive);
    }

    private void operator(
        final FullHttpRequest http, final HttpMethod method, final String path, final String[] parts,
        final boolean keepAlive)
    {
        final AnswerKind kind;
        if (method == HttpMethod.POST && "/v1/cards".equals(path))
        {
            request.type = CommandType.UPSERT_CARD;
            request.cardDefinition = OperatorParser.of(http.content()).card();
            kind = AnswerKind.CARD;
        }
        else if (method == HttpMethod.POST && "/v1/cards/status".equals(path))
        {
            final OperatorParser body = OperatorParser.of(http.content());
            setPan(body.panText());
            request.type = CommandType.SET_CARD_STATUS;
            request.cardStatus = body.status("status");
            kind = AnswerKind.CARD;
        }
        else if (method == HttpMethod.POST && "/v1/cards/lookup".equals(path))
        {
            setPan(OperatorParser.of(http.content()).panText());
            request.type = CommandType.LOOKUP_CARD;
            kind = AnswerKind.CARD;
        }
        else if (method == HttpMethod.POST && "/v1/merchants".equals(path))
        {
            request.type = CommandType.UPSERT_MERCHANT;
            request.merchantDefinition = OperatorParser.of(http.content()).merchant();
            kind = AnswerKind.MERCHANT;
        }
        else if (method == HttpMethod.POST && CAMPAIGNS.equals(path))
        {
            request.type = CommandType.CREATE_CAMPAIGN;
            request.campaignDefinition = OperatorParser.of(http.content()).campaign();
            kind = AnswerKind.CAMPAIGN;
        }
        else if (method == HttpMethod.GET && CAMPAIGNS.equals(path))
        {
            request.type = CommandType.GET_CAMPAIGNS;
            kind = AnswerKind.CAMPAIGNS;
        }
        else if (method == HttpMethod.GET && path.startsWith(CAMPAIGNS + "/") && parts.length == 4)
        {
            request.type = CommandType.GET_CAMPAIGNS;
            request.campaignId = parts[3];
            kind = AnswerKind.CAMPAIGN;
        }
        else if (method == HttpMethod.POST && path.startsWith(CAMPAIGNS + "/") && parts.length == 5 &&
            ("pause".equals(parts[4]) || "resume".equals(parts[4])))
        {
            request.type = "pause".equals(parts[4]) ? CommandType.PAUSE_CAMPAIGN : CommandType.RESUME_CAMPAIGN;
            request.campaignId = parts[3];
            kind = AnswerKind.CAMPAIGN;
        }
        else if (method == HttpMethod.GET && "/v1/reports/discounts".equals(path))
        {
            request.type = CommandType.DISCOUNT_REPORT;
            kind = AnswerKind.SETTLEMENT;
        }
        else
        {
            respondJson(HttpResponseStatus.NOT_FOUND, "{\"error\":\"no such endpoint\"}", keepAlive);
            return;
        }
        publish(kind, keepAlive);
    }

    /** Checkout calls: false (and 401 answered) without a configured API key. */
    private boolean admitted(final FullHttpRequest http, final boolean keepAlive)
    {
        if (checkout.admit(http.headers().get(HttpHeaderNames.AUTHORIZATION), request) == CheckoutGuard.ADMITTED)
        {
            return true;
        }
        final FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED, keepAlive);
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"payment-switch\"");
        response.content().writeCharSequence(UNAUTHENTICATED, java.nio.charset.StandardCharsets.UTF_8);
        send(response, keepAlive);
        return false;
    }

    private void setPan(final String pan)
    {
        request.pan = Pan.parse(pan);
        request.panLength = pan.length();
    }

    private boolean setTransactionId(final String text)
    {
        if (text.isEmpty() || text.length() > 18)
        {
            return false;
        }
        long id = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
            id = id * 10 + (c - '0');
        }
        request.transactionId = id;
        return id > 0;
    }

    private void publish(final AnswerKind kind, final boolean keepAlive)
    {
        token = kind.ordinal() | (keepAlive ? 1L << 8 : 0);
        inFlight = true;
        if (!context.pipeline.tryPublish(PUBLISH, this))
        {
            inFlight = false;
            final FullHttpResponse response = response(HttpResponseStatus.SERVICE_UNAVAILABLE, keepAlive);
            response.content().writeBytes("{\"responseCode\":\"91\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            send(response, keepAlive);
        }
    }

    /**
     * Reply thread: encodes the whole answer of the request this connection published, status
     * line, headers and body, into one buffer ({@link HttpHead}); {@link #flush} sends it.
     */
    @Override
    public void answer(final SwitchEvent event)
    {
        final AnswerKind kind = AnswerKind.values()[(int)(event.replyToken & 0xFF)];
        final boolean keepAlive = (event.replyToken & (1L << 8)) != 0;
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
        HttpHead.write(response, status, metrics, keepAlive,
            event.command.responseCode == ResponseCode.SWITCH_UNAVAILABLE, body.readableBytes());
        response.writeBytes(body);
        answered = response;
        answeredKeepAlive = keepAlive;
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
            encoded.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
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

    private FullHttpResponse response(final HttpResponseStatus status, final boolean keepAlive)
    {
        final ByteBuf body = channel.alloc().buffer(256);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        if (keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        else
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    /** HEAD is served by no endpoint: 405, no body (a body after a HEAD's answer would read as the next answer). */
    private void respondHeadOnly(final boolean keepAlive)
    {
        final FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, keepAlive);
        response.headers().set(HttpHeaderNames.ALLOW, "GET, POST");
        send(response, keepAlive);
    }

    private void respondError(final HttpResponseStatus status, final String message, final boolean keepAlive)
    {
        final FullHttpResponse response = response(status, keepAlive);
        HttpAnswers.writeError(response.content(), message);
        send(response, keepAlive);
    }

    private void respondCode(final HttpResponseStatus status, final ResponseCode code, final boolean keepAlive)
    {
        respondJson(status, "{\"responseCode\":\"" + code.code() + "\"}", keepAlive);
    }

    private void respondJson(final HttpResponseStatus status, final String json, final boolean keepAlive)
    {
        final FullHttpResponse response = response(status, keepAlive);
        response.content().writeCharSequence(json, java.nio.charset.StandardCharsets.UTF_8);
        send(response, keepAlive);
    }

    private void send(final FullHttpResponse response, final boolean keepAlive)
    {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (keepAlive)
        {
            channel.writeAndFlush(response);
        }
        else
        {
            closeAfterThis();
            channel.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The request being answered is the connection's last: what was pipelined behind it is dropped unread. */
    private void closeAfterThis()
    {
        takingNoMore = true;
        dropWaiting();
    }
}
