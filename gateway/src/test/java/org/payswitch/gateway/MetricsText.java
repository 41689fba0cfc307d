package org.payswitch.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Prometheus text exposition (format 0.0.4) as tests read it: each family's declared type and every
 * sample line, so a test can hold /metrics to the names a dashboard queries and to the conventions.
 */
final class MetricsText
{
    /** One sample line: its name, its labels as written between the braces (empty when none) and its value. */
    record Sample(String name, String labels, String value)
    {
    }

    private final Map<String, String> types;
    private final List<Sample> samples;

    private MetricsText(final Map<String, String> types, final List<Sample> samples)
    {
        this.types = Map.copyOf(types);
        this.samples = List.copyOf(samples);
    }

    /** Reads {@code text}; a line that is neither a comment nor a well-formed sample is refused. */
    static MetricsText parse(final String text)
    {
        final Map<String, String> types = new LinkedHashMap<>();
        final List<Sample> samples = new ArrayList<>();
        for (final String line : text.split("\n"))
        {
            if (line.startsWith("# TYPE "))
            {
                final String[] words = line.split(" ");
                types.put(words[2], words[3]);
            }
            else if (!line.isBlank() && !line.startsWith("#"))
            {
                samples.add(sample(line));
            }
        }
        return new MetricsText(types, samples);
    }

    /** {@code name{labels} value}, label values possibly holding spaces, braces and escaped quotes. */
    private static Sample sample(final String line)
    {
        int nameEnd = 0;
        while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ')
        {
            nameEnd++;
        }
        int labelsEnd = nameEnd;
        String labels = "";
        if (nameEnd < line.length() && line.charAt(nameEnd) == '{')
        {
            labelsEnd = labelsEnd(line, nameEnd);
            labels = line.substring(nameEnd + 1, labelsEnd);
            labelsEnd++;
        }
        final String[] rest = line.substring(labelsEnd).trim().split(" ");
        if (nameEnd == 0 || rest.length == 0 || rest[0].isEmpty())
        {
            throw new IllegalArgumentException("not a sample line: " + line);
        }
        return new Sample(line.substring(0, nameEnd), labels, rest[0]);
    }

    private static int labelsEnd(final String line, final int open)
    {
        boolean quoted = false;
        for (int i = open + 1; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '}')
            {
                return i;
            }
        }
        throw new IllegalArgumentException("labels never closed: " + line);
    }

    /** Each family's type as its {@code # TYPE} line declares it, by the name on that line. */
    Map<String, String> types()
    {
        return types;
    }

    List<Sample> samples()
    {
        return samples;
    }

    /** The names of the sample lines: what a query can select ({@code x_bucket}, {@code x_sum}, not {@code x}). */
    Set<String> sampleNames()
    {
        final Set<String> names = new LinkedHashSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The samples of {@code name}. */
    List<Sample> samples(final String name)
    {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }
}
