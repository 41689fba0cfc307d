package org.payswitch.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of docs/api.md section 3 over a real socket, with its status codes and error bodies. */
class HttpApiIT
{
    private static final String ADMIN = "Bearer demo-admin-token";

    @TempDir(factory = DataFolderFactory.class)
    static Path dataDir;

    private static SwitchGateway gateway;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start()
    {
        gateway = SwitchGateway.start(SwitchConfigs.forTest(dataDir, 400));
    }

    @AfterAll
    static void stop()
    {
        gateway.stop();
    }

    private static HttpResponse<String> post(final String path, final String body, final String authorization)
        throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (authorization != null)
        {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(final String path, final String body) throws Exception
    {
        return post(path, body, null);
    }

    private static HttpResponse<String> get(final String path, final String authorization) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null)
        {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + gateway.httpPort() + path);
    }

    private static String authorization(final String orderId, final int card, final String amount)
    {
        return "{\"merchantId\":\"" + DemoData.merchantId(1) + "\",\"orderId\":\"" + orderId + "\",\"pan\":\"" +
            DemoData.panText(card) + "\",\"expiry\":\"3012\",\"amount\":" + amount + ",\"currency\":\"CNY\"}";
    }

    @Test
    void shouldAuthorizeWithTheBestDiscountAndMaskThePan() throws Exception
    {
        final HttpResponse<String> answer = post("/v1/authorizations", authorization("H-DISC", 0, "12000"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"AUTHORIZED\"", "\"responseCode\":\"00\"", "\"discount\":1000",
            "\"chargedAmount\":11000", "\"campaignId\":\"SINGLES-DAY-BOCOM\"", "\"maskedPan\":\"622260******0006\"",
            "\"currency\":\"CNY\"").doesNotContain(DemoData.panText(0));
        assertThat(Json.text(answer.body(), "authCode")).matches("[0-9A-Z]{6}");
    }

    @Test
    void shouldCaptureAtOnceWhenAskedAndGiveNoDiscountWithoutACampaign() throws Exception
    {
        final HttpResponse<String> sale = post("/v1/authorizations",
            authorization("H-SALE", 3, "5000").replace("}", ",\"capture\":true,\"mcc\":\"5411\"}"));

        assertThat(sale.statusCode()).isEqualTo(200);
        assertThat(sale.body()).contains("\"status\":\"CAPTURED\"", "\"discount\":0").doesNotContain("campaignId");
    }

    @Test
    void shouldAnswerRetriesAlikeAndOtherContentUnderTheSameKeyWith409() throws Exception
    {
        final String first = post("/v1/authorizations", authorization("H-RETRY", 7, "3000")).body();
        final String second = post("/v1/authorizations", authorization("H-RETRY", 7, "3000")).body();
        final HttpResponse<String> other = post("/v1/authorizations", authorization("H-RETRY", 7, "3001"));

        assertThat(second).isEqualTo(first);
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(other.body()).isEqualTo("{\"responseCode\":\"94\"}");
    }

    @Test
    void shouldAnswerDeclinesWith200AndTheirCode() throws Exception
    {
        assertThat(post("/v1/authorizations", authorization("H-D1", 11, "0")).body()).contains("\"responseCode\":\"13\"",
            "\"status\":\"DECLINED\"");
        assertThat(post("/v1/authorizations", authorization("H-D2", 11, "1000000000000")).body())
            .contains("\"responseCode\":\"13\"");
        final String luhn = authorization("H-D3", 11, "100").replace(DemoData.panText(11),
            DemoData.panText(11).substring(0, 15) + ((DemoData.panText(11).charAt(15) - '0' + 1) % 10));
        assertThat(post("/v1/authorizations", luhn).body()).contains("\"responseCode\":\"14\"");
        assertThat(post("/v1/authorizations", authorization("H-D4", 11, "100").replace(DemoData.merchantId(1),
            "MNOBODY")).body()).contains("\"responseCode\":\"03\"");
        assertThat(post("/v1/authorizations", authorization("H-D5", 11, "100").replace("3012", "2912")).body())
            .contains("\"responseCode\":\"54\"");
        assertThat(post("/v1/authorizations", authorization("H-D6", 11, "100").replace("CNY", "USD")).body())
            .contains("\"responseCode\":\"13\"");
        final HttpResponse<String> funds = post("/v1/authorizations", authorization("H-D7", 11, "5000001"));
        assertThat(funds.statusCode()).isEqualTo(200);
        assertThat(funds.body()).contains("\"responseCode\":\"51\"");
        assertThat(get("/v1/transactions?merchantId=" + DemoData.merchantId(1) + "&orderId=H-D7", null).body())
            .as("a checkout that lost the answer learns the decision, not that the lookup found it")
            .contains("\"status\":\"DECLINED\"", "\"responseCode\":\"51\"");
    }

    @Test
    void shouldRefuseMalformedRequestsWith400NamingTheField() throws Exception
    {
        assertFormatError(authorization("H-F1", 15, "100").replace(DemoData.panText(15), "62226000000000ab"), "pan");
        assertFormatError(authorization("H-F2", 15, "\"100\""), "amount");
        assertFormatError(authorization("H-F3", 15, "12.5"), "amount");
        assertFormatError(authorization("H-F4", 15, "100").replace(",\"currency\":\"CNY\"", ""), "currency");
        assertFormatError(authorization("H F5", 15, "100"), "orderId");
        assertFormatError(authorization("H-F6", 15, "100").replace("CNY", "XYZ"), "currency");
        final HttpResponse<String> malformed = post("/v1/authorizations", "{\"merchantId\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"responseCode\":\"30\"");
        assertThat(oversizedBodyAnswer()).startsWith("HTTP/1.1 400").contains("\"responseCode\":\"30\"");
        assertThat(get("/v1/transactions?merchantId=" + DemoData.merchantId(1) + "&orderId=H-F1", null).statusCode())
            .isEqualTo(404);
    }

    /** Announces a 70 000-byte body and reads what the switch answers before any of it is sent. */
    private static String oversizedBodyAnswer() throws Exception
    {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.httpPort()))
        {
            socket.getOutputStream().write(("POST /v1/authorizations HTTP/1.1\r\nHost: localhost\r\n" +
                "Content-Type: application/json\r\nContent-Length: 70000\r\n\r\n").getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private static void assertFormatError(final String body, final String field) throws Exception
    {
        final HttpResponse<String> answer = post("/v1/authorizations", body);
        assertThat(answer.statusCode()).as(body).isEqualTo(400);
        assertThat(answer.body()).contains("\"field\":\"" + field + "\"", "\"responseCode\":\"30\"");
    }

    @Test
    void shouldCarryATransactionThroughCaptureRefundsAndQueries() throws Exception
    {
        final String id = Json.text(post("/v1/authorizations", authorization("H-LIFE", 19, "10000")).body(),
            "transactionId");

        final HttpResponse<String> capture = post("/v1/authorizations/" + id + "/capture", "{\"amount\":8000}");
        assertThat(capture.statusCode()).isEqualTo(200);
        assertThat(capture.body()).contains("\"status\":\"CAPTURED\"", "\"capturedAmount\":8000", "\"createdAt\":");
        assertThat(post("/v1/authorizations/" + id + "/capture", "{\"amount\":8000}").body())
            .contains("\"responseCode\":\"00\"", "\"capturedAmount\":8000");
        assertThat(post("/v1/authorizations/" + id + "/reversal", "").body()).contains("\"responseCode\":\"12\"");

        assertThat(post("/v1/authorizations/" + id + "/refunds", "{\"refundId\":\"R1\",\"amount\":3000}").body())
            .contains("\"refundedAmount\":3000", "\"status\":\"CAPTURED\"");
        assertThat(post("/v1/authorizations/" + id + "/refunds", "{\"refundId\":\"R1\",\"amount\":3000}").body())
            .contains("\"refundedAmount\":3000");
        assertThat(post("/v1/authorizations/" + id + "/refunds", "{\"refundId\":\"R1\",\"amount\":2000}").statusCode())
            .isEqualTo(409);
        assertThat(post("/v1/authorizations/" + id + "/refunds", "{\"refundId\":\"R2\",\"amount\":5001}").body())
            .contains("\"responseCode\":\"13\"");
        assertThat(post("/v1/authorizations/" + id + "/refunds", "{\"refundId\":\"R2\",\"amount\":5000}").body())
            .contains("\"status\":\"REFUNDED\"", "\"refundedAmount\":8000");

        final String byId = get("/v1/transactions/" + id, null).body();
        final String byKey = get("/v1/transactions?merchantId=" + DemoData.merchantId(1) + "&orderId=H-LIFE", null).body();
        assertThat(byKey).isEqualTo(byId).contains("\"orderId\":\"H-LIFE\"", "\"merchantId\":\"" +
            DemoData.merchantId(1) + "\"");
        assertThat(get("/v1/transactions/987654321", null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldReverseAHoldAndAnswer404ForUnknownTransactions() throws Exception
    {
        final String id = Json.text(post("/v1/authorizations", authorization("H-REV", 23, "10000")).body(),
            "transactionId");

        assertThat(post("/v1/authorizations/" + id + "/reversal", "").body()).contains("\"status\":\"REVERSED\"");
        assertThat(post("/v1/authorizations/" + id + "/reversal", "").body()).contains("\"responseCode\":\"00\"");
        for (final String action : new String[] {"capture", "reversal", "refunds"})
        {
            final HttpResponse<String> unknown = post("/v1/authorizations/999999/" + action,
                "{\"refundId\":\"R1\",\"amount\":1}");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("{\"responseCode\":\"25\"}");
        }
    }

    @Test
    void shouldKeepOperatorEndpointsBehindTheBearerToken() throws Exception
    {
        assertThat(get("/v1/campaigns", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/campaigns", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(post("/v1/cards", "{}", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldManageCardsWithoutEverEchoingTheFullPan() throws Exception
    {
        final String pan = "6222601234567893";
        final HttpResponse<String> created = post("/v1/cards", "{\"pan\":\"" + pan + "\",\"expiry\":\"3012\"," +
            "\"status\":\"ACTIVE\",\"currency\":\"CNY\",\"creditLimit\":50000,\"perTransactionLimit\":null," +
            "\"dailyLimit\":null}", ADMIN);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"maskedPan\":\"622260******7893\"").doesNotContain(pan);

        final String authorize = "{\"merchantId\":\"" + DemoData.merchantId(1) + "\",\"orderId\":\"H-CARD1\"," +
            "\"pan\":\"" + pan + "\",\"amount\":20000,\"currency\":\"CNY\"}";
        assertThat(post("/v1/authorizations", authorize).body()).contains("\"responseCode\":\"00\"");
        final String lookup = post("/v1/cards/lookup", "{\"pan\":\"" + pan + "\"}", ADMIN).body();
        assertThat(lookup).contains("\"available\":31000", "\"creditLimit\":50000").doesNotContain(pan);

        for (final String[] status : new String[][] {{"BLOCKED", "57"}, {"LOST", "41"}, {"STOLEN", "43"}})
        {
            assertThat(post("/v1/cards/status", "{\"pan\":\"" + pan + "\",\"status\":\"" + status[0] + "\"}", ADMIN)
                .body()).contains("\"status\":\"" + status[0] + "\"").doesNotContain(pan);
            assertThat(post("/v1/authorizations", authorize.replace("H-CARD1", "H-CARD-" + status[0])).body())
                .contains("\"responseCode\":\"" + status[1] + "\"");
        }
        final HttpResponse<String> invalid = post("/v1/cards", "{\"pan\":\"6222601234567895\",\"expiry\":\"3012\"," +
            "\"status\":\"ACTIVE\",\"currency\":\"CNY\",\"creditLimit\":1}", ADMIN);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"pan\"");
        assertThat(post("/v1/cards/lookup", "{\"pan\":\"6222601234567886\"}", ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldCreateAndDisableMerchants() throws Exception
    {
        assertThat(post("/v1/merchants", "{\"merchantId\":\"MNEWSHOP\",\"name\":\"New shop\",\"mcc\":\"5411\"," +
            "\"enabled\":true}", ADMIN).statusCode()).isEqualTo(200);
        final String authorize = authorization("H-M1", 27, "100").replace(DemoData.merchantId(1), "MNEWSHOP");
        assertThat(post("/v1/authorizations", authorize).body()).contains("\"responseCode\":\"00\"");

        post("/v1/merchants", "{\"merchantId\":\"MNEWSHOP\",\"name\":\"New shop\",\"mcc\":\"5411\",\"enabled\":false}",
            ADMIN);
        assertThat(post("/v1/authorizations", authorize.replace("H-M1", "H-M2")).body())
            .contains("\"responseCode\":\"03\"");
    }

    @Test
    void shouldRunCampaignsPauseThemAndReportWhatFundersOwe() throws Exception
    {
        final String campaign = "{\"campaignId\":\"H-CAMP\",\"funder\":\"HTTP Bank\",\"binPrefixes\":[\"518888\"]," +
            "\"mccs\":[],\"merchantIds\":[],\"currency\":\"CNY\",\"startsAt\":\"2026-01-01T00:00:00+08:00\"," +
            "\"endsAt\":\"2030-12-31T23:59:59+08:00\",\"minAmount\":1000,\"discount\":{\"type\":\"TIERED\"," +
            "\"tiers\":[{\"minAmount\":1000,\"amount\":100},{\"minAmount\":5000,\"amount\":700}]},\"perCardLimit\":null," +
            "\"perCardDailyLimit\":null,\"perCardMonthlyLimit\":null,\"budget\":100000,\"dailyBudget\":null," +
            "\"maxRedemptions\":null,\"dailyMaxRedemptions\":null,\"onReversal\":\"RESTORE\"}";
        final HttpResponse<String> created = post("/v1/campaigns", campaign, ADMIN);
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("\"status\":\"ACTIVE\"", "\"remainingBudget\":100000");
        final HttpResponse<String> invalid = post("/v1/campaigns",
            campaign.replace("H-CAMP", "H-BAD").replace("[\"518888\"]", "[\"12\"]"), ADMIN);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"field\":\"binPrefixes\"");

        assertThat(post("/v1/authorizations", authorization("H-C1", 31, "6000")).body()).contains("\"discount\":700");
        post("/v1/campaigns/H-CAMP/pause", "", ADMIN);
        assertThat(post("/v1/authorizations", authorization("H-C2", 35, "6000")).body()).contains("\"discount\":0");
        assertThat(post("/v1/campaigns/H-CAMP/resume", "", ADMIN).body()).contains("\"status\":\"ACTIVE\"");
        assertThat(post("/v1/authorizations", authorization("H-C3", 39, "2000")).body()).contains("\"discount\":100");

        assertThat(get("/v1/campaigns/H-CAMP", ADMIN).body()).contains("\"redemptions\":2", "\"discountGranted\":800",
            "\"remainingBudget\":99200", "\"type\":\"TIERED\"");
        assertThat(get("/v1/campaigns", ADMIN).body()).startsWith("[").contains("SINGLES-DAY-BOCOM", "H-CAMP");
        assertThat(get("/v1/campaigns/NOPE", ADMIN).statusCode()).isEqualTo(404);
        assertThat(get("/v1/reports/discounts", ADMIN).body()).contains("\"funder\":\"HTTP Bank\"",
            "\"discountOwed\":800");
        assertThat(get("/v1/reports/transactions", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/reports/transactions", ADMIN).body()).startsWith("{\"merchants\":[")
            .contains("{\"merchantId\":\"M00000000000001\",\"currency\":\"CNY\",\"authorizations\":");
    }

    @Test
    void shouldReportHealthAndPrometheusMetrics() throws Exception
    {
        final HttpResponse<String> health = get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        post("/v1/authorizations", authorization("H-MET", 43, "100"));

        final HttpResponse<String> metrics = get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body()).contains("payswitch_answers_total{code=\"00\"}", "payswitch_ring_occupancy",
            "payswitch_journal_position", "payswitch_campaign_remaining_budget{campaign=\"SINGLES-DAY-BOCOM\"}",
            "payswitch_latency_seconds_bucket{le=\"+Inf\"}", "payswitch_campaign_info{campaign=\"SINGLES-DAY-BOCOM\"");
        assertThat(get("/v1/nothing-here", null).statusCode()).isEqualTo(404);
    }
}
