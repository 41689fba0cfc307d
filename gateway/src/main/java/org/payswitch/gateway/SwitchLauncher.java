package org.payswitch.gateway;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;

import org.payswitch.core.config.ConfigException;
import org.payswitch.core.crypto.KeyFileException;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.journal.JournalCorruptException;

/**
 * {@code java -jar payment-switch.jar [--option value ...]}: starts the switch with the options of
 * docs/api.md section 6 ({@link SwitchCommandLine}; a bad option or value: one line on standard
 * error and exit status 2; {@code --help}: the usage, exit status 0) and stops it gracefully on
 * SIGTERM (or Ctrl-C), exiting 0 once every request in the ring is answered and journaled (1 if the
 * ring did not drain in time). The signal handlers are installed before anything starts, so a
 * SIGTERM during start-up stops it cleanly too.
 */
public final class SwitchLauncher
{
    /**
     * Chronicle logs file-mapping timings and a release-notes invitation at INFO; the launcher keeps
     * it to warnings so the switch's own lines stay readable. Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger CHRONICLE = java.util.logging.Logger.getLogger("net.openhft");

    private SwitchLauncher()
    {
    }

    /**
     * Says once, at start, when the JVM runs a collector that pauses to copy what the engine keeps
     * (G1, the default): at the peak those pauses reach tens of milliseconds (docs/operations.md).
     */
    private static void adviseOnTheCollector()
    {
        final boolean zgc = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(collector -> collector.getName().startsWith("ZGC"));
        if (!zgc)
        {
            System.getLogger(SwitchLauncher.class.getName()).log(System.Logger.Level.INFO,
                "for a peak, start with -XX:+UseZGC -Xms8g -Xmx8g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages: this JVM's collector " +
                "pauses to copy the state the switch keeps (docs/operations.md, 'Running at the peak')");
        }
    }

    public static void main(final String[] args)
    {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null)
        {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
        System.setProperty("chronicle.analytics.disable", "true");
        CHRONICLE.setLevel(java.util.logging.Level.WARNING);
        final SwitchCommandLine.Parsed parsed;
        try
        {
            parsed = SwitchCommandLine.parse(args);
        }
        catch (final ConfigException e)
        {
            System.err.println(SwitchCommandLine.NAME + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        if (parsed.helpRequested())
        {
            System.out.print(parsed.usage());
            return;
        }
        final SwitchConfig config = parsed.config();
        final CompletableFuture<SwitchGateway> started = new CompletableFuture<>();
        TerminationSignals.onTerminate(() ->
        {
            final boolean drained = started.join().stop();
            System.exit(drained ? 0 : 1);
        });
        adviseOnTheCollector();
        try
        {
            started.complete(SwitchGateway.start(config));
        }
        catch (final RuntimeException e)
        {
            started.completeExceptionally(e);
            System.err.println("payment-switch: cannot start: " + (e instanceof JournalCorruptException || e instanceof KeyFileException ?
                e.getMessage() : e));
            System.exit(1);
        }
    }
}
