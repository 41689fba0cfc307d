package org.payswitch.gateway.http;

import java.util.ArrayList;
import java.util.List;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The HTTP API's route table (docs/api.md sections 3 and 7): method and path to endpoint, and who
 * may call it. A path is exact, or has one {@code {id}} segment (one or more characters, no
 * {@code /}); exact paths are matched before those with an id. A trailing slash or an empty
 * segment makes another path. Routing looks at the path only: the query string is the endpoint's.
 * A path the table knows, asked with a method it has no route for, is answered 405 with an
 * {@code Allow} header of the methods it has; any other path 404.
 *
 * <p>Finding a route allocates nothing for a path without {@code %}, {@code ?} or {@code #}
 * (an authorization's {@code /v1/authorizations}); only a path with an id cuts out a String.
 */
final class HttpRoutes
{
    /** Serves a request routed to it; {@code id} is the path's id segment, or null. */
    @FunctionalInterface
    interface Endpoint
    {
        void serve(HttpExchange exchange, FullHttpRequest http, String id);
    }

    /** Who may call an endpoint (docs/api.md section 8). */
    enum Caller
    {
        /** Anyone: health, metrics, and the operations page's files (which hold no figure). */
        ANYONE,
        /** A checkout system: its API key, once keys are configured. */
        CHECKOUT,
        /** An operator: the admin token. */
        OPERATOR
    }

    /** The switch's endpoints. */
    static final HttpRoutes API = new HttpRoutes()
        .route(HttpMethod.POST, "/v1/authorizations", Caller.CHECKOUT, AuthorizationEndpoint::authorize)
        .route(HttpMethod.POST, "/v1/authorizations/{id}/capture", Caller.CHECKOUT, LifecycleEndpoints::capture)
        .route(HttpMethod.POST, "/v1/authorizations/{id}/reversal", Caller.CHECKOUT, LifecycleEndpoints::reversal)
        .route(HttpMethod.POST, "/v1/authorizations/{id}/refunds", Caller.CHECKOUT, LifecycleEndpoints::refund)
        .route(HttpMethod.GET, "/v1/transactions", Caller.CHECKOUT, LifecycleEndpoints::transactionByKey)
        .route(HttpMethod.GET, "/v1/transactions/{id}", Caller.CHECKOUT, LifecycleEndpoints::transactionById)
        .route(HttpMethod.POST, "/v1/cards", Caller.OPERATOR, OperatorEndpoints::upsertCard)
        .route(HttpMethod.POST, "/v1/cards/status", Caller.OPERATOR, OperatorEndpoints::setCardStatus)
        .route(HttpMethod.POST, "/v1/cards/lookup", Caller.OPERATOR, OperatorEndpoints::lookupCard)
        .route(HttpMethod.POST, "/v1/merchants", Caller.OPERATOR, OperatorEndpoints::upsertMerchant)
        .route(HttpMethod.GET, "/v1/campaigns", Caller.OPERATOR, OperatorEndpoints::listCampaigns)
        .route(HttpMethod.POST, "/v1/campaigns", Caller.OPERATOR, OperatorEndpoints::createCampaign)
        .route(HttpMethod.GET, "/v1/campaigns/{id}", Caller.OPERATOR, OperatorEndpoints::campaign)
        .route(HttpMethod.POST, "/v1/campaigns/{id}/pause", Caller.OPERATOR, OperatorEndpoints::pauseCampaign)
        .route(HttpMethod.POST, "/v1/campaigns/{id}/resume", Caller.OPERATOR, OperatorEndpoints::resumeCampaign)
        .route(HttpMethod.GET, "/v1/reports/discounts", Caller.OPERATOR, OperatorEndpoints::discountReport)
        .route(HttpMethod.GET, "/v1/reports/transactions", Caller.OPERATOR, OperatorEndpoints::transactionReport)
        .route(HttpMethod.GET, "/health", Caller.ANYONE, OperationsEndpoints::health)
        .route(HttpMethod.GET, "/metrics", Caller.ANYONE, OperationsEndpoints::metrics)
        .route(HttpMethod.GET, "/v1/ops/figures", Caller.OPERATOR, OpsEndpoints::figures)
        .route(HttpMethod.GET, "/ops", Caller.ANYONE, OpsEndpoints::page)
        .route(HttpMethod.GET, "/ops/{id}", Caller.ANYONE, OpsEndpoints::file);

    private static final String ID = "{id}";
    private static final Route NOT_FOUND =
        new Route(null, (exchange, http, id) -> exchange.answers.noSuchEndpoint(), null);

    private final List<Path> exact = new ArrayList<>();
    private final List<Path> withId = new ArrayList<>();

    /** Adds {@code endpoint} for {@code method} on {@code template}, behind the check of {@code caller}. */
    HttpRoutes route(final HttpMethod method, final String template, final Caller caller, final Endpoint endpoint)
    {
        final List<Path> paths = template.contains(ID) ? withId : exact;
        Path path = null;
        for (final Path known : paths)
        {
            if (known.template.equals(template))
            {
                path = known;
            }
        }
        if (path == null)
        {
            path = new Path(template);
            paths.add(path);
        }
        path.add(method, guarded(caller, endpoint));
        return this;
    }

    /** The route of {@code method} on {@code path}: an endpoint's, else a 405 of a known path, else a 404. */
    Route find(final HttpMethod method, final String path)
    {
        for (int i = 0; i < exact.size(); i++)
        {
            final Path candidate = exact.get(i);
            if (candidate.template.equals(path))
            {
                return candidate.route(method);
            }
        }
        for (int i = 0; i < withId.size(); i++)
        {
            final Path candidate = withId.get(i);
            if (candidate.matches(path))
            {
                return candidate.route(method);
            }
        }
        return NOT_FOUND;
    }

    /** The path of a request's URI, percent-decoded; the URI itself when it has nothing to decode or cut. */
    static String pathOf(final String uri)
    {
        for (int i = 0; i < uri.length(); i++)
        {
            final char c = uri.charAt(i);
            if (c == '%' || c == '?' || c == '#')
            {
                return new QueryStringDecoder(uri).path();
            }
        }
        return uri;
    }

    private static Endpoint guarded(final Caller caller, final Endpoint endpoint)
    {
        switch (caller)
        {
            case CHECKOUT:
                return (exchange, http, id) ->
                {
                    if (exchange.admitCheckout(http))
                    {
                        endpoint.serve(exchange, http, id);
                    }
                };
            case OPERATOR:
                return (exchange, http, id) ->
                {
                    if (exchange.admitOperator(http))
                    {
                        endpoint.serve(exchange, http, id);
                    }
                };
            default:
                return endpoint;
        }
    }

    /** An endpoint (or a 405, or a 404) with the path it serves. */
    static final class Route
    {
        private final HttpMethod method;
        private final Endpoint endpoint;
        private final Path path;

        private Route(final HttpMethod method, final Endpoint endpoint, final Path path)
        {
            this.method = method;
            this.endpoint = endpoint;
            this.path = path;
        }

        /** Serves the request for {@code path}, the path it was found by. */
        void serve(final HttpExchange exchange, final FullHttpRequest http, final String requestPath)
        {
            endpoint.serve(exchange, http, path == null ? null : path.id(requestPath));
        }
    }

    /** One path of the table, with the methods it takes. */
    private static final class Path
    {
        private final String template;
        private final String prefix;
        private final String suffix;
        private final boolean hasId;
        private final List<Route> routes = new ArrayList<>();
        private Route notAllowed;

        Path(final String template)
        {
            this.template = template;
            final int id = template.indexOf(ID);
            this.prefix = id < 0 ? template : template.substring(0, id);
            this.suffix = id < 0 ? "" : template.substring(id + ID.length());
            this.hasId = id >= 0;
        }

        void add(final HttpMethod method, final Endpoint endpoint)
        {
            routes.add(new Route(method, endpoint, this));
            final StringBuilder allow = new StringBuilder();
            for (final Route route : routes)
            {
                allow.append(allow.length() == 0 ? "" : ", ").append(route.method.name());
            }
            final String methods = allow.toString();
            notAllowed = new Route(null, (exchange, http, id) -> exchange.answers.methodNotAllowed(methods), null);
        }

        Route route(final HttpMethod method)
        {
            for (int i = 0; i < routes.size(); i++)
            {
                final Route route = routes.get(i);
                if (route.method.equals(method))
                {
                    return route;
                }
            }
            return notAllowed;
        }

        /** True when {@code path} is the prefix, an id of one or more characters without '/', and the suffix. */
        boolean matches(final String path)
        {
            final int idEnd = path.length() - suffix.length();
            if (idEnd <= prefix.length() || !path.startsWith(prefix) || !path.endsWith(suffix))
            {
                return false;
            }
            final int slash = path.indexOf('/', prefix.length());
            return slash < 0 || slash >= idEnd;
        }

        /** The id segment of a path this one matches; null for an exact path. */
        String id(final String path)
        {
            return !hasId ? null : path.substring(prefix.length(), path.length() - suffix.length());
        }
    }
}
