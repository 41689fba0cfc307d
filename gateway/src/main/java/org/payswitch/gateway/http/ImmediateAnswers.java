package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.gateway.guard.LingeringClose;
import org.payswitch.gateway.json.JsonWriter;

/**
 * The answers one connection gives on its I/O thread without entering the ring (docs/api.md
 * sections 3, 7 and 8): format errors, 401, 403, 404, 405, 503 and health. Each keeps or closes
 * the connection as the request being answered asked ({@link #keepAlive}); a closing answer first
 * tells the connection to take no more requests.
 */
final class ImmediateAnswers
{
    /** Room for an immediate answer's body at first; the longest is a format error's. */
    private static final int BODY_BYTES = 256;
    private static final String UNAUTHENTICATED =
        "{\"error\":\"checkout endpoints need an API key: Authorization: Bearer <key>\"}";
    private static final String NEEDS_ADMIN_TOKEN = "{\"error\":\"operator endpoints need the admin bearer token\"}";
    private static final String FORBIDDEN_MERCHANT =
        "{\"error\":\"merchantId: this API key may not act for this merchant\",\"field\":\"merchantId\"}";
    private static final String NO_SUCH_ENDPOINT = "{\"error\":\"no such endpoint\"}";
    private static final String METHOD_NOT_ALLOWED = "{\"error\":\"method not allowed\"}";
    private static final String OVERLOADED = "{\"responseCode\":\"91\"}";
    /** What HEAD gets, on any path (docs/api.md section 7). */
    private static final String HEAD_ALLOW = "GET, POST";
    private static final String RETRY_AFTER_SECONDS = "1";
    /**
     * The operations page's Content-Security-Policy: scripts, styles and requests from the switch
     * itself only, no inline script or style, no frames, no form posted anywhere.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";
    private static final String REFERRER_POLICY = "referrer-policy";
    private static final String CONTENT_TYPE_OPTIONS = "x-content-type-options";

    private final ChannelHandlerContext channel;
    private final Runnable closeAfterThis;
    private boolean keepAlive;

    /** Answers on {@code channel}; {@code closeAfterThis} runs before an answer that closes the connection. */
    ImmediateAnswers(final ChannelHandlerContext channel, final Runnable closeAfterThis)
    {
        this.channel = channel;
        this.closeAfterThis = closeAfterThis;
    }

    /** Whether the answers to the request at hand keep the connection open. */
    void keepAlive(final boolean keep)
    {
        keepAlive = keep;
    }

    /**
     * Writes {"error", "field", "responseCode": "30"} into {@code out}: {@code field} is left out
     * when null; from any thread.
     */
    static void writeError(final ByteBuf out, final String field, final String message)
    {
        final JsonWriter json = new JsonWriter().wrap(out).beginObject().name("error").string(message);
        if (field != null)
        {
            json.name("field").string(field);
        }
        json.name("responseCode").string(ResponseCode.FORMAT_ERROR.code()).endObject();
    }

    /** 400 (or another status) with a format error's body naming {@code field} (may be null). */
    void error(final HttpResponseStatus status, final String field, final String message)
    {
        final FullHttpResponse response = response(status);
        writeError(response.content(), field, message);
        send(response);
    }

    /** A format problem found without throwing: 400/30. */
    void formatError(final FormatProblem problem)
    {
        error(HttpResponseStatus.BAD_REQUEST, problem.field, problem.message);
    }

    /** {"responseCode": code} with {@code status}. */
    void code(final HttpResponseStatus status, final ResponseCode code)
    {
        json(status, "{\"responseCode\":\"" + code.code() + "\"}");
    }

    /** 401 of a checkout call without a known API key, with the Bearer challenge (docs/api.md section 8). */
    void unauthenticated()
    {
        final FullHttpResponse response = response(HttpResponseStatus.UNAUTHORIZED);
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"payment-switch\"");
        response.content().writeCharSequence(UNAUTHENTICATED, StandardCharsets.UTF_8);
        send(response);
    }

    /** 401 of an operator call without the admin token. */
    void needsAdminToken()
    {
        json(HttpResponseStatus.UNAUTHORIZED, NEEDS_ADMIN_TOKEN);
    }

    /** 403: the API key may not act for the authorization's merchant. */
    void forbiddenMerchant()
    {
        json(HttpResponseStatus.FORBIDDEN, FORBIDDEN_MERCHANT);
    }

    /** 404 of a path the switch does not serve. */
    void noSuchEndpoint()
    {
        json(HttpResponseStatus.NOT_FOUND, NO_SUCH_ENDPOINT);
    }

    /** 405 of a known path asked with another method; {@code allow} lists the methods it takes. */
    void methodNotAllowed(final String allow)
    {
        final FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED);
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        response.content().writeCharSequence(METHOD_NOT_ALLOWED, StandardCharsets.UTF_8);
        send(response);
    }

    /** HEAD is served by no endpoint: 405, no body (a body after a HEAD's answer would read as the next answer). */
    void headOnly()
    {
        final FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED);
        response.headers().set(HttpHeaderNames.ALLOW, HEAD_ALLOW);
        send(response);
    }

    /** 503/91 with Retry-After: the ring had no free slot. */
    void overloaded()
    {
        final FullHttpResponse response = response(HttpResponseStatus.SERVICE_UNAVAILABLE);
        response.content().writeCharSequence(OVERLOADED, StandardCharsets.US_ASCII);
        response.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        send(response);
    }

    /** {@code json} as the body, with {@code status}. */
    void json(final HttpResponseStatus status, final String json)
    {
        final FullHttpResponse response = response(status);
        response.content().writeCharSequence(json, StandardCharsets.UTF_8);
        send(response);
    }

    /**
     * 200 with {@code body} (released once written) of {@code contentType}: a file of the operations
     * page or its figures. Its headers keep the page to the switch's own files ({@link #PAGE_POLICY}),
     * out of frames, unsniffed, and never cached: a new build's page is served at once.
     */
    void content(final String contentType, final ByteBuf body)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .set(HttpHeaderNames.CONTENT_SECURITY_POLICY, PAGE_POLICY)
            .set(CONTENT_TYPE_OPTIONS, "nosniff")
            .set(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
            .set(REFERRER_POLICY, "no-referrer")
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
            .set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        send(response);
    }

    private FullHttpResponse response(final HttpResponseStatus status)
    {
        final ByteBuf body = channel.alloc().buffer(BODY_BYTES);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().set(HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
        return response;
    }

    private void send(final FullHttpResponse response)
    {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (keepAlive)
        {
            channel.writeAndFlush(response);
        }
        else
        {
            closeAfterThis.run();
            channel.writeAndFlush(response).addListener(LingeringClose.AFTER_WRITE);
        }
    }
}
