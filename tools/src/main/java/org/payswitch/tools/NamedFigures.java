package org.payswitch.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one operator endpoint by name ({@code <campaign> redemptions},
 * {@code funder <name> discountOwed}, ...), in the order they were added: what the switch answered,
 * or the same names worked out of the journal, so the two compare name by name and every
 * difference is found, including a figure only one side has.
 */
final class NamedFigures
{
    private final Map<String, Long> figures = new LinkedHashMap<>();

    /** Adds (or replaces) the figure {@code name}. */
    void put(final String name, final long value)
    {
        figures.put(name, value);
    }

    /** A new set of these figures followed by {@code more}'s. */
    NamedFigures plus(final NamedFigures more)
    {
        final NamedFigures both = new NamedFigures();
        both.figures.putAll(figures);
        both.figures.putAll(more.figures);
        return both;
    }

    /** Number of figures. */
    int size()
    {
        return figures.size();
    }

    /** True when both hold the same names with the same values. */
    boolean sameAs(final NamedFigures other)
    {
        return figures.equals(other.figures);
    }

    /**
     * Every figure that is not the same in this (the journal's) and {@code switchSide}, each named
     * with {@code prefix} (the endpoint): the switch's names in its order, then names only the
     * journal has.
     */
    List<Difference> differences(final String prefix, final NamedFigures switchSide)
    {
        final List<Difference> differences = new ArrayList<>();
        switchSide.figures.forEach((name, value) ->
        {
            final Long mine = figures.get(name);
            if (!value.equals(mine))
            {
                differences.add(new Difference(prefix + " " + name, mine == null ? "none" : mine.toString(),
                    value.toString()));
            }
        });
        figures.forEach((name, value) ->
        {
            if (!switchSide.figures.containsKey(name))
            {
                differences.add(new Difference(prefix + " " + name, value.toString(), "none"));
            }
        });
        return differences;
    }
}
