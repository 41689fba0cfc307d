package org.payswitch.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.gateway.OpsBrowser.campaign;

/**
 * The live operations page looked at as a person would (docs/operations.md, "The operations
 * page"): the real switch, headless Chromium signing in with the operator token, load put on the
 * switch while the page is open, and the page's rate and campaign budget compared with /metrics.
 * Then a campaign created, paused, resumed and exhausted while the page stays open. Screenshots
 * go to {@code target/ops-signin.png} and {@code target/ops-page.png}.
 */
class OpsPageIT
{
    private static final String TOKEN = "demo-admin-token";
    private static final String BOCOM = "SINGLES-DAY-BOCOM";
    private static final long BOCOM_BUDGET = 600_000_000L;
    /** Demo cards: every fourth is a BOCOM card (BIN 622260), every fourth from 3 has BIN 518888 (no demo campaign). */
    private static final int CARDS = 400;
    private static final Pattern DISCOUNT = Pattern.compile("\"discount\":(\\d+)");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir(factory = DataFolderFactory.class)
    static Path dataDir;

    private static SwitchGateway gateway;
    private static OpsBrowser browser;
    private final Set<String> pansSent = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start()
    {
        gateway = SwitchGateway.start(SwitchConfigs.forTest(dataDir, CARDS));
        browser = OpsBrowser.start(1440, 2400);
    }

    @AfterAll
    static void stop()
    {
        if (browser != null)
        {
            browser.close();
        }
        gateway.stop();
    }

    @Test
    void shouldShowTheSwitchLiveToASignedInOperatorAndAgreeWithMetrics() throws Exception
    {
        browser.open(url("/ops"));
        assertThat(browser.shown("signin-form")).isTrue();
        assertThat(browser.shown("dashboard")).isFalse();
        browser.screenshot(Path.of("target", "ops-signin.png"));
        browser.signIn("not-the-token");
        browser.awaitText("signin-error", "refused");
        assertThat(browser.shown("dashboard")).isFalse();
        assertThat(browser.consoleErrors()).as("Chromium logs the refused token's 401, and nothing else")
            .singleElement().asString().contains("401");

        browser.signIn(TOKEN);
        browser.awaitShown("dashboard");
        assertThat(browser.url()).doesNotContain(TOKEN);
        assertThat(browser.sessionStorage("payswitch.ops.token")).isEqualTo(TOKEN);
        assertThat(browser.awaitFigure(campaign(BOCOM, ".campaign-remaining"), "= the whole budget",
            remaining -> remaining == BOCOM_BUDGET)).isEqualTo(BOCOM_BUDGET);

        final AtomicBoolean rateShown = new AtomicBoolean();
        final CompletableFuture<Long> load = CompletableFuture.supplyAsync(() -> authorizeUntil(rateShown));
        browser.awaitFigure("#answers-per-second", "> 0 while requests are answered", rate -> rate > 0);
        rateShown.set(true);
        final long bocomGranted = load.get();

        browser.awaitFigure("#answers-per-second", "back to 0 once the load stopped", rate -> rate == 0);
        final long metricsBefore = metricsTotal();
        final long shownTotal = browser.awaitFigure("#answers-total", "at least /metrics' count",
            total -> total >= metricsBefore);
        final long metricsAfter = metricsTotal();
        assertThat(shownTotal).as("the page's total between two reads of /metrics")
            .isBetween(metricsBefore, metricsAfter);
        final long remaining = Long.parseLong(browser.value(campaign(BOCOM, ".campaign-remaining")));
        assertThat(remaining).as("the page's remaining budget, as /metrics has it")
            .isEqualTo(metric("payswitch_campaign_remaining_budget{campaign=\"" + BOCOM + "\"}"))
            .isEqualTo(BOCOM_BUDGET - bocomGranted);
        assertThat(bocomGranted).isEqualTo(CARDS / 4 * 1_000);
        assertThat(Long.parseLong(browser.value(campaign(BOCOM, ".campaign-redemptions"))))
            .isEqualTo(metric("payswitch_campaign_redemptions{campaign=\"" + BOCOM + "\"}")).isPositive();

        assertThat(browser.pageSource() + browser.visibleText()).as("no full PAN anywhere on the page")
            .doesNotContain(pansSent);
        assertThat(browser.consoleErrors()).as("the browser's console: script errors, CSP violations").isEmpty();
        browser.screenshot(Path.of("target", "ops-page.png"));
    }

    @Test
    void shouldFollowACampaignCreatedPausedAndExhaustedWhileThePageIsOpen() throws Exception
    {
        browser.consoleErrors();
        browser.open(url("/ops"));
        if (!browser.shown("dashboard"))
        {
            browser.signIn(TOKEN);
        }
        browser.awaitShown("dashboard");
        browser.awaitFigure(campaign(BOCOM, ".campaign-remaining"), "a budget", remaining -> remaining > 0);

        assertThat(post("/v1/campaigns", liveCampaign("OPS-LIVE", 2_000)).statusCode()).isEqualTo(200);
        browser.awaitCampaignStatus("OPS-LIVE", "ACTIVE");
        assertThat(browser.text(campaign("OPS-LIVE", ".campaign-funder"))).contains("Ops Test Bank");
        assertThat(browser.text(campaign("OPS-LIVE", ".campaign-status"))).isEqualTo("running");
        assertThat(browser.value(campaign("OPS-LIVE", ".campaign-remaining"))).isEqualTo("2000");

        post("/v1/campaigns/OPS-LIVE/pause", "");
        browser.awaitCampaignStatus("OPS-LIVE", "PAUSED");
        assertThat(browser.text(campaign("OPS-LIVE", ".campaign-status"))).isEqualTo("paused");
        post("/v1/campaigns/OPS-LIVE/resume", "");
        browser.awaitCampaignStatus("OPS-LIVE", "ACTIVE");

        assertThat(discountOf(authorize("LIVE-1", 3, 5_000))).isEqualTo(1_000);
        assertThat(discountOf(authorize("LIVE-2", 7, 5_000))).isEqualTo(1_000);
        browser.awaitCampaignStatus("OPS-LIVE", "EXHAUSTED");
        assertThat(browser.text(campaign("OPS-LIVE", ".campaign-status"))).isEqualTo("exhausted");
        assertThat(browser.value(campaign("OPS-LIVE", ".campaign-remaining"))).isEqualTo("0");
        assertThat(browser.value(campaign("OPS-LIVE", ".campaign-redemptions"))).isEqualTo("2");

        browser.reload();
        browser.awaitShown("dashboard");
        browser.signOut();
        browser.awaitShown("signin-form");
        assertThat(browser.sessionStorage("payswitch.ops.token")).isNull();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /**
     * Authorizations one after another, every card at least once, until {@code rateShown}: 120.00 on a
     * BOCOM card (10.00 off from its campaign, once per card), 30.00 on the others (which may draw a
     * red envelope); returns what BOCOM granted.
     */
    private long authorizeUntil(final AtomicBoolean rateShown)
    {
        long discounts = 0;
        try
        {
            for (int request = 0; request < CARDS || !rateShown.get(); request++)
            {
                final int card = request % CARDS;
                final String answer = authorize("LOAD-" + request, card, card % 4 == 0 ? 12_000 : 3_000);
                discounts += answer.contains("\"campaignId\":\"" + BOCOM + "\"") ? discountOf(answer) : 0;
            }
        }
        catch (final Exception e)
        {
            throw new IllegalStateException(e);
        }
        return discounts;
    }

    private String authorize(final String orderId, final int card, final long amount) throws Exception
    {
        pansSent.add(DemoData.panText(card));
        final HttpResponse<String> answer = post("/v1/authorizations", "{\"merchantId\":\"" + DemoData.merchantId(1) +
            "\",\"orderId\":\"" + orderId + "\",\"pan\":\"" + DemoData.panText(card) +
            "\",\"expiry\":\"3012\",\"amount\":" + amount + ",\"currency\":\"CNY\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static long discountOf(final String answer)
    {
        final Matcher discount = DISCOUNT.matcher(answer);
        return discount.find() ? Long.parseLong(discount.group(1)) : 0;
    }

    /** A campaign for BIN 518888 (no demo campaign has it): 1 000 off from 1 000, budget {@code budget}. */
    private static String liveCampaign(final String id, final long budget)
    {
        return "{\"campaignId\":\"" + id + "\",\"funder\":\"Ops Test Bank\",\"binPrefixes\":[\"518888\"]," +
            "\"mccs\":[],\"merchantIds\":[],\"currency\":\"CNY\",\"startsAt\":\"2026-01-01T00:00:00+08:00\"," +
            "\"endsAt\":\"2030-12-31T23:59:59+08:00\",\"minAmount\":1000,\"discount\":{\"type\":\"FIXED\"," +
            "\"amount\":1000},\"perCardLimit\":null,\"perCardDailyLimit\":null,\"perCardMonthlyLimit\":null," +
            "\"budget\":" + budget + ",\"dailyBudget\":null,\"maxRedemptions\":null,\"dailyMaxRedemptions\":null," +
            "\"onReversal\":\"RESTORE\"}";
    }

    /** Every answer /metrics counts (its own read included). */
    private static long metricsTotal() throws Exception
    {
        return metric("payswitch_requests_total");
    }

    /** The value of one sample line of /metrics, named with its labels exactly. */
    private static long metric(final String series) throws Exception
    {
        for (final String line : get("/metrics").split("\n"))
        {
            if (line.startsWith(series + " "))
            {
                return Long.parseLong(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError(series + " is not in /metrics");
    }

    private static String url(final String path)
    {
        return "http://127.0.0.1:" + gateway.httpPort() + path;
    }

    private static String get(final String path) throws Exception
    {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(final String path, final String body) throws Exception
    {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
