package org.payswitch.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The load generator's checkout API key as the {@code Authorization: Bearer <key>} header value,
 * read once from a file (its first line: the key never goes on the command line). Each HTTP
 * connection puts it in the request head it encodes once and writes before every body, so the
 * send path does nothing more per request. {@link #toString()} never shows the key.
 *
 * @param value   the header value, {@code Bearer <key>}; null when the file was refused
 * @param problem why the file was refused, or null
 */
record ApiKeyHeader(String value, String problem)
{
    /** Longest key the switch accepts. */
    static final int MAX_KEY_LENGTH = 128;

    /** The header of the key in {@code file}, or one carrying the problem with the file. */
    static ApiKeyHeader read(final Path file)
    {
        final String key;
        try
        {
            key = Files.readString(file, StandardCharsets.US_ASCII).lines().findFirst().orElse("").trim();
        }
        catch (final IOException | RuntimeException e)
        {
            return new ApiKeyHeader(null, "cannot read " + file + ": " + e.getMessage());
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F))
        {
            return new ApiKeyHeader(null, file + ": the first line must be the key, 1.." + MAX_KEY_LENGTH +
                " printable ASCII characters");
        }
        return new ApiKeyHeader("Bearer " + key, null);
    }

    @Override
    public String toString()
    {
        return problem == null ? "ApiKeyHeader[Bearer (hidden)]" : "ApiKeyHeader[" + problem + "]";
    }
}
