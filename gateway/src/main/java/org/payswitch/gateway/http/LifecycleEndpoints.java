package org.payswitch.gateway.http;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.gateway.json.JsonException;

/**
 * What follows an authorization (docs/api.md section 3): capture, reversal and refunds of
 * {@code /v1/authorizations/{id}/...}, and the status inquiries of {@code /v1/transactions}.
 * A transaction id that is not a positive decimal number is one the switch does not know: 404/25.
 * Bodies are mapped by {@link BodyMapper} (a malformed one is 400/30); each call is published into
 * the ring and answered with the transaction.
 */
final class LifecycleEndpoints
{
    /** Most digits of a transaction id (ids count up from 1 and fit a {@code long}). */
    private static final int MAX_ID_DIGITS = 18;

    private LifecycleEndpoints()
    {
    }

    /** {@code POST /v1/authorizations/{id}/capture}, with an optional amount. */
    static void capture(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final SwitchCommand command = exchange.command;
        if (!transaction(exchange, id))
        {
            return;
        }
        final LifecycleBodies.Capture body =
            BodyMapper.read(http.content(), LifecycleBodies.Capture.class, LifecycleBodies.FIELDS);
        command.type = CommandType.CAPTURE;
        if (body.amount() != null)
        {
            command.amount = body.amount();
            command.hasAmount = true;
        }
        exchange.publish(AnswerKind.TRANSACTION);
    }

    /** {@code POST /v1/authorizations/{id}/reversal}; a body, if any, must be a JSON object. */
    static void reversal(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        if (!transaction(exchange, id))
        {
            return;
        }
        BodyMapper.readObject(http.content());
        exchange.command.type = CommandType.REVERSAL;
        exchange.publish(AnswerKind.TRANSACTION);
    }

    /** {@code POST /v1/authorizations/{id}/refunds} with a refundId and an amount. */
    static void refund(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final SwitchCommand command = exchange.command;
        if (!transaction(exchange, id))
        {
            return;
        }
        final LifecycleBodies.Refund body =
            BodyMapper.read(http.content(), LifecycleBodies.Refund.class, LifecycleBodies.FIELDS);
        command.type = CommandType.REFUND;
        final String refundId = BodyFields.text(body.refundId(), "refundId");
        if (refundId.length() > SwitchCommand.MAX_REFUND_ID_LENGTH || !command.refundId.set(refundId) ||
            !command.refundId.isIdentifier())
        {
            throw new JsonException("refundId: 1..40 characters of [A-Za-z0-9_-]", "refundId");
        }
        command.amount = BodyFields.amount(body.amount(), "amount");
        command.hasAmount = true;
        exchange.publish(AnswerKind.TRANSACTION);
    }

    /** {@code GET /v1/transactions/{id}}. */
    static void transactionById(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        if (transaction(exchange, id))
        {
            exchange.command.type = CommandType.GET_TRANSACTION;
            exchange.publish(AnswerKind.TRANSACTION);
        }
    }

    /** {@code GET /v1/transactions?merchantId=...&orderId=...}: both required. */
    static void transactionByKey(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        final SwitchCommand command = exchange.command;
        final Map<String, List<String>> query = new QueryStringDecoder(http.uri()).parameters();
        final List<String> merchantId = query.get("merchantId");
        final List<String> orderId = query.get("orderId");
        if (merchantId == null || orderId == null || !command.merchantId.set(merchantId.get(0)) ||
            !command.orderId.set(orderId.get(0)) || command.merchantId.length() == 0 || command.orderId.length() == 0)
        {
            exchange.answers.error(HttpResponseStatus.BAD_REQUEST, "merchantId",
                "merchantId: merchantId and orderId are required");
            return;
        }
        command.type = CommandType.GET_TRANSACTION;
        exchange.publish(AnswerKind.TRANSACTION);
    }

    /** Puts the transaction id on the command; false (and 404/25 answered) when it names none. */
    private static boolean transaction(final HttpExchange exchange, final String text)
    {
        final long id = text.length() > MAX_ID_DIGITS ? 0 : parseDigits(text);
        if (id <= 0)
        {
            exchange.answers.code(HttpResponseStatus.NOT_FOUND, ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
            return false;
        }
        exchange.command.transactionId = id;
        return true;
    }

    /** The value of a text of decimal digits (at most {@value #MAX_ID_DIGITS}), or 0 when it is not one. */
    private static long parseDigits(final String text)
    {
        long value = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
