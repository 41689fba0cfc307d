package org.payswitch.tools;

import java.nio.file.Files;

import org.payswitch.core.demo.DemoData;

/** The load generator's checks of its options taken together, before anything is sent. */
final class OptionCheck
{
    private OptionCheck()
    {
    }

    /** The first problem of the options, as one line naming the option, or null when they hold together. */
    static String problem(final LoadGenerator run)
    {
        if (run.connections < 1 || run.connections > 1_000)
        {
            return "--connections: 1..1000";
        }
        if (run.window < 1 || run.window > 100_000)
        {
            return "--window: 1..100000";
        }
        if (run.rate != null && run.rate < 1)
        {
            return "--rate: >= 1";
        }
        if (run.maxInFlight < 1 || run.maxInFlight > IsoLoadConnection.MAX_STAN)
        {
            return "--max-in-flight: 1.." + IsoLoadConnection.MAX_STAN;
        }
        if (run.profile != null && !LoadGenerator.SINGLES_DAY.equals(run.profile))
        {
            return "--profile: " + LoadGenerator.SINGLES_DAY;
        }
        if (run.singlesDay() && (run.rate == null || run.cards < 2 || run.hotShare < 1 || run.hotShare > 100 ||
            (run.rampFrom != null && run.rampFrom < 0) || (run.rampSeconds != null && run.rampSeconds < 0)))
        {
            return "--profile singles-day: needs --rate (the peak), --cards >= 2, --hot-share 1..100, " +
                "--ramp and --ramp-from >= 0";
        }
        if (run.warmupSeconds < 0 || run.durationSeconds < 1 || run.graceSeconds < 0)
        {
            return "--warmup: >= 0, --duration: >= 1, --grace: >= 0";
        }
        if (run.cards < 1 || run.merchants < 1 || run.merchants > DemoData.MERCHANTS || run.threads < 1)
        {
            return "--cards: >= 1, --merchants: 1.." + DemoData.MERCHANTS + ", --threads: >= 1";
        }
        if (run.tlsTrust != null && (!run.tls || !Files.isReadable(run.tlsTrust)))
        {
            return "--tls-trust: a readable PEM file, with --tls";
        }
        if (run.tls && run.singlesDay() && !run.noSetup)
        {
            return "--tls with --profile singles-day: the campaign setup speaks plain HTTP; add --no-setup";
        }
        if (run.apiKeyFile != null && run.protocol != LoadGenerator.Protocol.HTTP)
        {
            return "--api-key-file: with --protocol HTTP (ISO 8583 acquirers are known by DE 32, not by a key)";
        }
        if (run.runId == null || !run.runId.matches("[0-9A-Z]{4}"))
        {
            return "--run-id: 4 characters [0-9A-Z]";
        }
        return null;
    }
}
