package org.payswitch.core.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Reads the textual TLS settings: flags, the client-auth choice, files that must exist, and
 * passwords from a file or an environment variable. Every refusal starts with the key it is about;
 * no refusal shows a password.
 */
final class TlsSettings
{
    private final Map<String, String> values;
    private final UnaryOperator<String> environment;

    TlsSettings(final Map<String, String> values, final UnaryOperator<String> environment)
    {
        this.values = values;
        this.environment = environment;
    }

    boolean isSet(final String key)
    {
        final String value = values.get(key);
        return value != null && !value.isBlank();
    }

    boolean bool(final String key)
    {
        final String value = values.getOrDefault(key, "").trim();
        if (!"true".equals(value) && !"false".equals(value))
        {
            throw new ConfigException(key + ": true or false, was '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    TlsConfig.ClientAuth clientAuth(final String key)
    {
        final String value = values.getOrDefault(key, "").trim();
        try
        {
            return TlsConfig.ClientAuth.valueOf(value);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ConfigException(key + ": one of NONE, OPTIONAL, REQUIRE, was '" + value + "'");
        }
    }

    /** The readable file the key names; {@code whenMissing} says why it is needed when it is not set. */
    Path file(final String key, final String whenMissing)
    {
        if (!isSet(key))
        {
            throw new ConfigException(key + ": " + whenMissing);
        }
        final Path file = Path.of(values.get(key).trim());
        if (!Files.isRegularFile(file))
        {
            throw new ConfigException(key + ": no such file: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file))
        {
            throw new ConfigException(key + ": cannot read " + file.toAbsolutePath());
        }
        return file;
    }

    /**
     * The password in the file {@code fileKey} names (its first line), or else in the environment
     * variable {@code variable}. The caller clears the array once it is used.
     */
    char[] password(final String fileKey, final String variable)
    {
        if (isSet(fileKey))
        {
            final Path file = file(fileKey, "required");
            final byte[] bytes;
            try
            {
                bytes = Files.readAllBytes(file);
            }
            catch (final IOException e)
            {
                throw new ConfigException(fileKey + ": cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
            }
            final char[] password = firstLine(bytes);
            Arrays.fill(bytes, (byte)0);
            if (password.length == 0)
            {
                throw new ConfigException(fileKey + ": the file " + file.toAbsolutePath() + " holds no password");
            }
            return password;
        }
        final String value = environment.apply(variable);
        if (value == null || value.isEmpty())
        {
            throw new ConfigException(fileKey + ": not set, and the environment variable " + variable +
                " is not set either: give the password in one of them");
        }
        return value.toCharArray();
    }

    private static char[] firstLine(final byte[] bytes)
    {
        final CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r')
        {
            end++;
        }
        final char[] line = new char[end];
        chars.get(line, 0, end);
        Arrays.fill(chars.array(), '\0');
        return line;
    }
}
