package org.payswitch.tools;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Properties;

import org.payswitch.core.config.SwitchConfig;
import picocli.CommandLine.Option;

/**
 * The two settings of the switch a report needs and its journal does not hold: the zone, whose
 * days the switch counts in, and the hold expiry, after which the engine expires an uncaptured hold
 * (neither is written in a record). Found the way the switch finds its own (docs/operations.md,
 * "Configuration"), highest first: the option, the system property {@code -Dpayswitch.<key>}, the
 * switch's {@code --config} file given as {@code --config}, the switch's default
 * ({@link SwitchConfig#defaults()}: Asia/Shanghai, P7D). The zone's option belongs to the reports
 * that show days or years (settlement, statement): {@code report campaigns} has no day to cut. A
 * report over a journal written with other settings than these is a report of other days and other
 * expiries.
 */
final class SwitchSettings
{
    @Option(names = "--config", paramLabel = "FILE",
        description = "the switch's settings file (its --config): zone and hold-expiry are read from it when not given")
    Path config;

    @Option(names = "--hold-expiry", paramLabel = "DURATION", description = "the switch's hold-expiry, ISO-8601 " +
        "(default: as the switch: -Dpayswitch.hold-expiry, then --config's, then P7D)")
    String holdExpiry;

    /** The settings these options, the system properties, the file and the defaults give. */
    record Resolved(ZoneId zone, Duration holdExpiry, String holdExpiryText)
    {
    }

    /**
     * The zone and hold expiry to report with, the zone given as {@code zone} (the settlement
     * report's {@code --zone}; null when not given).
     *
     * @throws BadOptionException naming the option (or the file's key) and the value that cannot be used
     */
    Resolved resolve(final String zone)
    {
        final Properties file = config == null ? new Properties() : readFile();
        final String zoneText = value("zone", zone, file);
        final String expiryText = value("hold-expiry", holdExpiry, file);
        final ZoneId zoneId;
        try
        {
            zoneId = ZoneId.of(zoneText);
        }
        catch (final RuntimeException e)
        {
            throw new BadOptionException(source("zone", zone), zoneText, "a time zone id, e.g. Asia/Shanghai");
        }
        final Duration expiry;
        try
        {
            expiry = Duration.parse(expiryText);
        }
        catch (final DateTimeParseException e)
        {
            throw new BadOptionException(source("hold-expiry", holdExpiry), expiryText,
                "a positive ISO-8601 duration, e.g. P7D");
        }
        if (expiry.isNegative() || expiry.isZero())
        {
            throw new BadOptionException(source("hold-expiry", holdExpiry), expiryText,
                "a positive ISO-8601 duration, e.g. P7D");
        }
        return new Resolved(zoneId, expiry, expiryText);
    }

    private String value(final String key, final String option, final Properties file)
    {
        if (option != null)
        {
            return option.trim();
        }
        final String property = System.getProperty("payswitch." + key);
        if (property != null)
        {
            return property.trim();
        }
        final String inFile = file.getProperty(key);
        return inFile != null ? inFile.trim() : SwitchConfig.defaults().get(key);
    }

    private String source(final String key, final String option)
    {
        if (option != null)
        {
            return "--" + key;
        }
        if (System.getProperty("payswitch." + key) != null)
        {
            return "-Dpayswitch." + key;
        }
        return config != null ? "--config " + config + ": " + key : "--" + key;
    }

    private Properties readFile()
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | RuntimeException e)
        {
            throw new BadOptionException("--config", config.toString(), "a readable settings file (" +
                e.getClass().getSimpleName() + ")");
        }
        return properties;
    }
}
