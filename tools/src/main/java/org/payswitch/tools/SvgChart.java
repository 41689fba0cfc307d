package org.payswitch.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line chart as inline SVG text, for the self-contained HTML report: named series of (x, y)
 * points on a linear y axis from 0, a linear x axis or, for a latency percentile distribution,
 * HdrHistogram's plotter axis (x = log10(1 / (1 - percentile)), labelled 0 %, 90 %, 99 %, 99.9 %
 * ...), a legend and optional vertical markers. No script, no external resource.
 */
final class SvgChart
{
    private static final int LEFT = 64;
    private static final int RIGHT = 36;
    private static final int TOP = 40;
    private static final int BOTTOM = 44;

    private record Series(String name, String color, double[] x, double[] y, boolean dashed)
    {
    }

    private record Marker(double x, String label)
    {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private boolean percentileAxis;

    SvgChart(final String title, final String xLabel, final String yLabel)
    {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a solid line. */
    SvgChart line(final String name, final String color, final double[] x, final double[] y)
    {
        series.add(new Series(name, color, x, y, false));
        return this;
    }

    /** Adds a dashed line (a target, say). */
    SvgChart dashed(final String name, final String color, final double[] x, final double[] y)
    {
        series.add(new Series(name, color, x, y, true));
        return this;
    }

    /** Adds a vertical marker at {@code x}. */
    SvgChart marker(final double x, final String label)
    {
        markers.add(new Marker(x, label));
        return this;
    }

    /** Makes the x axis a percentile axis: x values are {@link #percentileX}. */
    SvgChart percentileAxis()
    {
        percentileAxis = true;
        return this;
    }

    /** The x of a percentile (0..100) on the percentile axis: log10(1 / (1 - p)), finite for p below 100. */
    static double percentileX(final double percentile)
    {
        return Math.log10(1 / (1 - Math.min(percentile, 99.9999999) / 100));
    }

    /** The chart as an {@code <svg>} element {@code width} x {@code height} pixels. */
    String render(final int width, final int height)
    {
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = 0;
        for (final Series s : series)
        {
            for (int i = 0; i < s.x.length; i++)
            {
                minX = Math.min(minX, s.x[i]);
                maxX = Math.max(maxX, s.x[i]);
                maxY = Math.max(maxY, s.y[i]);
            }
        }
        if (minX > maxX)
        {
            minX = 0;
            maxX = 1;
        }
        if (percentileAxis)
        {
            minX = 0;
            maxX = Math.max(1, Math.ceil(maxX));
        }
        if (maxX <= minX)
        {
            maxX = minX + 1;
        }
        final double yStep = niceStep(maxY > 0 ? maxY : 1);
        final double topY = Math.max(yStep, Math.ceil(maxY / yStep) * yStep);
        final Axes axes = new Axes(width, height, minX, maxX, topY);

        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" " +
                "font-family=\"sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"%s\">%n",
            width, height, width, height, escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>%n", width, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            LEFT, escape(title)));
        for (double y = 0; y <= topY + yStep / 2; y += yStep)
        {
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>" +
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                LEFT, axes.py(y), width - RIGHT, axes.py(y), LEFT - 6, axes.py(y) + 4, number(y)));
        }
        xTicks(svg, axes);
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>%n",
            LEFT, TOP, width - LEFT - RIGHT, height - TOP - BOTTOM));
        for (final Marker m : markers)
        {
            final boolean nearRight = axes.px(m.x) + 7 * m.label.length() > width - RIGHT;
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" stroke-dasharray=\"2,3\"/>" +
                    "<text x=\"%.1f\" y=\"%d\" fill=\"#c00\" text-anchor=\"%s\">%s</text>%n",
                axes.px(m.x), TOP, axes.px(m.x), height - BOTTOM, axes.px(m.x) + (nearRight ? -3 : 3), TOP + 12,
                nearRight ? "end" : "start", escape(m.label)));
        }
        for (final Series s : series)
        {
            svg.append(path(s, axes));
        }
        legend(svg, width);
        svg.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", LEFT + (width - LEFT - RIGHT) / 2,
            height - 8, escape(xLabel)));
        svg.append(String.format(Locale.ROOT,
            "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>%n",
            TOP + (height - TOP - BOTTOM) / 2, TOP + (height - TOP - BOTTOM) / 2, escape(yLabel)));
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void xTicks(final StringBuilder svg, final Axes axes)
    {
        if (percentileAxis)
        {
            for (int nines = 0; nines <= axes.maxX; nines++)
            {
                final String label = nines == 0 ? "0%" : percentileLabel(nines);
                xTick(svg, axes, nines, label);
            }
            return;
        }
        final double step = niceStep(axes.maxX - axes.minX);
        for (double x = Math.ceil(axes.minX / step) * step; x <= axes.maxX + step / 1000; x += step)
        {
            xTick(svg, axes, x, number(x));
        }
    }

    private static void xTick(final StringBuilder svg, final Axes axes, final double x, final String label)
    {
        svg.append(String.format(Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/>" +
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
            axes.px(x), TOP, axes.px(x), axes.height - BOTTOM, axes.px(x), axes.height - BOTTOM + 15, escape(label)));
    }

    /** "90%", "99%", "99.9%", ... for 1, 2, 3 nines. */
    static String percentileLabel(final int nines)
    {
        if (nines == 1)
        {
            return "90%";
        }
        final StringBuilder label = new StringBuilder("99");
        if (nines > 2)
        {
            label.append('.').append("9".repeat(nines - 2));
        }
        return label.append('%').toString();
    }

    private static String path(final Series s, final Axes axes)
    {
        final StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.x.length; i++)
        {
            d.append(i == 0 ? 'M' : 'L').append(String.format(Locale.ROOT, "%.1f %.1f ", axes.px(s.x[i]), axes.py(s.y[i])));
        }
        return String.format(Locale.ROOT,
            "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\"%s><title>%s</title></path>%n",
            d.toString().trim(), s.color, s.dashed ? " stroke-dasharray=\"6,4\"" : "", escape(s.name));
    }

    private void legend(final StringBuilder svg, final int width)
    {
        int x = width - RIGHT;
        for (int i = series.size() - 1; i >= 0; i--)
        {
            final Series s = series.get(i);
            x -= 22 + 7 * s.name.length();
            svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"24\" width=\"12\" height=\"4\" fill=\"%s\"/><text x=\"%d\" y=\"30\">%s</text>%n",
                x, s.color, x + 16, escape(s.name)));
        }
    }

    /** A step of 1, 2 or 5 times a power of ten giving about five intervals over {@code range}. */
    static double niceStep(final double range)
    {
        final double raw = range / 5;
        final double power = Math.pow(10, Math.floor(Math.log10(raw)));
        final double fraction = raw / power;
        final double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** A tick label: 1.5k, 20k, 1.2M, or the number with up to 3 decimals. */
    static String number(final double value)
    {
        final double abs = Math.abs(value);
        if (abs >= 1e6)
        {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1e6)) + "M";
        }
        if (abs >= 1e4)
        {
            return trim(String.format(Locale.ROOT, "%.1f", value / 1e3)) + "k";
        }
        return trim(String.format(Locale.ROOT, "%.3f", value));
    }

    private static String trim(final String number)
    {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }

    /** Text made safe inside XML and HTML. */
    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Data to pixels. */
    private record Axes(int width, int height, double minX, double maxX, double maxY)
    {
        double px(final double x)
        {
            return LEFT + (x - minX) / (maxX - minX) * (width - LEFT - RIGHT);
        }

        double py(final double y)
        {
            return height - BOTTOM - y / maxY * (height - TOP - BOTTOM);
        }
    }
}
