package org.payswitch.gateway;

import java.util.concurrent.CountDownLatch;

import org.payswitch.core.config.ConfigException;
import org.payswitch.core.config.SwitchConfig;

/**
 * {@code java -jar payment-switch.jar [--option value ...]}: starts the switch with the options of
 * docs/api.md section 6 and stops it gracefully on SIGTERM (or Ctrl-C), exiting 0 once every
 * request in the ring is answered and journaled.
 */
public final class SwitchLauncher
{
    private SwitchLauncher()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null)
        {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
        }
        System.setProperty("chronicle.analytics.disable", "true");
        final SwitchConfig config;
        try
        {
            config = SwitchConfig.fromArgs(args);
        }
        catch (final ConfigException e)
        {
            System.err.println("payment-switch: " + e.getMessage());
            System.exit(2);
            return;
        }
        final SwitchGateway gateway = SwitchGateway.start(config);
        final CountDownLatch stopped = new CountDownLatch(1);
        final Runnable stop = () ->
        {
            final boolean drained = gateway.stop();
            stopped.countDown();
            if (!drained)
            {
                Runtime.getRuntime().halt(1);
            }
        };
        TerminationSignals.onTerminate(() ->
        {
            stop.run();
            System.exit(0);
        });
        stopped.await();
    }
}
