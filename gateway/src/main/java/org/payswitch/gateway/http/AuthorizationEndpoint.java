package org.payswitch.gateway.http;

import io.netty.handler.codec.http.FullHttpRequest;
import org.payswitch.gateway.auth.CheckoutGuard;

/**
 * {@code POST /v1/authorizations} (docs/api.md section 3), the hot path: the body parsed straight
 * into the connection's command, the key's merchants checked, the command published. A malformed
 * body is 400/30 and a merchant outside the API key's scope 403, both answered at once. Nothing
 * here allocates or throws.
 */
final class AuthorizationEndpoint
{
    private AuthorizationEndpoint()
    {
    }

    /** Serves the authorization of {@code http} (its API key already admitted). */
    static void authorize(final HttpExchange exchange, final FullHttpRequest http, final String id)
    {
        if (!exchange.authorizations.parse(http.content(), exchange.command, exchange.problem))
        {
            exchange.answers.formatError(exchange.problem);
        }
        else if (!CheckoutGuard.covers(exchange.command))
        {
            exchange.answers.forbiddenMerchant();
        }
        else
        {
            exchange.publish(AnswerKind.AUTHORIZATION);
        }
    }
}
