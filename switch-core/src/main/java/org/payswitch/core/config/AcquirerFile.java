package org.payswitch.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.engine.MerchantBook;

/**
 * Reads the acquirer table ({@code acquirers-file}): for each acquirer institution id (DE 32), the
 * merchants (DE 42) and terminals (DE 41) it may send for (comma-separated, {@code *} for any; at
 * least one of the two) and, optionally, the subject its TLS client certificate must carry:
 * <pre>
 * acquirer.12345.merchants = M00000000000001, M00000000000002
 * acquirer.12345.terminals = *
 * acquirer.12345.client-subject = CN=acquirer-1,O=Demo Acquirer
 * acquirer.12345.mac-key-file = secrets/acquirer-12345.mac
 * </pre>
 * The MAC key file (kept apart: the table itself holds no secret) has the key in hex on its first
 * line, 16..64 bytes.
 */
final class AcquirerFile
{
    private static final String SETTING = "acquirers-file";
    private static final Set<String> ATTRIBUTES =
        new LinkedHashSet<>(List.of("merchants", "terminals", "client-subject", "mac-key-file"));

    private AcquirerFile()
    {
    }

    static List<Acquirer> read(final Path file)
    {
        final List<Acquirer> acquirers = new ArrayList<>();
        for (final Map.Entry<String, Map<String, String>> entry :
            GroupedProperties.read(SETTING, file, "acquirer", ATTRIBUTES).entrySet())
        {
            final String id = entry.getKey();
            final String where = SETTING + ": " + file + ": acquirer." + id;
            if (!id.matches("[0-9]{1," + Acquirer.MAX_ID_DIGITS + "}"))
            {
                throw new ConfigException(where + ": the id is the acquirer's DE 32, 1.." + Acquirer.MAX_ID_DIGITS +
                    " digits");
            }
            final Map<String, String> attributes = entry.getValue();
            if (!attributes.containsKey("merchants") && !attributes.containsKey("terminals"))
            {
                throw new ConfigException(where + ": name its merchants or its terminals (or both; * for any)");
            }
            final String subject = canonicalSubject(where + ".client-subject", attributes.get("client-subject"));
            acquirers.add(new Acquirer(id,
                ids(where + ".merchants", attributes.get("merchants"), MerchantBook.MAX_ID_LENGTH),
                ids(where + ".terminals", attributes.get("terminals"), Acquirer.MAX_TERMINAL_LENGTH),
                subject, macKey(where + ".mac-key-file", attributes.get("mac-key-file"))));
        }
        return acquirers;
    }

    private static byte[] macKey(final String where, final String file)
    {
        if (file == null)
        {
            return null;
        }
        final String hex;
        try
        {
            hex = Files.readString(Path.of(file), StandardCharsets.US_ASCII).lines().findFirst().orElse("").trim();
        }
        catch (final IOException | RuntimeException e)
        {
            throw new ConfigException(where + ": cannot read " + Path.of(file).toAbsolutePath() + ": " + e.getMessage());
        }
        if (!hex.matches("([0-9a-fA-F]{2}){16,64}"))
        {
            throw new ConfigException(where + ": the first line of " + Path.of(file).toAbsolutePath() +
                " must be the key in hex, 16..64 bytes");
        }
        return HexFormat.of().parseHex(hex);
    }

    private static String canonicalSubject(final String where, final String subject)
    {
        if (subject == null)
        {
            return null;
        }
        if (subject.isEmpty())
        {
            throw new ConfigException(where + ": empty: remove it, or give the certificate's subject");
        }
        try
        {
            return new X500Principal(subject).getName(X500Principal.CANONICAL);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ConfigException(where + ": not a certificate subject (RFC 2253, e.g. CN=acquirer-1,O=Bank): '" +
                subject + "'");
        }
    }

    private static AsciiIdSet ids(final String where, final String value, final int maxLength)
    {
        if (value == null || "*".equals(value))
        {
            return null;
        }
        final List<String> items = GroupedProperties.list(value);
        if (items.isEmpty())
        {
            throw new ConfigException(where + ": empty: list the ids, or * for any");
        }
        try
        {
            return AsciiIdSet.of(items, maxLength);
        }
        catch (final IllegalArgumentException e)
        {
            throw new ConfigException(where + ": " + e.getMessage());
        }
    }
}
