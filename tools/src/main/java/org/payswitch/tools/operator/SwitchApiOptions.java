package org.payswitch.tools.operator;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/**
 * Where the running switch's operator API is and the token it wants: the options every tool that
 * calls it shares. The token comes from a file or the environment, never from the command line.
 */
public final class SwitchApiOptions
{
    @Option(names = "--url", paramLabel = "URL",
        description = "the switch's HTTP API, scheme, host and port (default: ${DEFAULT-VALUE})")
    String url = "http://127.0.0.1:8080";

    @Option(names = "--token-file", paramLabel = "FILE",
        description = "file whose first line is the operator token (default: the environment variable " +
            OperatorToken.ENVIRONMENT + ")")
    Path tokenFile;

    /** The switch's URL as given. */
    public String url()
    {
        return url;
    }

    /** The client, or null after writing to {@code problems} why there is none. */
    public OperatorClient client(final java.io.PrintWriter problems, final String command)
    {
        final OperatorToken token = OperatorToken.read(tokenFile, System.getenv(OperatorToken.ENVIRONMENT));
        if (token.problem() != null)
        {
            problems.println(command + ": " + token.problem());
            return null;
        }
        try
        {
            final URI base = new URI(url);
            if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null)
            {
                problems.println(command + ": --url must be http://host:port or https://host:port, not " + url);
                return null;
            }
            return new OperatorClient(base, token);
        }
        catch (final URISyntaxException e)
        {
            problems.println(command + ": --url is not a URL: " + url);
            return null;
        }
    }
}
