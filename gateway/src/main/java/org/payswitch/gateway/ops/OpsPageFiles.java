package org.payswitch.gateway.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The operations page's files, read once from the classpath when the switch starts: the page,
 * its script and style (this module's resources, {@code ops/}), and uPlot, the charting library,
 * from its webjar (a build dependency: nothing is fetched from the internet at run time). Each
 * is found by its name under {@code /ops/}; the page itself by the empty name.
 */
public final class OpsPageFiles
{
    /** One file as served: its content type and bytes (never modified). */
    public record File(String contentType, byte[] bytes)
    {
    }

    private static final String HTML = "text/html; charset=utf-8";
    private static final String SCRIPT = "text/javascript; charset=utf-8";
    private static final String STYLE = "text/css; charset=utf-8";
    private static final String UPLOT_VERSION = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String UPLOT_DIST = "META-INF/resources/webjars/uplot/%s/dist/";

    private final Map<String, File> files;

    private OpsPageFiles(final Map<String, File> files)
    {
        this.files = files;
    }

    /** Reads every file; a missing one is a broken build, said at start rather than on a request. */
    public static OpsPageFiles load()
    {
        final String uplot = String.format(UPLOT_DIST, uplotVersion());
        return new OpsPageFiles(Map.of(
            "", read("ops/ops.html", HTML),
            "ops.js", read("ops/ops.js", SCRIPT),
            "ops.css", read("ops/ops.css", STYLE),
            "uPlot.iife.min.js", read(uplot + "uPlot.iife.min.js", SCRIPT),
            "uPlot.min.css", read(uplot + "uPlot.min.css", STYLE)));
    }

    /** The file of that name under /ops/ ("" for the page), or null when there is none. */
    public File find(final String name)
    {
        return files.get(name);
    }

    private static String uplotVersion()
    {
        final Properties properties = new Properties();
        try (InputStream in = open(UPLOT_VERSION))
        {
            properties.load(in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(UPLOT_VERSION, e);
        }
        return properties.getProperty("version");
    }

    private static File read(final String resource, final String contentType)
    {
        try (InputStream in = open(resource))
        {
            return new File(contentType, in.readAllBytes());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(resource, e);
        }
    }

    private static InputStream open(final String resource)
    {
        final InputStream in = OpsPageFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null)
        {
            throw new IllegalStateException("the operations page's " + resource + " is not on the class path: a broken build");
        }
        return in;
    }
}
