package org.payswitch.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/** How a load generator run describes itself: its first line, and the settings its report lists. */
final class RunDescription
{
    private RunDescription()
    {
    }

    /** The first line a run prints: what is sent, where, for how long. */
    static String line(final LoadGenerator run)
    {
        final String load = run.rate == null ? String.format("%d connection(s) x %d in flight", run.connections, run.window) :
            String.format("%d connection(s), open loop at %d/s%s (at most %d in flight each)", run.connections, run.rate,
                run.singlesDay() ? String.format(" after a %d s ramp (singles-day, %d %% hot)", run.ramp(), run.hotShare) : "",
                run.maxInFlight);
        final String security = !run.tls ? "" : run.tlsTrust == null ? " over TLS (trust-all)" : " over TLS";
        return String.format("loadgen: %s%s, %s to %s:%d, %d s warm-up + %d s measured, %d demo cards, %d merchants, " +
            "run id %s", run.protocol, security, load, run.host, run.port, run.warmupSeconds, run.durationSeconds,
            run.cards, run.merchants, run.runId);
    }

    /** The run's settings as the HTML report lists them. */
    static Map<String, String> parameters(final LoadGenerator run, final LoadPlan plan)
    {
        final Map<String, String> p = new LinkedHashMap<>();
        p.put("run id", run.runId);
        p.put("started", run.startedAt.toString());
        p.put("target", run.protocol + " " + run.host + ":" + run.port);
        p.put("mode", plan.openLoop() ? (run.singlesDay() ? "open loop, profile singles-day" : "open loop") : "closed loop");
        p.put("connections", Integer.toString(run.connections) + (run.tls ? " (TLS)" : ""));
        if (plan.openLoop())
        {
            p.put("rate", run.rate + " requests/s in total" + (run.singlesDay() ? " at the peak" : ""));
            p.put("max in flight", run.maxInFlight + " per connection");
        }
        else
        {
            p.put("window", run.window + " in flight per connection");
        }
        if (run.singlesDay())
        {
            p.put("ramp", String.format("%d s from %d/s", run.ramp(), run.rampFrom != null ? run.rampFrom : run.rate / 10));
            p.put("hot share", run.hotShare + " % on BIN " + RequestSource.HOT_BIN);
            p.put("hot campaign", run.campaign != null ? run.campaign.campaignId() : "none (--no-setup)");
        }
        p.put("warm-up + measured + grace", run.warmupSeconds + " s + " + run.durationSeconds + " s + up to " + run.graceSeconds + " s");
        p.put("demo cards, merchants", run.cards + ", " + run.merchants);
        p.put("seed, client threads", run.seed + ", " + run.threads);
        return p;
    }
}
