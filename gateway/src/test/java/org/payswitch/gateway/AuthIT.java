package org.payswitch.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.demo.DemoData;
import org.payswitch.gateway.iso.IsoMacs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 10 against the real switch with credentials configured: checkout calls
 * without a key, with another merchant's key, on another merchant's transaction; ISO 8583 messages
 * from an unknown acquirer, for a merchant outside the acquirer's scope, a bare reversal of
 * another acquirer's order; the demo admin token; and a start off loopback without credentials.
 */
class AuthIT
{
    private static final String SHOP_1_KEY = "psk_c2hvcC0xLWtleS1mb3ItdGhlLXN5c3RlbS10ZXN0cy0x";
    private static final String SHOP_2_KEY = "psk_c2hvcC0yLWtleS1mb3ItdGhlLXN5c3RlbS10ZXN0cy0y";
    private static final String ADMIN_TOKEN = "d8Fh2kLq9ZxW3vBn7TpR5mYc";
    private static final String MERCHANT_1 = DemoData.merchantId(1);
    private static final String MERCHANT_2 = DemoData.merchantId(2);
    private static final byte[] MAC_KEY = HexFormat.of().parseHex("8f3a1c5e7b9d2f4a6c8e0b1d3f5a7c9e2b4d6f8a0c1e3a5c7e9b0d2f4a6c8e1b");

    @TempDir
    static Path folder;

    private static SwitchGateway gateway;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception
    {
        final Path keys = Files.writeString(folder.resolve("api-keys.properties"),
            "key.shop-1.sha256=" + sha256(SHOP_1_KEY) + "\nkey.shop-1.merchants=" + MERCHANT_1 + "\n" +
            "key.shop-2.sha256=" + sha256(SHOP_2_KEY) + "\nkey.shop-2.merchants=" + MERCHANT_2 + "\n");
        final Path acquirers = Files.writeString(folder.resolve("acquirers.properties"),
            "acquirer.12345.merchants=" + MERCHANT_1 + "\n" +
            "acquirer.67890.merchants=" + MERCHANT_2 + "\n" +
            "acquirer.24680.terminals=TERM0009\n" +
            "acquirer.55555.merchants=*\nacquirer.55555.client-subject=CN=acquirer-5,O=Demo Acquirer\n");
        final Path macKey = Files.writeString(folder.resolve("acquirer-13579.mac"), HexFormat.of().formatHex(MAC_KEY));
        Files.writeString(acquirers, "acquirer.13579.merchants=" + MERCHANT_1 + "\nacquirer.13579.mac-key-file=" +
            macKey + "\n", java.nio.file.StandardOpenOption.APPEND);
        final Path token = Files.writeString(folder.resolve("admin-token"), ADMIN_TOKEN + "\n");
        final Map<String, String> values = SwitchConfig.defaults();
        values.putAll(Map.of("data-dir", folder.resolve("data").toString(), "http-port", "0", "iso-port", "0",
            "demo-cards", "400", "ring-size", "1024", "max-queue-delay", "PT30S",
            "api-keys-file", keys.toString(), "acquirers-file", acquirers.toString(),
            "admin-token-file", token.toString()));
        gateway = SwitchGateway.start(SwitchConfig.from(values));
    }

    @AfterAll
    static void stop()
    {
        gateway.stop();
    }

    private static String sha256(final String key) throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(key.getBytes(StandardCharsets.US_ASCII)));
    }

    private static HttpResponse<String> send(final String method, final String path, final String body,
        final String authorization) throws Exception
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + gateway.httpPort() + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null)
        {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(final String key)
    {
        return "Bearer " + key;
    }

    private static String authorization(final String merchantId, final String orderId, final int card)
    {
        return "{\"merchantId\":\"" + merchantId + "\",\"orderId\":\"" + orderId + "\",\"pan\":\"" +
            DemoData.panText(card) + "\",\"expiry\":\"3012\",\"amount\":12000,\"currency\":\"CNY\"}";
    }

    @Test
    void shouldAnswer401ToEveryCheckoutCallWithoutAConfiguredKey() throws Exception
    {
        for (final String header : new String[] {null, bearer("psk_guessed"), "Basic " + SHOP_1_KEY,
            bearer(ADMIN_TOKEN), bearer(SHOP_1_KEY.toUpperCase())})
        {
            final HttpResponse<String> authorize = send("POST", "/v1/authorizations",
                authorization(MERCHANT_1, "NOKEY1", 3), header);
            assertThat(authorize.statusCode()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(authorize.body()).isEqualTo(
                "{\"error\":\"checkout endpoints need an API key: Authorization: Bearer <key>\"}");
            assertThat(authorize.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"payment-switch\"");
            assertThat(send("GET", "/v1/transactions/1", null, header).statusCode()).isEqualTo(401);
            assertThat(send("GET", "/v1/transactions?merchantId=" + MERCHANT_1 + "&orderId=NOKEY1", null, header)
                .statusCode()).isEqualTo(401);
            assertThat(send("POST", "/v1/authorizations/1/capture", "{}", header).statusCode()).isEqualTo(401);
            assertThat(send("POST", "/v1/authorizations/1/reversal", null, header).statusCode()).isEqualTo(401);
            assertThat(send("POST", "/v1/authorizations/1/refunds", "{\"refundId\":\"R1\",\"amount\":1}", header)
                .statusCode()).isEqualTo(401);
        }
        assertThat(send("GET", "/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldKeepEachKeyToItsOwnMerchantsTransactions() throws Exception
    {
        final HttpResponse<String> approved = send("POST", "/v1/authorizations",
            authorization(MERCHANT_1, "SCOPE1", 5), bearer(SHOP_1_KEY));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.body()).contains("\"responseCode\":\"00\"");
        final String id = Json.text(approved.body(), "transactionId");

        final HttpResponse<String> forOther = send("POST", "/v1/authorizations",
            authorization(MERCHANT_1, "SCOPE2", 6), bearer(SHOP_2_KEY));
        assertThat(forOther.statusCode()).isEqualTo(403);
        assertThat(forOther.body()).contains("\"field\":\"merchantId\"");
        final String unknown = send("GET", "/v1/transactions/999999", null, bearer(SHOP_2_KEY)).body();
        assertThat(unknown).isEqualTo("{\"responseCode\":\"25\"}");
        for (final String[] attack : new String[][] {
            {"GET", "/v1/transactions/" + id, null},
            {"GET", "/v1/transactions?merchantId=" + MERCHANT_1 + "&orderId=SCOPE1", null},
            {"GET", "/v1/transactions?merchantId=" + MERCHANT_1 + "&orderId=SCOPE2", null},
            {"POST", "/v1/authorizations/" + id + "/capture", "{\"amount\":100}"},
            {"POST", "/v1/authorizations/" + id + "/reversal", null},
            {"POST", "/v1/authorizations/" + id + "/refunds", "{\"refundId\":\"R1\",\"amount\":100}"}})
        {
            final HttpResponse<String> answer = send(attack[0], attack[1], attack[2], bearer(SHOP_2_KEY));
            assertThat(answer.statusCode()).as(attack[1]).isEqualTo(404);
            assertThat(answer.body()).as(attack[1]).isEqualTo(unknown);
        }

        final HttpResponse<String> own = send("GET", "/v1/transactions/" + id, null, bearer(SHOP_1_KEY));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"status\":\"AUTHORIZED\"", "\"capturedAmount\":0");
        assertThat(send("POST", "/v1/authorizations/" + id + "/capture", "{}", bearer(SHOP_1_KEY)).body())
            .contains("\"status\":\"CAPTURED\"");
    }

    @Test
    void shouldServeOperatorsOnlyTheTokenFromItsFile() throws Exception
    {
        assertThat(send("GET", "/v1/campaigns", null, "Bearer demo-admin-token").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/campaigns", null, bearer(ADMIN_TOKEN.substring(1))).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/campaigns", null, bearer(SHOP_1_KEY)).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/campaigns", null, bearer(ADMIN_TOKEN)).statusCode()).isEqualTo(200);
    }

    private static PostChannel connect() throws IOException
    {
        final PostChannel channel = new PostChannel("127.0.0.1", gateway.isoPort(), new ISO87BPackager());
        channel.setTimeout(30_000);
        channel.connect();
        return channel;
    }

    private static ISOMsg iso(final String mti, final String acquirer, final String merchantId, final String rrn,
        final int stan) throws ISOException
    {
        final ISOMsg msg = new ISOMsg(mti);
        msg.set(2, DemoData.panText(20 + stan % 100));
        msg.set(3, "000000");
        msg.set(4, "000000012000");
        msg.set(7, "1111000000");
        msg.set(11, String.format("%06d", stan));
        msg.set(12, "000000");
        msg.set(13, "1111");
        msg.set(14, "3012");
        if (acquirer != null)
        {
            msg.set(32, acquirer);
        }
        msg.set(37, rrn);
        msg.set(41, "TERM0001");
        msg.set(42, merchantId);
        msg.set(49, "156");
        return msg;
    }

    private static String answer(final PostChannel channel, final ISOMsg request) throws Exception
    {
        channel.send(request);
        final ISOMsg answer = channel.receive();
        assertThat(answer.getString(11)).isEqualTo(request.getString(11));
        return answer.getString(39);
    }

    @Test
    void shouldServeOnlyConfiguredAcquirersWithinTheirScope() throws Exception
    {
        final PostChannel channel = connect();
        try
        {
            assertThat(answer(channel, iso("0100", "12345", MERCHANT_1, "ACQ000000001", 101))).isEqualTo("00");
            assertThat(answer(channel, iso("0100", "99999", MERCHANT_1, "ACQ000000002", 102))).isEqualTo("05");
            assertThat(answer(channel, iso("0100", "012345", MERCHANT_1, "ACQ000000003", 103))).isEqualTo("05");
            assertThat(answer(channel, iso("0100", null, MERCHANT_1, "ACQ000000004", 104))).isEqualTo("05");
            assertThat(answer(channel, iso("0100", "67890", MERCHANT_1, "ACQ000000005", 105))).isEqualTo("03");
            assertThat(answer(channel, iso("0100", "24680", MERCHANT_1, "ACQ000000006", 106))).isEqualTo("03");
            assertThat(answer(channel, iso("0100", "55555", MERCHANT_1, "ACQ000000007", 107)))
                .as("an acquirer bound to a client certificate, over plaintext").isEqualTo("05");

            final ISOMsg bareReversal = new ISOMsg("0400");
            bareReversal.set(11, "000108");
            bareReversal.set(32, "67890");
            bareReversal.set(37, "ACQ000000001");
            bareReversal.set(42, MERCHANT_1);
            assertThat(answer(channel, bareReversal)).isEqualTo("25");
            assertThat(answer(channel, iso("0420", "67890", MERCHANT_1, "ACQ000000001", 109))).isEqualTo("25");
            assertThat(answer(channel, iso("0220", "67890", MERCHANT_1, "ACQ000000001", 110))).isEqualTo("25");
            assertThat(send("GET", "/v1/transactions?merchantId=" + MERCHANT_1 + "&orderId=ACQ000000001", null,
                bearer(SHOP_1_KEY)).body()).contains("\"status\":\"AUTHORIZED\"");

            assertThat(answer(channel, iso("0400", "12345", MERCHANT_1, "ACQ000000001", 111))).isEqualTo("00");
        }
        finally
        {
            channel.disconnect();
        }
    }

    @Test
    void shouldServeAnAcquirerWithAMacKeyOnlyMessagesCarryingItsMac() throws Exception
    {
        final PostChannel channel = connect();
        try
        {
            assertThat(answer(channel, IsoMacs.sign(iso("0100", "13579", MERCHANT_1, "MAC000000001", 201), MAC_KEY)))
                .isEqualTo("00");
            assertThat(answer(channel, iso("0100", "13579", MERCHANT_1, "MAC000000002", 202))).isEqualTo("05");
            final ISOMsg altered = IsoMacs.sign(iso("0100", "13579", MERCHANT_1, "MAC000000003", 203), MAC_KEY);
            altered.set(4, "000000000001");
            assertThat(answer(channel, altered)).isEqualTo("05");
            final ISOMsg otherKey = iso("0400", "13579", MERCHANT_1, "MAC000000001", 204);
            assertThat(answer(channel, IsoMacs.sign(otherKey, new byte[32]))).isEqualTo("05");
            assertThat(send("GET", "/v1/transactions?merchantId=" + MERCHANT_1 + "&orderId=MAC000000001", null,
                bearer(SHOP_1_KEY)).body()).contains("\"status\":\"AUTHORIZED\"");
        }
        finally
        {
            channel.disconnect();
        }
    }

    @Test
    void shouldRefuseToStartOffLoopbackWithTheDemoTokenNamingTheSetting() throws Exception
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final Process process = new ProcessBuilder(java, "-jar", Path.of("target", "payment-switch.jar").toString(),
            "--bind", "0.0.0.0", "--data-dir", folder.resolve("refused").toString(), "--demo-cards", "0")
            .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("payment-switch: admin-token: the demo token is refused when bind is 0.0.0.0");
        assertThat(folder.resolve("refused")).doesNotExist();
    }
}
