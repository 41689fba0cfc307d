package org.payswitch.core.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Who may call the switch: the operator token, the checkout systems' API keys and the acquirers
 * the ISO 8583 port accepts (docs/security.md). Without {@code api-keys-file} the checkout
 * endpoints are open, and without {@code acquirers-file} any acquirer is served, as in contract
 * version 1; that is allowed only when the switch listens on loopback. Off loopback the switch
 * refuses to start with the demo admin token, a short one, or without either file. The admin
 * token is read from {@code admin-token-file}, else {@code PAYSWITCH_ADMIN_TOKEN}, else the
 * {@code admin-token} option, so it never needs to be on the command line.
 *
 * @param adminToken the operator endpoints' bearer token
 * @param apiKeys    the checkout API keys; empty when none are configured (checkout endpoints open)
 * @param acquirers  the acquirers of the ISO 8583 port; empty when none are configured (any acquirer)
 */
public record AuthConfig(String adminToken, List<ApiKey> apiKeys, List<Acquirer> acquirers)
{
    /** Environment variable read for the admin token when {@code admin-token-file} is not set. */
    public static final String ADMIN_TOKEN_ENV = "PAYSWITCH_ADMIN_TOKEN";
    /** The demo token of docs/api.md section 5: accepted on loopback only. */
    public static final String DEMO_ADMIN_TOKEN = "demo-admin-token";
    /** The shortest admin token accepted off loopback. */
    public static final int MIN_ADMIN_TOKEN_LENGTH = 24;

    public AuthConfig
    {
        apiKeys = List.copyOf(apiKeys);
        acquirers = List.copyOf(acquirers);
    }

    /** The authentication keys and their defaults as text, in the order they are documented. */
    public static Map<String, String> defaults()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("admin-token-file", "");
        defaults.put("api-keys-file", "");
        defaults.put("acquirers-file", "");
        return defaults;
    }

    /**
     * The authentication settings from the switch's textual values ({@code bind} and
     * {@code admin-token} among them), reading and checking the files they name.
     *
     * @param environment looks up environment variables; {@code System::getenv} in the switch
     */
    public static AuthConfig from(final Map<String, String> values, final UnaryOperator<String> environment)
    {
        final TlsSettings settings = new TlsSettings(values, environment);
        final String adminToken = adminToken(values, settings, environment);
        final List<ApiKey> apiKeys = settings.isSet("api-keys-file") ?
            ApiKeyFile.read(settings.file("api-keys-file", "required")) : List.of();
        final List<Acquirer> acquirers = settings.isSet("acquirers-file") ?
            AcquirerFile.read(settings.file("acquirers-file", "required")) : List.of();
        final String bind = values.getOrDefault("bind", "").trim();
        if (!isLoopback(bind))
        {
            refuseOffLoopback(bind, adminToken, apiKeys, acquirers);
        }
        return new AuthConfig(adminToken, apiKeys, acquirers);
    }

    /** True when checkout calls must carry an API key. */
    public boolean checkoutKeysRequired()
    {
        return !apiKeys.isEmpty();
    }

    /** True when the ISO 8583 port serves only the configured acquirers. */
    public boolean acquirersRequired()
    {
        return !acquirers.isEmpty();
    }

    /** Names what is configured, never the admin token nor a key's hash. */
    @Override
    public String toString()
    {
        return "AuthConfig[adminToken=(hidden), apiKeys=" + apiKeys.size() + ", acquirers=" + acquirers.size() + "]";
    }

    private static String adminToken(final Map<String, String> values, final TlsSettings settings,
        final UnaryOperator<String> environment)
    {
        if (settings.isSet("admin-token-file"))
        {
            final char[] token = settings.password("admin-token-file", ADMIN_TOKEN_ENV);
            final String text = new String(token).trim();
            Arrays.fill(token, '\0');
            if (text.isEmpty())
            {
                throw new ConfigException("admin-token-file: the file holds no token");
            }
            return text;
        }
        final String fromEnvironment = environment.apply(ADMIN_TOKEN_ENV);
        if (fromEnvironment != null && !fromEnvironment.isBlank())
        {
            return fromEnvironment.trim();
        }
        final String option = values.getOrDefault("admin-token", "").trim();
        if (option.isEmpty())
        {
            throw new ConfigException("admin-token: a value is required (or admin-token-file, or " +
                ADMIN_TOKEN_ENV + ")");
        }
        return option;
    }

    private static void refuseOffLoopback(final String bind, final String adminToken, final List<ApiKey> apiKeys,
        final List<Acquirer> acquirers)
    {
        final String where = " when bind is " + bind + " (not loopback)";
        if (DEMO_ADMIN_TOKEN.equals(adminToken))
        {
            throw new ConfigException("admin-token: the demo token is refused" + where +
                ": put a random token of at least " + MIN_ADMIN_TOKEN_LENGTH + " characters in admin-token-file or " +
                ADMIN_TOKEN_ENV);
        }
        if (adminToken.getBytes(StandardCharsets.UTF_8).length < MIN_ADMIN_TOKEN_LENGTH)
        {
            throw new ConfigException("admin-token: at least " + MIN_ADMIN_TOKEN_LENGTH + " characters" + where);
        }
        if (apiKeys.isEmpty())
        {
            throw new ConfigException("api-keys-file: required" + where +
                ": checkout systems must authenticate (docs/security.md)");
        }
        if (acquirers.isEmpty())
        {
            throw new ConfigException("acquirers-file: required" + where +
                ": the ISO 8583 port must know its acquirers (docs/security.md)");
        }
    }

    /** True when {@code bind} names only this machine (127.0.0.0/8, ::1, localhost). */
    static boolean isLoopback(final String bind)
    {
        try
        {
            for (final InetAddress address : InetAddress.getAllByName(bind))
            {
                if (!address.isLoopbackAddress())
                {
                    return false;
                }
            }
            return true;
        }
        catch (final UnknownHostException e)
        {
            throw new ConfigException("bind: not an address of this machine: '" + bind + "'");
        }
    }
}
