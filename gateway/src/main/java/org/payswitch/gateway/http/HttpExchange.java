package org.payswitch.gateway.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.gateway.auth.CheckoutGuard;

/**
 * What the endpoints of one connection act through: the command the request at hand fills, the
 * answers given at once, the callers' checks (API key, admin token), the publication of the
 * command into the ring, and the authorization parser's reusable state. One per connection, used
 * on its I/O thread only; nothing here is allocated per request.
 */
final class HttpExchange
{
    /** Publishes the command into the ring; the answer comes back through the reply thread. */
    @FunctionalInterface
    interface Publisher
    {
        void publish(AnswerKind kind);
    }

    final SwitchCommand command = new SwitchCommand();
    final ImmediateAnswers answers;
    final HttpContext context;
    final AuthorizationParser authorizations = new AuthorizationParser();
    final FormatProblem problem = new FormatProblem();
    private final CheckoutGuard checkout;
    private final Publisher publisher;

    HttpExchange(final HttpContext context, final ImmediateAnswers answers, final Publisher publisher)
    {
        this.context = context;
        this.answers = answers;
        this.publisher = publisher;
        this.checkout = new CheckoutGuard(context.apiKeys);
    }

    /** Publishes the command; the answer takes the JSON shape of {@code kind}. */
    void publish(final AnswerKind kind)
    {
        publisher.publish(kind);
    }

    /**
     * A checkout call's API key (docs/api.md section 8): true when admitted, its key's merchants
     * put on the command; else false, 401 answered.
     */
    boolean admitCheckout(final FullHttpRequest http)
    {
        if (checkout.admit(http.headers().get(HttpHeaderNames.AUTHORIZATION), command) == CheckoutGuard.ADMITTED)
        {
            return true;
        }
        answers.unauthenticated();
        return false;
    }

    /** An operator call's admin token: true when it matches, else false, 401 answered. */
    boolean admitOperator(final FullHttpRequest http)
    {
        if (context.operator.matches(http.headers().get(HttpHeaderNames.AUTHORIZATION)))
        {
            return true;
        }
        answers.needsAdminToken();
        return false;
    }
}
