package org.payswitch.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The metric names a PromQL expression selects, or a Grafana variable query such as
 * {@code label_values(metric, label)}: what a dashboard needs the switch to export.
 *
 * <p>A small scanner, not a parser of the whole grammar: it skips what cannot name a metric (strings,
 * numbers, durations, {@code [...]} ranges, Grafana {@code $variables}, label names inside
 * {@code {...}} and {@code by (...)}-like lists) and takes an identifier for a metric unless it calls a
 * function or aggregation, or is a keyword. A name given as {@code {__name__="x"}} or, as Prometheus 3
 * writes it, {@code {"x"}} counts too. Input it cannot scan (an unterminated string, selector or list)
 * is refused rather than read as no names, so a check built on it cannot pass by finding nothing.
 */
final class PromQlNames
{
    /** Keywords that take a parenthesised list of label names. */
    private static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
        "group_right");
    /** Keywords that stand alone: binary operators, modifiers, special numbers. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "atan2", "bool", "offset", "inf",
        "nan");
    /** Aggregation operators, which may put their by/without clause before their arguments. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
        "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    /** Grafana's variable query for label values: its last argument is a label name, not an expression. */
    private static final String LABEL_VALUES = "label_values";
    /** Grafana's variable query for metric names: its argument is a regular expression over them, not a name. */
    private static final String METRICS = "metrics";

    private final String text;
    private final List<String> names = new ArrayList<>();
    private int at;

    private PromQlNames(final String text)
    {
        this.text = text;
    }

    /** The distinct metric names {@code expression} selects. */
    static Set<String> of(final String expression)
    {
        return Set.copyOf(occurrences(expression));
    }

    /** Every metric name {@code expression} selects, once per selector, in order: two selectors of x give x twice. */
    static List<String> occurrences(final String expression)
    {
        final PromQlNames scanner = new PromQlNames(expression);
        scanner.expression(expression.length());
        return List.copyOf(scanner.names);
    }

    /** Scans the expression from {@link #at} up to {@code end}, collecting names. */
    private void expression(final int end)
    {
        while (at < end)
        {
            final char c = text.charAt(at);
            if (Character.isWhitespace(c))
            {
                at++;
            }
            else if (c == '#')
            {
                skipComment();
            }
            else if (isQuote(c))
            {
                string();
            }
            else if (c == '{')
            {
                selector();
            }
            else if (c == '[')
            {
                at = closing(at, '[', ']') + 1;
            }
            else if (c == '$')
            {
                skipVariable();
            }
            else if (isDigit(c) || (c == '.' && at + 1 < end && isDigit(text.charAt(at + 1))))
            {
                skipNumber();
            }
            else if (isNameStart(c))
            {
                identifier();
            }
            else
            {
                at++;
            }
        }
    }

    /** An identifier: a keyword, a function or aggregation, or a metric name. */
    private void identifier()
    {
        final int start = at;
        while (at < text.length() && isNamePart(text.charAt(at)))
        {
            at++;
        }
        final String word = text.substring(start, at);
        final String keyword = word.toLowerCase(Locale.ROOT);
        final int next = skipSpaces(at);
        final boolean call = next < text.length() && text.charAt(next) == '(';
        if (LABEL_LIST_KEYWORDS.contains(keyword))
        {
            if (call)
            {
                at = closing(next, '(', ')') + 1;
            }
        }
        else if (KEYWORDS.contains(keyword))
        {
            return;
        }
        else if (call && LABEL_VALUES.equals(word))
        {
            labelValues(next);
        }
        else if (call && METRICS.equals(word))
        {
            at = closing(next, '(', ')') + 1;
        }
        else if (!call && !(AGGREGATIONS.contains(keyword) && startsClause(next)))
        {
            names.add(word);
        }
    }

    /** {@code label_values(label)} names no metric; {@code label_values(expression, label)} those of its expression. */
    private void labelValues(final int open)
    {
        final int close = closing(open, '(', ')');
        final int comma = lastTopLevelComma(open + 1, close);
        if (comma >= 0)
        {
            at = open + 1;
            expression(comma);
        }
        at = close + 1;
    }

    /** Whether a by or without clause starts at {@code from}: an aggregation written {@code sum by (x) (...)}. */
    private boolean startsClause(final int from)
    {
        for (final String clause : new String[] {"by", "without"})
        {
            final int end = from + clause.length();
            if (text.regionMatches(true, from, clause, 0, clause.length()) &&
                (end == text.length() || !isNamePart(text.charAt(end))))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * A {@code {...}} selector: label matchers, whose names and values are no metric names, except a
     * {@code __name__="x"} matcher or, in Prometheus 3, a quoted name standing alone.
     */
    private void selector()
    {
        final int close = closing(at, '{', '}');
        at++;
        while (at < close)
        {
            final char c = text.charAt(at);
            if (Character.isWhitespace(c) || c == ',')
            {
                at++;
            }
            else if (isQuote(c) || isNameStart(c))
            {
                matcher(close);
            }
            else
            {
                throw refused("a label matcher", at);
            }
        }
        at = close + 1;
    }

    /** One matcher of a selector ending at {@code close}: label, operator, value; or a quoted metric name. */
    private void matcher(final int close)
    {
        final String label = isQuote(text.charAt(at)) ? string() : labelName();
        at = skipSpaces(at);
        final int operatorStart = at;
        while (at < close && "=!~".indexOf(text.charAt(at)) >= 0)
        {
            at++;
        }
        final String operator = text.substring(operatorStart, at);
        if (operator.isEmpty())
        {
            names.add(label);
            return;
        }
        at = skipSpaces(at);
        if (at < close && isQuote(text.charAt(at)))
        {
            final String value = string();
            if ("__name__".equals(label) && "=".equals(operator))
            {
                names.add(value);
            }
        }
        else
        {
            throw refused("a quoted label value", at);
        }
    }

    private String labelName()
    {
        final int start = at;
        while (at < text.length() && isNamePart(text.charAt(at)) && text.charAt(at) != ':')
        {
            at++;
        }
        return text.substring(start, at);
    }

    /** A quoted string from {@link #at}, escapes resolved to the escaped character; {@link #at} past its end. */
    private String string()
    {
        final char quote = text.charAt(at);
        final int end = afterString(at);
        final StringBuilder value = new StringBuilder();
        for (int i = at + 1; i < end - 1; i++)
        {
            if (text.charAt(i) == '\\' && quote != '`')
            {
                i++;
            }
            value.append(text.charAt(i));
        }
        at = end;
        return value.toString();
    }

    /** Where the string quoted at {@code open} ends, its closing quote included; refused when it never does. */
    private int afterString(final int open)
    {
        final char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != quote)
        {
            i += text.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        if (i >= text.length())
        {
            throw refused("the end of a string", open);
        }
        return i + 1;
    }

    /** Where the bracket opened at {@code open} closes, skipping strings; refused when it never does. */
    private int closing(final int open, final char opening, final char close)
    {
        int depth = 0;
        int i = open;
        while (i < text.length())
        {
            final char c = text.charAt(i);
            if (isQuote(c))
            {
                i = afterString(i);
                continue;
            }
            if (c == opening)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                return i;
            }
            i++;
        }
        throw refused("a closing " + close, open);
    }

    /** The last comma between {@code from} and {@code to} outside any brackets or strings, or -1. */
    private int lastTopLevelComma(final int from, final int to)
    {
        int comma = -1;
        int i = from;
        while (i < to)
        {
            final char c = text.charAt(i);
            if (c == '(' || c == '{' || c == '[')
            {
                i = closing(i, c, c == '(' ? ')' : c == '{' ? '}' : ']') + 1;
                continue;
            }
            if (isQuote(c))
            {
                i = afterString(i);
                continue;
            }
            if (c == ',')
            {
                comma = i;
            }
            i++;
        }
        return comma;
    }

    /** A Grafana variable: {@code $name}, {@code $__rate_interval} or {@code ${name:format}}. */
    private void skipVariable()
    {
        at++;
        if (at < text.length() && text.charAt(at) == '{')
        {
            at = closing(at, '{', '}') + 1;
            return;
        }
        while (at < text.length() && isNamePart(text.charAt(at)) && text.charAt(at) != ':')
        {
            at++;
        }
    }

    /** A number or a duration: {@code 0.99}, {@code 1e-5}, {@code 0x1F}, {@code 5m}, {@code 1h30m}. */
    private void skipNumber()
    {
        while (at < text.length())
        {
            final char c = text.charAt(at);
            final boolean exponentSign = (c == '+' || c == '-') && (text.charAt(at - 1) == 'e' ||
                text.charAt(at - 1) == 'E') && at + 1 < text.length() && isDigit(text.charAt(at + 1));
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign))
            {
                return;
            }
            at++;
        }
    }

    private void skipComment()
    {
        while (at < text.length() && text.charAt(at) != '\n')
        {
            at++;
        }
    }

    private int skipSpaces(final int from)
    {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i)))
        {
            i++;
        }
        return i;
    }

    private IllegalArgumentException refused(final String expected, final int where)
    {
        return new IllegalArgumentException("expected " + expected + " at " + where + " of: " + text);
    }

    private static boolean isQuote(final char c)
    {
        return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(final char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }

    private static boolean isNamePart(final char c)
    {
        return isNameStart(c) || isDigit(c);
    }
}
