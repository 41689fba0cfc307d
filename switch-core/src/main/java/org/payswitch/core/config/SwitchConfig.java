package org.payswitch.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.payswitch.core.pipeline.PipelineConfig;

/**
 * Every setting of the switch, typed, with the defaults of docs/api.md section 6. Values come
 * from, lowest first: the defaults, a {@code --config FILE} (Java properties, keys as the
 * options without dashes, e.g. {@code http-port=8080}), system properties
 * {@code -Dpayswitch.http-port=8080}, and the command line {@code --http-port 8080}.
 * Validated at start; a bad value is refused with a message that names its key. TLS settings are
 * one nested {@link TlsConfig}, its passwords read from a file or the environment; connection caps
 * and deadlines one nested {@link GatewayLimits}. Who may call the switch (admin token, API keys,
 * acquirers) is one nested {@link AuthConfig}; the operator endpoints use {@code auth().adminToken()},
 * which {@code admin-token} is only the last fallback of. The key file of the card data at rest is
 * the last, {@link CardDataConfig}.
 */
public record SwitchConfig(
    Path dataDir,
    int httpPort,
    int isoPort,
    String bind,
    int demoCards,
    String adminToken,
    ZoneId zone,
    Duration holdExpiry,
    boolean journalSync,
    int ringSize,
    PipelineConfig.Waiting waitStrategy,
    PipelineConfig.Layout pipelineLayout,
    Duration maxQueueDelay,
    int ioThreads,
    Duration snapshotInterval,
    int journalRetentionDays,
    TlsConfig tls,
    GatewayLimits limits,
    AuthConfig auth,
    CardDataConfig cardData)
{
    /** Prefix of the system properties that override settings. */
    public static final String PROPERTY_PREFIX = "payswitch.";

    /** The defaults as text, in the order they are documented; also the set of known keys. */
    public static Map<String, String> defaults()
    {
        final Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data-dir", "./data");
        defaults.put("http-port", "8080");
        defaults.put("iso-port", "8583");
        defaults.put("bind", "127.0.0.1");
        defaults.put("demo-cards", "1000000");
        defaults.put("admin-token", "demo-admin-token");
        defaults.put("zone", "Asia/Shanghai");
        defaults.put("hold-expiry", "P7D");
        defaults.put("journal-sync", "false");
        defaults.put("ring-size", "65536");
        defaults.put("wait-strategy", "PARKING");
        defaults.put("pipeline-layout", "FUSED");
        defaults.put("max-queue-delay", "PT0.1S");
        defaults.put("io-threads", "1");
        defaults.put("snapshot-interval", "PT15M");
        defaults.put("journal-retention-days", "0");
        defaults.putAll(TlsConfig.defaults());
        defaults.putAll(GatewayLimits.defaults());
        defaults.putAll(AuthConfig.defaults());
        defaults.putAll(CardDataConfig.defaults());
        return defaults;
    }

    /** The configuration from the command line (and the file and system properties it leads to). */
    public static SwitchConfig fromArgs(final String... args)
    {
        final Map<String, String> commandLine = new LinkedHashMap<>();
        String configFile = null;
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            if (!arg.startsWith("--"))
            {
                throw new ConfigException("unexpected argument '" + arg + "': options are --key value");
            }
            final String key;
            final String value;
            final int equals = arg.indexOf('=');
            if (equals > 0)
            {
                key = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            }
            else
            {
                if (i + 1 >= args.length)
                {
                    throw new ConfigException(arg + ": a value is required");
                }
                key = arg.substring(2);
                value = args[++i];
            }
            if ("config".equals(key))
            {
                configFile = value;
            }
            else
            {
                commandLine.put(key, value);
            }
        }
        final Map<String, String> values = defaults();
        if (configFile != null)
        {
            mergeKnown(values, readFile(Path.of(configFile)), "--config " + configFile);
        }
        for (final String key : defaults().keySet())
        {
            final String property = System.getProperty(PROPERTY_PREFIX + key);
            if (property != null)
            {
                values.put(key, property);
            }
        }
        mergeKnown(values, commandLine, "the command line");
        return from(values);
    }

    /** The configuration from complete textual values (keys of {@link #defaults()}). */
    public static SwitchConfig from(final Map<String, String> values)
    {
        final Parser p = new Parser(values);
        return new SwitchConfig(
            p.path("data-dir"),
            p.port("http-port"),
            p.port("iso-port"),
            p.text("bind"),
            p.integer("demo-cards", 0, 100_000_000),
            p.text("admin-token"),
            p.zone("zone"),
            p.duration("hold-expiry"),
            p.bool("journal-sync"),
            p.powerOfTwo("ring-size"),
            p.choice("wait-strategy", PipelineConfig.Waiting.class),
            p.choice("pipeline-layout", PipelineConfig.Layout.class),
            p.duration("max-queue-delay"),
            p.integer("io-threads", 1, 64),
            p.duration("snapshot-interval"),
            p.integer("journal-retention-days", 0, 36_500),
            TlsConfig.from(values, System::getenv),
            GatewayLimits.from(values),
            AuthConfig.from(values, System::getenv),
            CardDataConfig.from(values));
    }

    /** The pipeline's ring, waiting, layout and queue delay. */
    public PipelineConfig pipeline()
    {
        return new PipelineConfig(ringSize, waitStrategy, pipelineLayout, maxQueueDelay.toNanos());
    }

    /**
     * The default configuration with another data folder and ports, a ring of 1 024 and a queue delay
     * of 30 s (tests on a loaded machine run cold code and must not shed); for tests and tools.
     */
    public static SwitchConfig forTest(final Path dataDir, final int demoCards)
    {
        final Map<String, String> values = defaults();
        values.put("data-dir", dataDir.toString());
        values.put("http-port", "0");
        values.put("iso-port", "0");
        values.put("demo-cards", Integer.toString(demoCards));
        values.put("ring-size", "1024");
        values.put("max-queue-delay", "PT30S");
        return from(values);
    }

    private static void mergeKnown(final Map<String, String> into, final Map<String, String> from, final String source)
    {
        for (final Map.Entry<String, String> entry : from.entrySet())
        {
            if (!into.containsKey(entry.getKey()))
            {
                throw new ConfigException(entry.getKey() + ": unknown setting (in " + source + "); known: " +
                    String.join(", ", defaults().keySet()));
            }
            into.put(entry.getKey(), entry.getValue().trim());
        }
    }

    private static Map<String, String> readFile(final Path file)
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException e)
        {
            throw new ConfigException("config: cannot read " + file + ": " + e.getMessage());
        }
        final Map<String, String> values = new LinkedHashMap<>();
        properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
        return values;
    }

    /** Reads typed values, naming the key in every refusal. */
    private record Parser(Map<String, String> values)
    {
        String text(final String key)
        {
            final String value = values.get(key);
            if (value == null || value.isBlank())
            {
                throw new ConfigException(key + ": a value is required");
            }
            return value;
        }

        Path path(final String key)
        {
            return Path.of(text(key));
        }

        int integer(final String key, final int min, final int max)
        {
            try
            {
                final int value = Integer.parseInt(text(key));
                if (value < min || value > max)
                {
                    throw new ConfigException(key + ": " + min + ".." + max + ", was " + value);
                }
                return value;
            }
            catch (final NumberFormatException e)
            {
                throw new ConfigException(key + ": not a number: '" + values.get(key) + "'");
            }
        }

        int port(final String key)
        {
            return integer(key, 0, 65_535);
        }

        int powerOfTwo(final String key)
        {
            final int value = integer(key, 16, 1 << 24);
            if (Integer.bitCount(value) != 1)
            {
                throw new ConfigException(key + ": a power of two, was " + value);
            }
            return value;
        }

        boolean bool(final String key)
        {
            final String value = text(key);
            if (!"true".equals(value) && !"false".equals(value))
            {
                throw new ConfigException(key + ": true or false, was '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        ZoneId zone(final String key)
        {
            try
            {
                return ZoneId.of(text(key));
            }
            catch (final RuntimeException e)
            {
                throw new ConfigException(key + ": not a time zone: '" + values.get(key) + "'");
            }
        }

        Duration duration(final String key)
        {
            try
            {
                final Duration value = Duration.parse(text(key));
                if (value.isNegative() || value.isZero())
                {
                    throw new ConfigException(key + ": a positive ISO-8601 duration, was " + value);
                }
                return value;
            }
            catch (final DateTimeParseException e)
            {
                throw new ConfigException(key + ": not an ISO-8601 duration (e.g. P7D, PT15M): '" +
                    values.get(key) + "'");
            }
        }

        <E extends Enum<E>> E choice(final String key, final Class<E> type)
        {
            try
            {
                return Enum.valueOf(type, text(key));
            }
            catch (final IllegalArgumentException e)
            {
                throw new ConfigException(key + ": one of " + Stream.of(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", was '" + values.get(key) + "'");
            }
        }
    }
}
