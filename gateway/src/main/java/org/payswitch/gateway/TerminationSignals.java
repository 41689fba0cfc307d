package org.payswitch.gateway;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a graceful stop on SIGTERM and SIGINT instead of the JVM's default, so a stop that drained
 * the ring can exit with status 0 (the default handler exits 143). {@code sun.misc.Signal} is in
 * the {@code jdk.unsupported} module, open to every application without flags.
 */
final class TerminationSignals
{
    private TerminationSignals()
    {
    }

    static void onTerminate(final Runnable stop)
    {
        final SignalHandler handler = signal -> new Thread(stop, "switch-stop").start();
        Signal.handle(new Signal("TERM"), handler);
        Signal.handle(new Signal("INT"), handler);
    }
}
