package org.payswitch.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.payswitch.core.demo.DemoData;
import org.payswitch.tools.operator.GenerateCommand;
import org.payswitch.tools.operator.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The end-to-end peak load generator: authorizations to a running switch, as ISO 8583 0100s over
 * TCP (acquirers) or HTTP/JSON {@code POST /v1/authorizations} (checkout systems), on several
 * connections, for a warm-up and then a measured period. A closed loop by default (each
 * connection keeps a window of requests in flight); with {@code --rate} an open loop (requests on
 * a fixed schedule whatever the answers, latency from each request's due time, corrected for
 * coordinated omission); with {@code --profile singles-day} the open loop ramps up to the peak,
 * sends a share of the requests on a hot BIN and first creates a hot campaign through the operator
 * API. Prints a progress line a second on stderr, the totals and latency percentiles at the end,
 * and writes .hgrm files, a per-second CSV and an HTML report. Exit status 0 when every request
 * due was sent, answered and matched, 1 otherwise, 2 when the switch cannot be reached or set up.
 * It is the tools jar's main command; its subcommands are {@code journal} ({@link JournalTool},
 * with {@code dump} and {@code tail}), {@code report} ({@link ReportCommand}, with {@code settlement} and
 * {@code campaigns}), {@code reconcile} ({@link ReconcileCommand}), {@code rotate-card-key}
 * ({@link RotateCardKeyTool}), {@code import} ({@link ImportCommand}: cards and campaigns) and
 * {@code generate} ({@link GenerateCommand}: cards).
 * tools/README.md shows how to run it against a switch with its demo data.
 */
@Command(name = "payment-switch-tools", mixinStandardHelpOptions = true,
    subcommands = {JournalTool.class, ReportCommand.class, ReconcileCommand.class, RotateCardKeyTool.class,
        ImportCommand.class, GenerateCommand.class},
    description = {"Without a command: the load generator. Sends authorizations (ISO 8583 or HTTP/JSON) to a " +
        "payment switch and reports throughput and latency.",
        "journal: prints a switch's journal (PANs masked); journal dump and journal tail as a table, CSV or JSON Lines.",
        "report: report settlement (per merchant, one day) and report campaigns (per funder and campaign) from the journal.",
        "reconcile: compares a running switch's campaign figures with its journal; lists every difference.",
        "rotate-card-key: a new key-encryption key for the card data, the data keys re-wrapped under it.",
        "import: cards (CSV) or campaigns (JSON) in bulk through a running switch's operator API.",
        "generate: test data files (cards by the demo data's rule)."})
public final class LoadGenerator implements Callable<Integer>
{
    /** The Singles' Day profile's name. */
    static final String SINGLES_DAY = "singles-day";

    @Option(names = "--host", description = "switch host (default: ${DEFAULT-VALUE})")
    String host = "127.0.0.1";

    /** The switch's protocols. */
    enum Protocol
    {
        ISO, HTTP
    }

    @Option(names = "--protocol", description = "ISO (8583 over TCP) or HTTP (JSON) (default: ${DEFAULT-VALUE})")
    Protocol protocol = Protocol.ISO;

    @Option(names = "--port", description = "switch port (default: 8583 for ISO, 8080 for HTTP)")
    Integer port;

    @Option(names = "--connections", description = "TCP connections (default: ${DEFAULT-VALUE})")
    int connections = 4;

    @Option(names = "--window", description = "closed loop: requests in flight per connection (default: ${DEFAULT-VALUE})")
    int window = 64;

    @Option(names = "--rate", description = "open loop: requests/s in total, spread over the connections; " +
        "with a profile, the peak")
    Integer rate;

    @Option(names = "--max-in-flight", description = "open loop: most requests in flight per connection; a request " +
        "due beyond it is not sent but counted (default: ${DEFAULT-VALUE})")
    int maxInFlight = 100_000;

    @Option(names = "--profile", description = "singles-day: an open loop ramping up to --rate, a share of the " +
        "requests on a hot campaign BIN")
    String profile;

    @Option(names = "--ramp", description = "singles-day: seconds from --ramp-from up to --rate, the peak held " +
        "after (default: the warm-up)")
    Integer rampSeconds;

    @Option(names = "--ramp-from", description = "singles-day: requests/s at the start of the ramp (default: --rate / 10)")
    Integer rampFrom;

    @Option(names = "--hot-share", description = "singles-day: percent of the requests on the hot BIN 622260 " +
        "(default: ${DEFAULT-VALUE})")
    int hotShare = 20;

    @Option(names = "--no-setup", description = "singles-day: create no campaign (a switch without the operator " +
        "API, a bare echo)")
    boolean noSetup;

    @Option(names = "--http-port", description = "the switch's HTTP port for the operator API (default: --port " +
        "with HTTP, else 8080)")
    Integer httpPort;

    @Option(names = "--admin-token", description = "bearer token of the operator API (default: ${DEFAULT-VALUE})")
    String adminToken = "demo-admin-token";

    @Option(names = "--admin-token-file", description = "a file whose first line is the operator API's token " +
        "(instead of --admin-token, which ps shows)")
    Path adminTokenFile;

    @Option(names = "--warmup", description = "seconds sent before measuring (default: ${DEFAULT-VALUE})")
    int warmupSeconds = 5;

    @Option(names = "--duration", description = "seconds measured (default: ${DEFAULT-VALUE})")
    int durationSeconds = 20;

    @Option(names = "--grace", description = "seconds to wait for the last answers after sending stops " +
        "(default: ${DEFAULT-VALUE})")
    int graceSeconds = 5;

    @Option(names = "--cards", description = "demo cards the switch holds, 0..N-1 (default: ${DEFAULT-VALUE})")
    int cards = 1_000_000;

    @Option(names = "--merchants", description = "demo merchants the switch holds (default: ${DEFAULT-VALUE})")
    int merchants = DemoData.MERCHANTS;

    @Option(names = "--threads", description = "client event loop threads (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Option(names = "--seed", description = "random seed of cards, merchants and amounts (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--run-id", description = "4 characters [0-9A-Z] that start every DE 37 of this run (default: from the clock)")
    String runId = defaultRunId();

    @Option(names = "--out", description = "folder of the .hgrm, CSV and HTML files (default: target/loadgen-<run id>)")
    Path outDir;

    @Option(names = "--quiet", description = "no progress line each second")
    boolean quiet;

    @Option(names = "--tls", description = "TLS on the load connections, for measuring its cost only: trusts any " +
        "server certificate unless --tls-trust is given; host names are not checked")
    boolean tls;

    @Option(names = "--tls-trust", description = "with --tls: trust only the certificates of this PEM file " +
        "(keytool -exportcert -rfc)")
    Path tlsTrust;

    @Option(names = "--api-key-file", description = "HTTP: a file whose first line is the checkout API key sent " +
        "as Authorization: Bearer (a switch with api-keys-file; the key must cover every merchant sent to)")
    Path apiKeyFile;

    /** The Authorization header's value, read from --api-key-file once before the run; null without one. */
    private ApiKeyHeader apiKey;

    /** Chronicle's INFO lines (banner, mappings) held back, as the switch's launcher does; warnings still show. */
    private static final Logger CHRONICLE = Logger.getLogger("net.openhft");
    private static final long NANOS = 1_000_000_000L;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private LoadResult result;
    HotCampaign campaign;
    private Map<String, String> campaignFigures = Map.of();
    Instant startedAt;

    public LoadGenerator()
    {
        this(System.out, System.err);
    }

    LoadGenerator(final PrintStream out)
    {
        this(out, System.err);
    }

    LoadGenerator(final PrintStream out, final PrintStream err)
    {
        this.out = out;
        this.err = err;
    }

    public static void main(final String[] args)
    {
        CHRONICLE.setLevel(Level.WARNING);
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException, IOException
    {
        final String problem = OptionCheck.problem(this);
        if (problem != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), problem);
        }
        if (port == null)
        {
            port = protocol == Protocol.ISO ? 8583 : 8080;
        }
        if (apiKeyFile != null)
        {
            apiKey = ApiKeyHeader.read(apiKeyFile);
            if (apiKey.problem() != null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--api-key-file: " + apiKey.problem());
            }
        }
        final String[] merchantIds = new String[merchants];
        for (int j = 0; j < merchants; j++)
        {
            merchantIds[j] = DemoData.merchantId(j);
        }
        final RateSchedule schedule = schedule();
        final LoadPlan plan = new LoadPlan(connections, schedule == null ? window : maxInFlight, schedule,
            warmupSeconds * NANOS, new Timeline(warmupSeconds + durationSeconds + graceSeconds + 2,
            LoadConnection.MAX_LATENCY_NANOS, singlesDay() && !noSetup ? HotCampaign.DISCOUNT : 0));
        if (adminTokenFile != null)
        {
            adminToken = Files.readString(adminTokenFile, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
        }
        if (singlesDay() && !noSetup && !createCampaign(schedule))
        {
            return 2;
        }
        out.println(RunDescription.line(this));
        startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        result = new LoadRun(this, plan, merchantIds, out, quiet ? null : err).run();
        if (result == null)
        {
            return 2;
        }
        if (campaign != null)
        {
            campaignFigures = campaign.figures();
            out.println("hot campaign after the run: " + campaignFigures);
        }
        out.print(result.report(plan.openLoop()));
        writeFiles(plan);
        return result.complete() ? 0 : 1;
    }

    /** The checkout API key's header of the run, or null without {@code --api-key-file}. */
    ApiKeyHeader apiKey()
    {
        return apiKey;
    }

    /** What the last run measured; null before a run. */
    LoadResult result()
    {
        return result;
    }

    /** The hot campaign's figures after the last run; empty without one. */
    Map<String, String> campaignFigures()
    {
        return campaignFigures;
    }

    /** The folder the last run's files went to. */
    Path outDir()
    {
        return outDir;
    }

    /** The percentage of requests on the hot BIN: the profile's share, 0 (cards drawn evenly) without it. */
    int hotSharePercent()
    {
        return singlesDay() ? hotShare : 0;
    }

    boolean singlesDay()
    {
        return SINGLES_DAY.equals(profile);
    }

    int ramp()
    {
        return rampSeconds != null ? rampSeconds : warmupSeconds;
    }

    private RateSchedule schedule()
    {
        if (rate == null)
        {
            return null;
        }
        final long end = (warmupSeconds + durationSeconds) * NANOS;
        if (!singlesDay())
        {
            return RateSchedule.constant(rate, end);
        }
        return new RateSchedule(rampFrom != null ? rampFrom : rate / 10, rate, ramp() * NANOS, end);
    }

    /** Creates the hot campaign, its budget for the hot requests due in the first half of the run; false if it failed. */
    private boolean createCampaign(final RateSchedule schedule) throws InterruptedException
    {
        final String id = "LOADGEN-HOT-" + runId + "-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        final int operatorPort = httpPort != null ? httpPort : protocol == Protocol.HTTP ? port : 8080;
        campaign = new HotCampaign("http://" + host + ":" + operatorPort, adminToken, id);
        final double hotRedemptions = schedule.countBefore(schedule.endNanos() / 2) * hotShare / 100.0 *
            HotCampaign.eligibleAmountShare();
        final long budget = HotCampaign.budgetFor(hotRedemptions);
        final String failed = campaign.create(budget);
        if (failed != null)
        {
            out.println("loadgen: cannot create the hot campaign on " + host + ":" + operatorPort + ": " + failed);
            campaign = null;
            return false;
        }
        out.printf("loadgen: hot campaign %s on BIN %s: %d.%02d CNY off from %d.%02d, budget %d.%02d CNY " +
                "(%d redemptions, about half the run's hot requests)%n", id, RequestSource.HOT_BIN,
            HotCampaign.DISCOUNT / 100, HotCampaign.DISCOUNT % 100, HotCampaign.MIN_AMOUNT / 100,
            HotCampaign.MIN_AMOUNT % 100, budget / 100, budget % 100, budget / HotCampaign.DISCOUNT);
        return true;
    }

    private void writeFiles(final LoadPlan plan) throws IOException
    {
        if (outDir == null)
        {
            outDir = Path.of("target", "loadgen-" + runId);
        }
        Files.createDirectories(outDir);
        HgrmWriter.write(result.latency(), outDir.resolve("latency.hgrm"));
        HgrmWriter.write(result.serviceTime(), outDir.resolve("service-time.hgrm"));
        TimelineCsv.write(plan.timeline(), plan.schedule(), outDir.resolve("timeline.csv"));
        new HtmlReport(RunDescription.parameters(this, plan), result, plan.timeline(), plan.schedule(), markers(plan), campaignFigures)
            .write(outDir.resolve("report.html"));
        out.println("files: " + outDir.toAbsolutePath().normalize() +
            " (latency.hgrm, service-time.hgrm, timeline.csv, report.html)");
    }

    private Map<Integer, String> markers(final LoadPlan plan)
    {
        final Map<Integer, String> markers = new TreeMap<>();
        if (warmupSeconds > 0)
        {
            markers.put(warmupSeconds, "measured from");
        }
        if (singlesDay() && ramp() > 0)
        {
            markers.merge(ramp(), "00:00 (peak)", (a, b) -> b + ", " + a);
        }
        markers.put(warmupSeconds + durationSeconds, plan.openLoop() ? "schedule ends" : "sending stops");
        return markers;
    }

    private static String defaultRunId()
    {
        final String seconds = Long.toString(Instant.now().getEpochSecond(), 36).toUpperCase();
        return seconds.substring(seconds.length() - 4);
    }
}
