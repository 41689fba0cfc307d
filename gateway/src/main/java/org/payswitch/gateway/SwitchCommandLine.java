package org.payswitch.gateway;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.payswitch.core.config.ConfigException;
import org.payswitch.core.config.SwitchConfig;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.PropertiesDefaultProvider;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The launcher's command line, parsed by picocli: {@code --<key> VALUE} for every setting of
 * {@link SwitchConfig#defaults()} (so a new setting is an option at once), {@code --config FILE} and
 * {@code --help}. The settings come in layers, lowest first (docs/operations.md, "Configuration"):
 * the defaults, the {@code --config} file (Java properties, keys as the options without dashes),
 * system properties {@code -Dpayswitch.<key>}, the command line. Picocli gives every option the
 * command line leaves out the value of its default value provider; that provider is picocli's
 * {@link PropertiesDefaultProvider} over the three lower layers merged into one {@link Properties},
 * each layer's keys replacing the one's below. The options are text: {@link SwitchConfig#from} types
 * and checks every value, so a bad value is refused with the same message, starting with its key,
 * whichever layer it came from. Secrets from the environment ({@code PAYSWITCH_ADMIN_TOKEN}, the TLS
 * store passwords) are read there too, below their {@code -file} settings.
 */
final class SwitchCommandLine
{
    /** The command's name, which starts every message the launcher prints about its options. */
    static final String NAME = "payment-switch";

    /** Prefix of the system properties that set settings: {@code -Dpayswitch.http-port=8080}. */
    static final String PROPERTY_PREFIX = "payswitch.";

    private static final String CONFIG = "--config";

    private SwitchCommandLine()
    {
    }

    /**
     * What a command line asks for: the switch's configuration, or, with {@code --help}, the usage
     * text to print instead of starting (then {@code config} is null).
     */
    record Parsed(SwitchConfig config, String usage)
    {
        boolean helpRequested()
        {
            return usage != null;
        }
    }

    /** The command line over the {@code --config} file, this JVM's system properties and the defaults. */
    static Parsed parse(final String... args)
    {
        return parse(System.getProperties(), args);
    }

    /**
     * The command line over the {@code --config} file, {@code systemProperties} and the defaults. Parsed
     * twice: first over the built-in defaults alone, to find {@code --config} and {@code --help} (the
     * usage shows those defaults, never a value of the file or a system property, which may be a
     * secret), then over all the layers.
     *
     * @throws ConfigException for an unknown option, a missing or bad value, or an unreadable file
     */
    static Parsed parse(final Properties systemProperties, final String... args)
    {
        final CommandLine defaultsOnly = commandLine(builtInDefaults());
        final ParseResult first = parseArgs(defaultsOnly, args);
        if (defaultsOnly.isUsageHelpRequested())
        {
            return new Parsed(null, defaultsOnly.getUsageMessage());
        }
        final String file = first.matchedOptionValue(CONFIG, null);
        final CommandLine layered = commandLine(layers(file == null ? Map.of() : readFile(file),
            systemValues(systemProperties)));
        final ParseResult result = parseArgs(layered, args);
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String key : SwitchConfig.defaults().keySet())
        {
            final OptionSpec option = layered.getCommandSpec().findOption("--" + key);
            final String value = option.getValue();
            values.put(key, result.hasMatchedOption(option) ? value.trim() : value);
        }
        return new Parsed(SwitchConfig.from(values), null);
    }

    /**
     * The command, its options' values when the command line leaves them out taken from {@code lowerLayers}.
     * Values are taken as given: no {@code ${...}} interpolation (a token or a path may hold one), no
     * {@code @file} expansion of arguments, and the last of a repeated option wins.
     */
    private static CommandLine commandLine(final Properties lowerLayers)
    {
        final CommandSpec spec = CommandSpec.create().name(NAME);
        spec.usageMessage()
            .customSynopsis("java -jar payment-switch.jar [--<key> VALUE ...] [--config FILE] [--help]")
            .description("Starts the payment switch (ISO 8583 and HTTP/JSON); SIGTERM stops it gracefully.")
            .footer("", "Settings, lowest first: the defaults shown, --config FILE, system properties "
                + "-Dpayswitch.<key>=VALUE, the options given. docs/operations.md describes each.")
            .sortOptions(false)
            .showDefaultValues(true);
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("print this help and exit")
            .build());
        spec.addOption(OptionSpec.builder(CONFIG).paramLabel("FILE").type(String.class)
            .description("Java properties file of settings, keys as the options without dashes (http-port=8080)")
            .build());
        for (final String key : SwitchConfig.defaults().keySet())
        {
            final SettingHelp help = SettingHelp.of(key);
            spec.addOption(OptionSpec.builder("--" + key).paramLabel(help.label()).type(String.class)
                .description(help.text()).build());
        }
        final CommandLine commandLine = new CommandLine(spec);
        commandLine.setInterpolateVariables(false);
        commandLine.setExpandAtFiles(false);
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.setDefaultValueProvider(new PropertiesDefaultProvider(lowerLayers));
        return commandLine;
    }

    /**
     * Parses with the launcher's one-line messages: an unknown option names its key and the known
     * ones, a missing value names its option, as the settings' own refusals do.
     */
    private static ParseResult parseArgs(final CommandLine commandLine, final String... args)
    {
        try
        {
            return commandLine.parseArgs(args);
        }
        catch (final UnmatchedArgumentException e)
        {
            final String unmatched = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            if (unmatched.startsWith("--"))
            {
                final int equals = unmatched.indexOf('=');
                throw unknown(unmatched.substring(2, equals > 0 ? equals : unmatched.length()), "the command line");
            }
            throw new ConfigException("unexpected argument '" + unmatched + "': options are --key value");
        }
        catch (final MissingParameterException e)
        {
            final List<ArgSpec> missing = e.getMissing();
            if (!missing.isEmpty() && missing.get(0) instanceof OptionSpec option)
            {
                throw new ConfigException(option.longestName() + ": a value is required");
            }
            throw new ConfigException(e.getMessage());
        }
        catch (final ParameterException e)
        {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The defaults alone, for the usage: a setting unset by default has none to show. */
    private static Properties builtInDefaults()
    {
        final Properties defaults = new Properties();
        SwitchConfig.defaults().forEach((key, value) ->
        {
            if (!value.isEmpty())
            {
                defaults.setProperty(key, value);
            }
        });
        return defaults;
    }

    /** The layers below the command line as one: the defaults, the file's over them, system properties' over both. */
    private static Properties layers(final Map<String, String> file, final Map<String, String> system)
    {
        final Properties layers = new Properties();
        layers.putAll(SwitchConfig.defaults());
        layers.putAll(file);
        layers.putAll(system);
        return layers;
    }

    /** The settings among the system properties {@code payswitch.<key>}, as given. */
    private static Map<String, String> systemValues(final Properties systemProperties)
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String key : SwitchConfig.defaults().keySet())
        {
            final String value = systemProperties.getProperty(PROPERTY_PREFIX + key);
            if (value != null)
            {
                values.put(key, value);
            }
        }
        return values;
    }

    /** The settings of a {@code --config} file, trimmed; a key that is no setting is refused. */
    private static Map<String, String> readFile(final String file)
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | RuntimeException e)
        {
            throw new ConfigException("config: cannot read " + file + ": " + e.getMessage());
        }
        final Map<String, String> known = SwitchConfig.defaults();
        final Map<String, String> values = new LinkedHashMap<>();
        for (final String key : properties.stringPropertyNames())
        {
            if (!known.containsKey(key))
            {
                throw unknown(key, CONFIG + " " + file);
            }
            values.put(key, properties.getProperty(key).trim());
        }
        return values;
    }

    private static ConfigException unknown(final String key, final String source)
    {
        return new ConfigException(key + ": unknown setting (in " + source + "); known: " +
            String.join(", ", SwitchConfig.defaults().keySet()));
    }
}
