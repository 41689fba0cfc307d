package org.payswitch.tools.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The switch's operator bearer token for the tools that call its operator API, read from a file
 * (its first line) or else from the environment variable the switch itself reads,
 * {@value #ENVIRONMENT}: never from the command line, where it would stay in the shell's history
 * and in the process list. {@link #toString()} never shows it.
 *
 * @param value   the token; null when none could be read
 * @param problem why there is no token, or null
 */
public record OperatorToken(String value, String problem)
{
    /** The environment variable read when no file is given (the switch's own, docs/operations.md). */
    public static final String ENVIRONMENT = "PAYSWITCH_ADMIN_TOKEN";

    /** The token in {@code file} when it is not null, else in {@code environmentValue}. */
    public static OperatorToken read(final Path file, final String environmentValue)
    {
        if (file == null)
        {
            return environmentValue == null || environmentValue.isBlank() ?
                new OperatorToken(null, "no operator token: give --token-file FILE or set " + ENVIRONMENT) :
                checked(environmentValue.trim(), ENVIRONMENT);
        }
        try
        {
            return checked(Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim(),
                file.toString());
        }
        catch (final IOException | RuntimeException e)
        {
            return new OperatorToken(null, "cannot read the token file " + file + ": " + e.getMessage());
        }
    }

    private static OperatorToken checked(final String token, final String source)
    {
        return token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7F) ?
            new OperatorToken(null, source + ": the token must be one line of printable ASCII") :
            new OperatorToken(token, null);
    }

    @Override
    public String toString()
    {
        return problem == null ? "OperatorToken[(hidden)]" : "OperatorToken[" + problem + "]";
    }
}
