package org.payswitch.tools.operator;

import java.io.IOException;
import java.net.URI;

/**
 * The tools' client of a running switch's operator API (docs/api.md section 3): JSON requests with
 * the operator bearer token, each sending thread on its own keep-alive {@link HttpConnection}.
 * A cold path (imports and checks, not load): clarity over speed, but no per-request stall.
 */
public final class OperatorClient
{
    private final URI base;
    private final String authorization;

    /** A client of the switch at {@code base} ({@code http://host:port}), authorized by {@code token}. */
    public OperatorClient(final URI base, final OperatorToken token)
    {
        this.base = base;
        this.authorization = "Bearer " + token.value();
    }

    /** A new connection for one sending thread. */
    HttpConnection connect()
    {
        return new HttpConnection(base, authorization);
    }

    /** {@code POST path} with {@code body} on a connection of its own. */
    OperatorAnswer post(final String path, final String body) throws IOException
    {
        try (HttpConnection connection = connect())
        {
            return connection.exchange("POST", path, body);
        }
    }

    /** {@code GET path} on a connection of its own. */
    public OperatorAnswer get(final String path) throws IOException
    {
        try (HttpConnection connection = connect())
        {
            return connection.exchange("GET", path, null);
        }
    }
}
