package org.payswitch.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A properties file of entries {@code <prefix>.<id>.<attribute> = value} (the API key and acquirer
 * files), read into one map of attributes per id. Refuses, naming the setting and the property, a
 * property of another shape or an attribute it does not know.
 */
final class GroupedProperties
{
    private GroupedProperties()
    {
    }

    /**
     * The entries of {@code file} by id (sorted), each a map of attribute to trimmed value.
     *
     * @param setting    the setting that names the file, first in every refusal
     * @param prefix     the first part of every property name ({@code key}, {@code acquirer})
     * @param attributes the attributes an entry may have
     */
    static Map<String, Map<String, String>> read(final String setting, final Path file, final String prefix,
        final Set<String> attributes)
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException | IllegalArgumentException e)
        {
            throw new ConfigException(setting + ": cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        final Map<String, Map<String, String>> entries = new TreeMap<>();
        for (final String name : properties.stringPropertyNames())
        {
            final int first = name.indexOf('.');
            final int last = name.lastIndexOf('.');
            if (first < 0 || first == last || !prefix.equals(name.substring(0, first)))
            {
                throw new ConfigException(setting + ": " + file + ": '" + name + "' is not " + prefix +
                    ".<id>.<attribute>");
            }
            final String attribute = name.substring(last + 1);
            if (!attributes.contains(attribute))
            {
                throw new ConfigException(setting + ": " + file + ": '" + name + "': unknown attribute '" + attribute +
                    "'; known: " + String.join(", ", attributes));
            }
            entries.computeIfAbsent(name.substring(first + 1, last), id -> new TreeMap<>())
                .put(attribute, properties.getProperty(name).trim());
        }
        if (entries.isEmpty())
        {
            throw new ConfigException(setting + ": " + file.toAbsolutePath() + " holds no entry (" + prefix +
                ".<id>." + String.join("|", attributes) + ")");
        }
        return entries;
    }

    /** A comma-separated list as its trimmed, non-empty items. */
    static List<String> list(final String value)
    {
        final List<String> items = new ArrayList<>();
        for (final String item : value.split(","))
        {
            if (!item.isBlank())
            {
                items.add(item.trim());
            }
        }
        return items;
    }
}
