package org.payswitch.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and Prometheus configuration of ops/ against a real switch under a little load:
 * every metric name the dashboard queries is one /metrics exports, so no panel stays empty for a
 * misspelt or renamed metric, and what /metrics exports follows Prometheus' naming conventions.
 */
class GrafanaDashboardIT
{
    private static final String INSTANCE_FILTER = "instance=~\"$instance\"";
    /** Enough distinct names that a dashboard (or an extraction) missing whole sections fails. */
    private static final int AT_LEAST_NAMES = 10;
    private static final Set<String> HISTOGRAM_SUFFIXES = Set.of("_bucket", "_sum", "_count");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir(factory = DataFolderFactory.class)
    static Path dataDir;

    private static SwitchGateway gateway;
    private static JsonNode dashboard;
    private static MetricsText metrics;

    @BeforeAll
    static void start() throws Exception
    {
        gateway = SwitchGateway.start(SwitchConfigs.forTest(dataDir, 400));
        putALittleLoad();
        final HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        metrics = MetricsText.parse(scrape.body());
        dashboard = new ObjectMapper().readTree(ops().resolve("grafana/payment-switch.json").toFile());
    }

    @AfterAll
    static void stop()
    {
        gateway.stop();
    }

    /** Approvals with a discount from each demo campaign, a plain sale and a decline: every series has moved. */
    private static void putALittleLoad() throws Exception
    {
        assertThat(authorize("G-BOCOM", 0, 12000)).contains("\"discount\":1000",
            "\"campaignId\":\"SINGLES-DAY-BOCOM\"");
        assertThat(authorize("G-QISHANG", 1, 10000)).contains("\"campaignId\":\"QISHANG-PERCENT\"");
        assertThat(authorize("G-ENVELOPE", 2, 5000)).contains("\"campaignId\":\"RED-ENVELOPE\"");
        assertThat(authorize("G-PLAIN", 3, 5000)).contains("\"responseCode\":\"00\"").doesNotContain("campaignId");
        assertThat(authorize("G-DECLINE", 7, 0)).contains("\"responseCode\":\"13\"");
    }

    private static String authorize(final String orderId, final int card, final long amount) throws Exception
    {
        final String body = "{\"merchantId\":\"" + DemoData.merchantId(1) + "\",\"orderId\":\"" + orderId +
            "\",\"pan\":\"" + DemoData.panText(card) + "\",\"expiry\":\"3012\",\"amount\":" + amount +
            ",\"currency\":\"CNY\"}";
        final HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(uri("/v1/authorizations"))
            .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(body).isEqualTo(200);
        return answer.body();
    }

    private static HttpResponse<String> get(final String path) throws Exception
    {
        return CLIENT.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + gateway.httpPort() + path);
    }

    /**
     * The repository's ops/ folder. Maven runs the tests in the module's folder and also names it in the
     * {@code basedir} property; an IDE may set only the working directory.
     */
    private static Path ops()
    {
        final String basedir = System.getProperty("basedir");
        final Path module = basedir == null ? Path.of("").toAbsolutePath() : Path.of(basedir).toAbsolutePath();
        return module.getParent().resolve("ops");
    }

    /** Every panel, those inside collapsed rows too, rows included. */
    private static List<JsonNode> panels()
    {
        final List<JsonNode> panels = new ArrayList<>();
        for (final JsonNode panel : dashboard.path("panels"))
        {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The PromQL of every panel's targets. */
    private static List<String> panelExpressions()
    {
        final List<String> expressions = new ArrayList<>();
        for (final JsonNode panel : panels())
        {
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        return expressions;
    }

    /**
     * The queries of the template variables that ask Prometheus: each query variable's {@code query}
     * (text, or Grafana 10's object holding it) and {@code definition}.
     */
    private static List<String> variableQueries()
    {
        final List<String> queries = new ArrayList<>();
        for (final JsonNode variable : dashboard.path("templating").path("list"))
        {
            if ("query".equals(variable.path("type").asText()))
            {
                final JsonNode query = variable.path("query");
                queries.add(query.isObject() ? query.path("query").asText() : query.asText());
                queries.add(variable.path("definition").asText());
            }
        }
        return queries;
    }

    @Test
    void shouldQueryOnlyMetricNamesThatTheSwitchExports()
    {
        final List<String> queries = new ArrayList<>(panelExpressions());
        queries.addAll(variableQueries());
        final Set<String> used = new TreeSet<>();
        for (final String query : queries)
        {
            final Set<String> names = PromQlNames.of(query);
            assertThat(names).as("the metric names of %s", query).isNotEmpty();
            used.addAll(names);
        }

        final Set<String> missing = new TreeSet<>(used);
        missing.removeAll(metrics.sampleNames());
        assertThat(missing).as("names the dashboard queries that /metrics does not export").isEmpty();
        assertThat(used).as("distinct metric names of the dashboard").hasSizeGreaterThanOrEqualTo(AT_LEAST_NAMES);
    }

    @Test
    void shouldGiveEveryPanelATargetFilteredByTheInstanceVariable()
    {
        for (final JsonNode panel : panels())
        {
            if ("row".equals(panel.path("type").asText()))
            {
                continue;
            }
            final String title = panel.path("title").asText();
            assertThat(panel.path("targets")).as("targets of panel %s", title).isNotEmpty();
            for (final JsonNode target : panel.path("targets"))
            {
                final String expr = target.path("expr").asText();
                assertThat(occurrences(expr, INSTANCE_FILTER)).as("selectors filtered by instance in %s", expr)
                    .isEqualTo(PromQlNames.occurrences(expr).size());
                assertThat(target.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
            }
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo("${datasource}");
            assertThat(panel.path("description").asText()).as("description of panel %s", title).isNotBlank();
        }
    }

    private static int occurrences(final String text, final String part)
    {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length()))
        {
            count++;
        }
        return count;
    }

    @Test
    void shouldBeImportableWithItsIdentityRefreshAndVariables()
    {
        assertThat(dashboard.path("uid").asText()).isEqualTo("payment-switch");
        assertThat(dashboard.path("title").asText()).isEqualTo("Payment switch");
        assertThat(dashboard.path("refresh").asText()).isEqualTo("5s");
        assertThat(dashboard.path("time").path("from").asText()).isEqualTo("now-15m");
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        final Map<String, JsonNode> variables = new HashMap<>();
        dashboard.path("templating").path("list").forEach(variable -> variables.put(variable.path("name").asText(),
            variable));
        assertThat(variables.get("datasource").path("type").asText()).isEqualTo("datasource");
        assertThat(variables.get("datasource").path("query").asText()).isEqualTo("prometheus");
        assertThat(variables.get("instance").path("definition").asText())
            .isEqualTo("label_values(payswitch_requests_total, instance)");
        assertThat(panelExpressions()).as("the panels' queries").hasSizeGreaterThanOrEqualTo(AT_LEAST_NAMES);
    }

    @Test
    void shouldScrapeTheSwitchMetricsPathInTheJobTheDashboardReads() throws Exception
    {
        final String config = Files.readString(ops().resolve("prometheus/prometheus.yml"));

        assertThat(config).contains("job_name: payment-switch", "metrics_path: /metrics", "scrape_interval: 5s",
            "localhost:8080");
    }

    @Test
    void shouldShowTheLoadInTheSeriesTheDashboardReads()
    {
        assertThat(value("payswitch_campaign_redemptions", "campaign=\"SINGLES-DAY-BOCOM\"")).isEqualTo(1);
        assertThat(value("payswitch_campaign_discount_granted", "campaign=\"SINGLES-DAY-BOCOM\"")).isEqualTo(1000);
        assertThat(value("payswitch_campaign_remaining_budget", "campaign=\"SINGLES-DAY-BOCOM\""))
            .isEqualTo(600_000_000L - 1000);
        assertThat(value("payswitch_campaign_redemptions", "campaign=\"QISHANG-PERCENT\"")).isEqualTo(1);
        assertThat(value("payswitch_declines_total", "")).isGreaterThanOrEqualTo(1);
        assertThat(value("payswitch_latency_seconds_count", "")).isGreaterThanOrEqualTo(5);
        assertThat(metrics.samples("payswitch_campaign_info")).extracting(MetricsText.Sample::labels)
            .contains("campaign=\"SINGLES-DAY-BOCOM\",funder=\"Demo Bank of Communications\",status=\"active\"");
    }

    private static double value(final String name, final String labels)
    {
        return metrics.samples(name).stream().filter(sample -> sample.labels().equals(labels))
            .mapToDouble(sample -> Double.parseDouble(sample.value())).findFirst()
            .orElseThrow(() -> new AssertionError("no sample " + name + "{" + labels + "}"));
    }

    @Test
    void shouldNameWhatItExportsByThePrometheusConventions()
    {
        final Map<String, String> types = metrics.types();
        types.forEach((name, type) -> assertThat(name.endsWith("_total")).as("%s is a %s", name, type)
            .isEqualTo("counter".equals(type)));
        for (final String name : metrics.sampleNames())
        {
            if (name.endsWith("_total"))
            {
                assertThat(types.get(name)).as("the type of %s, whose name ends in _total", name).isEqualTo("counter");
            }
            assertThat(family(name)).as("the # TYPE line of %s", name).isNotNull();
        }
        types.forEach((name, type) ->
        {
            if ("histogram".equals(type))
            {
                assertHistogram(name);
            }
        });
        assertThat(types).containsEntry("payswitch_latency_seconds", "histogram");
    }

    /** The family a sample belongs to: its own name's, or for a histogram's series the name without the suffix. */
    private static String family(final String sampleName)
    {
        if (metrics.types().containsKey(sampleName))
        {
            return sampleName;
        }
        for (final String suffix : HISTOGRAM_SUFFIXES)
        {
            final String family = sampleName.substring(0, Math.max(0, sampleName.length() - suffix.length()));
            if (sampleName.endsWith(suffix) && "histogram".equals(metrics.types().get(family)))
            {
                return family;
            }
        }
        return null;
    }

    /** A histogram's samples: cumulative {@code _bucket{le=...}} up to +Inf, {@code _sum} and {@code _count}. */
    private static void assertHistogram(final String name)
    {
        assertThat(metrics.samples(name)).as("samples named %s itself", name).isEmpty();
        final List<MetricsText.Sample> buckets = metrics.samples(name + "_bucket");
        assertThat(buckets).as("buckets of %s", name).isNotEmpty()
            .allSatisfy(bucket -> assertThat(bucket.labels()).matches("le=\"([0-9.]+|\\+Inf)\""));
        assertThat(buckets.get(buckets.size() - 1).labels()).isEqualTo("le=\"+Inf\"");
        for (int i = 1; i < buckets.size(); i++)
        {
            assertThat(Double.parseDouble(buckets.get(i).value())).as("bucket %s of %s", buckets.get(i).labels(), name)
                .isGreaterThanOrEqualTo(Double.parseDouble(buckets.get(i - 1).value()));
        }
        assertThat(metrics.samples(name + "_sum")).hasSize(1);
        assertThat(metrics.samples(name + "_count")).hasSize(1);
        assertThat(metrics.samples(name + "_count").get(0).value())
            .as("the count of %s against its +Inf bucket", name).isEqualTo(buckets.get(buckets.size() - 1).value());
    }
}
