package org.payswitch.tools;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.payswitch.tools.operator.OperatorAnswer;
import org.payswitch.tools.operator.OperatorClient;

/**
 * Reads a running switch's campaign figures for {@code reconcile}, each endpoint between two reads
 * of {@code payswitch_journal_position} in {@code /metrics}: {@code /metrics}, {@code GET
 * /v1/campaigns}, {@code /metrics}, {@code GET /v1/reports/discounts}, {@code /metrics}, one after
 * the other. Queries travel the switch's ring with its payments, so each answer is the state after
 * some journal record between the positions read before and after it ({@link SwitchAnswer}): the
 * journal is then compared at those records, not at its end, which the switch has passed by the
 * time the journal is read (it journals a clock tick every second even when idle).
 */
final class SwitchReader
{
    /** The endpoint of every campaign's definition and live figures. */
    static final String CAMPAIGNS = "/v1/campaigns";
    /** The endpoint of what each funder owes, per campaign. */
    static final String DISCOUNTS = "/v1/reports/discounts";
    /** The transaction report's endpoint. */
    static final String TRANSACTIONS = "/v1/reports/transactions";
    /** The gauge of docs/api.md's {@code /metrics}: the Chronicle index of the last journal record. */
    static final String POSITION = "payswitch_journal_position";
    /** How long to wait for a first journal record of a switch just started (its clock ticks every second). */
    private static final long POSITION_WAIT_MILLIS = 5_000;
    private static final long POSITION_POLL_MILLIS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The switch could not be asked: unreachable, the token refused, or an answer not as documented. */
    static final class Unavailable extends Exception
    {
        private static final long serialVersionUID = 1L;

        Unavailable(final String message)
        {
            super(message);
        }
    }

    private final OperatorClient client;
    private final String url;

    SwitchReader(final OperatorClient client, final String url)
    {
        this.client = client;
        this.url = url;
    }

    /** The three endpoints' figures with their journal positions. */
    List<SwitchAnswer> read() throws Unavailable
    {
        final long before = position();
        final SwitchAnswer campaigns = endpoint(CAMPAIGNS, before, SwitchFigureParser::campaigns);
        final SwitchAnswer discounts = endpoint(DISCOUNTS, campaigns.to(), SwitchFigureParser::discounts);
        final SwitchAnswer transactions = endpoint(TRANSACTIONS, discounts.to(), SwitchFigureParser::transactions);
        return List.of(campaigns, discounts, transactions);
    }

    private SwitchAnswer endpoint(final String path, final long before, final Function<JsonNode, NamedFigures> parser)
        throws Unavailable
    {
        final String body = get(path);
        final NamedFigures figures;
        try
        {
            figures = parser.apply(JSON.readTree(body));
        }
        catch (final JsonProcessingException | IllegalArgumentException e)
        {
            throw new Unavailable("GET " + path + " of " + url + " is not the JSON docs/api.md describes: " +
                e.getMessage().lines().findFirst().orElse(""));
        }
        return new SwitchAnswer(path, figures, before, position());
    }

    /** The journal position {@code /metrics} reports, waiting for a first record of a switch just started. */
    private long position() throws Unavailable
    {
        final long deadline = System.currentTimeMillis() + POSITION_WAIT_MILLIS;
        while (true)
        {
            final long position = gauge(get("/metrics"));
            if (position >= 0)
            {
                return position;
            }
            if (System.currentTimeMillis() > deadline)
            {
                throw new Unavailable(url + "/metrics reports no journal position (" + POSITION + " " + position +
                    "): the switch has journaled nothing since it started");
            }
            try
            {
                Thread.sleep(POSITION_POLL_MILLIS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while waiting for the switch's journal position");
            }
        }
    }

    private long gauge(final String metrics) throws Unavailable
    {
        for (final String line : metrics.split("\n"))
        {
            if (line.startsWith(POSITION + " "))
            {
                try
                {
                    return Long.parseLong(line.substring(POSITION.length() + 1).trim());
                }
                catch (final NumberFormatException e)
                {
                    break;
                }
            }
        }
        throw new Unavailable(url + "/metrics has no " + POSITION + " gauge: not a switch of this version");
    }

    private String get(final String path) throws Unavailable
    {
        final OperatorAnswer answer;
        try
        {
            answer = client.get(path);
        }
        catch (final IOException e)
        {
            throw new Unavailable("cannot reach the switch at " + url + ": " + e.getClass().getSimpleName() +
                (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (answer.unauthorized())
        {
            throw new Unavailable("the switch at " + url + " refused the operator token (HTTP " + answer.status() + ")");
        }
        if (!answer.applied())
        {
            throw new Unavailable("GET " + path + " of " + url + " answered " + answer.reason());
        }
        return answer.body();
    }
}
