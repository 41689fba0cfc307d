package org.payswitch.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [JMH options]}: JMH's own command line, with
 * the forks given the parent pom's JVM flags (Agrona and Chronicle need them), so nobody types
 * them. {@code FootprintProbe} is the other entry point of the jar.
 */
public final class BenchmarkMain
{
    private BenchmarkMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final CommandLineOptions commandLine = new CommandLineOptions(args);
        new Runner(new OptionsBuilder().parent(commandLine).jvmArgsAppend(jvmFlags()).build()).run();
    }

    /** The JVM flags of the parent pom, filtered into jvm-flags.properties at build time. */
    static String[] jvmFlags()
    {
        final Properties properties = new Properties();
        try (InputStream in = BenchmarkMain.class.getResourceAsStream("/jvm-flags.properties"))
        {
            properties.load(in);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("jvm.flags").trim().split("\\s+");
    }
}
