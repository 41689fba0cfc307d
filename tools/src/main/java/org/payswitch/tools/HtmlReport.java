package org.payswitch.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The run's report as one self-contained HTML page: its parameters and totals, charts of
 * throughput, response codes, discounted answers and latency over time, the latency percentile
 * distribution on HdrHistogram's log percentile axis, and a percentile table. The charts are inline
 * SVG drawn here ({@link SvgChart}): no script, no stylesheet or font from elsewhere, so it opens
 * the same offline, attached to a ticket, years later.
 *
 * @param parameters  the run's options, in the order shown
 * @param result      the totals
 * @param timeline    the per-second record
 * @param schedule    the open loop's schedule, null for a closed loop
 * @param markers     vertical markers on the time charts: second to label ("measured", "00:00")
 * @param campaign    the hot campaign's figures after the run, empty without one
 */
record HtmlReport(Map<String, String> parameters, LoadResult result, Timeline timeline, RateSchedule schedule,
    Map<Integer, String> markers, Map<String, String> campaign)
{
    private static final String[] COLORS = {"#1b7f3a", "#d62728", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf", "#1f77b4"};
    private static final double[] TABLE = {50, 90, 99, 99.9, 99.99, 100};
    private static final long NANOS = 1_000_000_000L;
    private static final int WIDE = 1100;
    private static final int HALF = 545;
    private static final int TALL = 300;

    /** The page's HTML text. */
    String toHtml()
    {
        final StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\n<title>")
            .append(SvgChart.escape(title())).append("</title>\n<style>\n")
            .append("body{font-family:sans-serif;margin:16px;color:#222;max-width:1120px}\n")
            .append("h1{font-size:20px}h2{font-size:16px;margin-top:24px}\n")
            .append("table{border-collapse:collapse;margin:4px 16px 8px 0;font-size:13px;display:inline-table;vertical-align:top}\n")
            .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}td.n{text-align:right}\n")
            .append(".bad{color:#c00;font-weight:bold}.ok{color:#1b7f3a;font-weight:bold}\n")
            .append("svg{margin:4px 0;border:1px solid #eee}\n")
            .append("</style></head><body>\n<h1>").append(SvgChart.escape(title())).append("</h1>\n");
        html.append(table("Run", parameters, false));
        html.append(table("Totals", totals(), true));
        if (!campaign.isEmpty())
        {
            html.append(table("Hot campaign after the run", campaign, true));
        }
        html.append("<h2>Over time</h2>\n");
        html.append(throughput().render(WIDE, TALL));
        html.append(codes().render(WIDE, TALL));
        html.append(discountedPerSecond().render(HALF, TALL)).append(discountedShare().render(HALF, TALL));
        html.append(latencyOverTime().render(WIDE, TALL));
        html.append("<h2>Latency of the measured period</h2>\n");
        html.append(distribution().render(WIDE, 360));
        html.append(percentileTable());
        html.append("<p>Latency from each request's due time in the schedule to its answer (corrected for ")
            .append("coordinated omission, as wrk2); service time from the request's write to its answer. ")
            .append("In a closed loop the two are the same. Per-second figures count a request in the second it ")
            .append("was written and an answer in the second it was read.</p>\n");
        html.append("</body></html>\n");
        return html.toString();
    }

    /** Writes the page to {@code file}. */
    void write(final Path file) throws IOException
    {
        Files.writeString(file, toHtml(), StandardCharsets.UTF_8);
    }

    private String title()
    {
        return "Load generator report, run " + parameters.getOrDefault("run id", "?");
    }

    private Map<String, String> totals()
    {
        final Map<String, String> totals = new LinkedHashMap<>();
        totals.put("outcome", result.complete() ? "complete" : "INCOMPLETE");
        totals.put("sent", Long.toString(result.sent()));
        totals.put("not sent (in-flight bound)", Long.toString(result.notSent()));
        totals.put("answered", Long.toString(result.answered()));
        totals.put("unanswered", Long.toString(result.unanswered()));
        totals.put("unmatched / unreadable", result.unmatched() + " / " + result.unreadable());
        totals.put("measured", String.format(Locale.ROOT, "%.1f s, %d answers, %.0f answers/s",
            result.measuredNanos() / 1e9, result.measured(), result.answersPerSecond()));
        totals.put("discounted (measured)", String.format(Locale.ROOT, "%d (%.1f %%)", result.discounted(),
            result.measured() == 0 ? 0.0 : 100.0 * result.discounted() / result.measured()));
        final StringBuilder codes = new StringBuilder();
        for (int code = 0; code < 100; code++)
        {
            if (result.answers(code) > 0)
            {
                codes.append(String.format("%02d=%d ", code, result.answers(code)));
            }
        }
        totals.put("by response code (measured)", codes.toString().trim());
        return totals;
    }

    private static String table(final String caption, final Map<String, String> rows, final boolean marks)
    {
        final StringBuilder html = new StringBuilder("<table><tr><th colspan=\"2\">")
            .append(SvgChart.escape(caption)).append("</th></tr>\n");
        for (final Map.Entry<String, String> row : rows.entrySet())
        {
            final String value = SvgChart.escape(row.getValue());
            final String shown = !marks ? value : "INCOMPLETE".equals(row.getValue()) ?
                "<span class=\"bad\">" + value + "</span>" : "complete".equals(row.getValue()) ?
                "<span class=\"ok\">" + value + "</span>" : value;
            html.append("<tr><td>").append(SvgChart.escape(row.getKey())).append("</td><td>").append(shown)
                .append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private double[] seconds()
    {
        final double[] x = new double[timeline.closedSeconds()];
        for (int s = 0; s < x.length; s++)
        {
            x[s] = s + 1;
        }
        return x;
    }

    private SvgChart timeChart(final String title, final String yLabel)
    {
        final SvgChart chart = new SvgChart(title, "seconds since the start (each point: the second ending there)",
            yLabel);
        markers.forEach((second, label) -> chart.marker(second, label));
        return chart;
    }

    private SvgChart throughput()
    {
        final int n = timeline.closedSeconds();
        final double[] sent = new double[n];
        final double[] answered = new double[n];
        final double[] notSent = new double[n];
        boolean anyNotSent = false;
        for (int s = 0; s < n; s++)
        {
            sent[s] = timeline.sent(s);
            answered[s] = timeline.answered(s);
            notSent[s] = timeline.notSent(s);
            anyNotSent |= notSent[s] > 0;
        }
        final SvgChart chart = timeChart("Throughput", "per second");
        if (schedule != null)
        {
            final double[] due = new double[n];
            for (int s = 0; s < n; s++)
            {
                due[s] = schedule.countBefore((s + 1) * NANOS) - schedule.countBefore(s * NANOS);
            }
            chart.line("sent", "#1f77b4", seconds(), sent).line("answered", "#1b7f3a", seconds(), answered);
            chart.dashed("due (schedule)", "#555", seconds(), due);
        }
        else
        {
            chart.line("sent", "#1f77b4", seconds(), sent).line("answered", "#1b7f3a", seconds(), answered);
        }
        if (anyNotSent)
        {
            chart.line("not sent", "#d62728", seconds(), notSent);
        }
        return chart;
    }

    private SvgChart codes()
    {
        final SvgChart chart = timeChart("Answers by response code", "answers per second");
        final int[] seen = timeline.codesSeen();
        for (int i = 0; i < seen.length; i++)
        {
            final double[] y = new double[timeline.closedSeconds()];
            for (int s = 0; s < y.length; s++)
            {
                y[s] = timeline.answers(s, seen[i]);
            }
            chart.line(String.format("%02d", seen[i]), seen[i] == 0 ? COLORS[0] : COLORS[1 + i % (COLORS.length - 1)],
                seconds(), y);
        }
        return chart;
    }

    private SvgChart discountedPerSecond()
    {
        final double[] all = new double[timeline.closedSeconds()];
        final double[] hot = new double[all.length];
        for (int s = 0; s < all.length; s++)
        {
            all[s] = timeline.discounted(s);
            hot[s] = timeline.hotDiscounted(s);
        }
        final SvgChart chart = timeChart("Discounted answers", "per second").line("any campaign", "#ff7f0e", seconds(), all);
        return campaign.isEmpty() ? chart : chart.line("hot campaign", "#d62728", seconds(), hot);
    }

    private SvgChart discountedShare()
    {
        final double[] all = new double[timeline.closedSeconds()];
        final double[] hot = new double[all.length];
        for (int s = 0; s < all.length; s++)
        {
            final long answered = timeline.answered(s);
            all[s] = answered == 0 ? 0 : 100.0 * timeline.discounted(s) / answered;
            hot[s] = answered == 0 ? 0 : 100.0 * timeline.hotDiscounted(s) / answered;
        }
        final SvgChart chart = timeChart("Discounted share of the answers", "%").line("any campaign", "#9467bd", seconds(), all);
        return campaign.isEmpty() ? chart : chart.line("hot campaign", "#d62728", seconds(), hot);
    }

    private SvgChart latencyOverTime()
    {
        final SvgChart chart = timeChart("Latency of each second's answers", "milliseconds");
        final String[] colors = {"#1f77b4", "#ff7f0e", "#d62728"};
        for (int p = 0; p < Timeline.PERCENTILES.length; p++)
        {
            final double[] y = new double[timeline.closedSeconds()];
            for (int s = 0; s < y.length; s++)
            {
                y[s] = timeline.percentile(s, p) / 1e6;
            }
            chart.line("p" + SvgChart.number(Timeline.PERCENTILES[p]), colors[p], seconds(), y);
        }
        return chart;
    }

    private SvgChart distribution()
    {
        final SvgChart chart = new SvgChart("Latency by percentile (HdrHistogram)", "percentile", "milliseconds")
            .percentileAxis();
        distributionLine(chart, "from due time (corrected)", "#d62728", result.latency());
        distributionLine(chart, "service time (from write)", "#1f77b4", result.serviceTime());
        return chart;
    }

    private static void distributionLine(final SvgChart chart, final String name, final String color,
        final Histogram histogram)
    {
        if (histogram.getTotalCount() == 0)
        {
            return;
        }
        final List<double[]> points = new ArrayList<>();
        final double lastX = Math.log10(histogram.getTotalCount());
        for (final HistogramIterationValue v : histogram.percentiles(5))
        {
            final double p = v.getPercentileLevelIteratedTo();
            points.add(new double[] {p >= 100 ? lastX : Math.min(lastX, SvgChart.percentileX(p)),
                v.getValueIteratedTo() / 1e6});
        }
        final double[] x = new double[points.size()];
        final double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++)
        {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        chart.line(name, color, x, y);
    }

    private String percentileTable()
    {
        final StringBuilder html = new StringBuilder(
            "<table><tr><th>percentile</th><th>from due time, ms</th><th>service time, ms</th></tr>\n");
        for (final double p : TABLE)
        {
            html.append(String.format(Locale.ROOT,
                "<tr><td>%s</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td></tr>%n",
                p >= 100 ? "max" : SvgChart.number(p), value(result.latency(), p), value(result.serviceTime(), p)));
        }
        return html.append(String.format(Locale.ROOT, "<tr><td>count</td><td class=\"n\">%d</td><td class=\"n\">%d</td></tr>%n",
            result.latency().getTotalCount(), result.serviceTime().getTotalCount())).append("</table>\n").toString();
    }

    private static double value(final Histogram histogram, final double percentile)
    {
        return (percentile >= 100 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile)) / 1e6;
    }
}
