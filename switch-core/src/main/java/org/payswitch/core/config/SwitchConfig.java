package org.payswitch.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.payswitch.core.pipeline.PipelineConfig;

/**
 * Every setting of the switch, typed, with the defaults of docs/api.md section 6: a plain immutable
 * value built from text, one value per key of {@link #defaults()}, each validated here, so a bad
 * value is refused with a message that starts with its key wherever it came from. Where the text
 * comes from (the defaults, a {@code --config FILE}, system properties {@code -Dpayswitch.<key>},
 * the command line) is the launcher's business, in the gateway. TLS settings are one nested
 * {@link TlsConfig}, its passwords read from a file or the environment; connection caps and
 * deadlines one nested {@link GatewayLimits}. Who may call the switch (admin token, API keys,
 * acquirers) is one nested {@link AuthConfig}; the operator endpoints use {@code auth().adminToken()},
 * which {@code admin-token} is only the last fallback of. The key file of the card data at rest is
 * {@link CardDataConfig}; the cluster mode, when set, the last, {@link ClusterConfig}.
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
    CardDataConfig cardData,
    ClusterConfig cluster)
{
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
        defaults.putAll(ClusterConfig.defaults());
        return defaults;
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
            CardDataConfig.from(values),
            ClusterConfig.from(values));
    }

    /** The pipeline's ring, waiting, layout and queue delay. */
    public PipelineConfig pipeline()
    {
        return new PipelineConfig(ringSize, waitStrategy, pipelineLayout, maxQueueDelay.toNanos());
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
