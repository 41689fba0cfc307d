package org.payswitch.tools;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.JournalDamage;
import org.payswitch.core.testing.SwitchConfigs;
import org.payswitch.gateway.SwitchGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reconcile} against real switches over HTTP: switch A and switch B start from the same demo
 * data and take the same authorizations and captures, but only A reverses four of them (three discounted,
 * their RESTORE campaigns giving the discount back) and refunds part of one. A's own folder matches A,
 * also while checkout traffic
 * keeps changing the figures during the run (authorizations and reversals of RED-ENVELOPE cards,
 * so the other campaigns' figures stay those of the setup); B's journal against A is a planted difference, listed
 * figure by figure; a refused token, nobody listening, a folder without a journal and a damaged
 * journal exit 2, in one line.
 */
class ReconcileIT
{
    private static final int DEMO_CARDS = 1_000;
    private static final int CARDS = 12;
    private static final int REVERSED = 4;
    /** The demo card whose hold both switches capture for 100.00. */
    private static final int CAPTURED_IN_PART = 4;
    /** The demo card whose hold both switches capture in full; only A refunds 50.00 of it. */
    private static final int REFUNDED = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path folder;

    private static SwitchGateway a;
    private static SwitchGateway b;
    private static Path tokenFile;

    @BeforeAll
    static void start() throws Exception
    {
        a = SwitchGateway.start(SwitchConfigs.forTest(folder.resolve("a").resolve("data"), DEMO_CARDS));
        b = SwitchGateway.start(SwitchConfigs.forTest(folder.resolve("b").resolve("data"), DEMO_CARDS));
        tokenFile = Files.writeString(folder.resolve("token"), "demo-admin-token\n");
        for (int card = 0; card < CARDS; card++)
        {
            final String order = "ORDER" + card;
            final String transaction = authorize(a, card, order);
            final String onB = authorize(b, card, order);
            if (card < REVERSED)
            {
                assertThat(post(a, "/v1/authorizations/" + transaction + "/reversal", "").path("responseCode").asText())
                    .isEqualTo("00");
            }
            else if (card == CAPTURED_IN_PART || card == REFUNDED)
            {
                for (final SwitchGateway gateway : List.of(a, b))
                {
                    final String id = gateway == a ? transaction : onB;
                    final String capture = card == REFUNDED ? "{}" : "{\"amount\":10000}";
                    assertThat(post(gateway, "/v1/authorizations/" + id + "/capture", capture).path("responseCode")
                        .asText()).isEqualTo("00");
                }
            }
            if (card == REFUNDED)
            {
                assertThat(post(a, "/v1/authorizations/" + transaction + "/refunds",
                    "{\"refundId\":\"R1\",\"amount\":5000}").path("responseCode").asText()).isEqualTo("00");
            }
        }
    }

    @AfterAll
    static void stop()
    {
        a.close();
        b.close();
    }

    @Test
    void shouldMatchTheSwitchsOwnFolder()
    {
        final Run run = reconcile(dataDir(a), url(a), tokenFile);

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("/v1/campaigns: 9 figures match", "/v1/reports/discounts: 24 figures match",
                "/v1/reports/transactions: 60 figures match")
            .endsWith("match\n");
    }

    @Test
    void shouldMatchWhileCheckoutTrafficChangesTheFiguresDuringTheRun() throws Exception
    {
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger pairs = new AtomicInteger();
        final CountDownLatch flowing = new CountDownLatch(20);
        final Thread traffic = new Thread(() ->
        {
            for (int n = 0; running.get(); n++)
            {
                try
                {
                    final String transaction = authorize(a, 100 + (n % 200) * 4 + 2, "BUSY" + n);
                    post(a, "/v1/authorizations/" + transaction + "/reversal", "");
                    pairs.incrementAndGet();
                    flowing.countDown();
                }
                catch (final IOException | InterruptedException e)
                {
                    return;
                }
            }
        });
        traffic.start();
        try
        {
            assertThat(flowing.await(1, TimeUnit.MINUTES)).as("traffic flowing before the first run").isTrue();
            for (int round = 0; round < 5; round++)
            {
                final int before = pairs.get();
                final Run run = reconcile(dataDir(a), url(a), tokenFile);

                assertThat(run.status()).as(run.out() + run.err()).isZero();
                assertThat(pairs.get()).as("traffic during the run").isGreaterThan(before);
            }
        }
        finally
        {
            running.set(false);
            traffic.join();
        }
    }

    @Test
    void shouldListEveryDifferenceOfAnotherSwitchsJournal()
    {
        final Run run = reconcile(dataDir(b), url(a), tokenFile);

        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains(
            "/v1/campaigns campaign SINGLES-DAY-BOCOM redemptions: journal 3, switch 2\n",
            "/v1/campaigns campaign SINGLES-DAY-BOCOM discountGranted: journal 3000, switch 2000\n",
            "/v1/campaigns campaign SINGLES-DAY-BOCOM remainingBudget: journal 599997000, switch 599998000\n",
            "/v1/reports/discounts campaign SINGLES-DAY-BOCOM redemptionsRestored: journal 0, switch 1\n",
            "/v1/reports/discounts campaign QISHANG-PERCENT redemptionsRestored: journal 0, switch 1\n",
            "/v1/reports/discounts funder 'Demo Bank of Communications' discountOwed: journal 3000, switch 2000\n",
            "/v1/reports/transactions merchant M00000000000000 CNY refunds: journal 0, switch 1\n",
            "/v1/reports/transactions merchant M00000000000000 CNY refundedAmount: journal 0, switch 5000\n");
        for (int card = 0; card < REVERSED; card++)
        {
            assertThat(run.out()).as("the checkout traffic test may have reversed more on A")
                .containsPattern("/v1/reports/transactions merchant M0000000000000" + card +
                    " CNY reversals: journal 0, switch [1-9][0-9]*\n");
        }
        assertThat(run.out()).doesNotContain("captures:", "capturedAmount:");
        assertThat(run.out().lines().filter(line -> line.contains(": journal ")).count())
            .isEqualTo(Long.parseLong(run.out().lines().reduce((x, y) -> y).orElseThrow().split(" ")[0]));
    }

    @Test
    void shouldExitTwoWhenTheSwitchRefusesTheToken() throws IOException
    {
        final Path wrong = Files.writeString(folder.resolve("wrong-token"), "not-the-token\n");

        final Run run = reconcile(dataDir(a), url(a), wrong);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("reconcile: the switch at " + url(a) +
            " refused the operator token (HTTP 401)\n");
    }

    @Test
    void shouldExitTwoWhenNoSwitchListens() throws IOException
    {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }

        final Run run = reconcile(dataDir(a), "http://127.0.0.1:" + closedPort, tokenFile);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("reconcile: cannot reach the switch at http://127.0.0.1:" + closedPort + ": ")
            .hasLineCount(1).doesNotContain("\tat ");
    }

    @Test
    void shouldExitTwoForAFolderWithoutAJournal() throws IOException
    {
        final Path foreign = Files.createDirectories(folder.resolve("foreign").resolve("journal"));
        Files.writeString(foreign.resolve("notes.txt"), "not a journal\n");

        final Run run = reconcile(foreign.getParent(), url(a), tokenFile);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("reconcile: " + foreign + " is not a journal: it has no metadata.cq4t\n");
    }

    @Test
    void shouldExitTwoInOneLineForADamagedJournal() throws IOException
    {
        final Path damaged = folder.resolve("damaged").resolve("data");
        SmallJournal.writeInto(damaged);
        final Path file = JournalDamage.queueFile(damaged.resolve("journal"));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(new byte[] {'X'}), JournalDamage.find(file, "O2"));
        }

        final Run run = reconcile(damaged, url(a), tokenFile);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("reconcile: journal record ").contains(" in " + file)
            .contains("fails its CRC-32C checksum").doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void shouldHelp()
    {
        final Run run = run("reconcile", "--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--data-dir", "--url", "--token-file", "--hold-expiry",
            "payswitch_journal_position", "process started");
    }

    private static Run reconcile(final Path dataDir, final String url, final Path token)
    {
        return run("reconcile", "--data-dir", dataDir.toString(), "--url", url, "--token-file", token.toString());
    }

    private static Run run(final String... args)
    {
        final ToolsRun tools = new ToolsRun();
        final int status = tools.run(args);
        return new Run(status, tools.out(), tools.err());
    }

    private record Run(int status, String out, String err)
    {
    }

    private static Path dataDir(final SwitchGateway gateway)
    {
        return gateway == a ? folder.resolve("a").resolve("data") : folder.resolve("b").resolve("data");
    }

    private static String url(final SwitchGateway gateway)
    {
        return "http://127.0.0.1:" + gateway.httpPort();
    }

    /** An approved authorization of 200.00 on demo card {@code card} at a demo merchant; its transaction id. */
    private static String authorize(final SwitchGateway gateway, final int card, final String order)
        throws IOException, InterruptedException
    {
        final JsonNode answer = post(gateway, "/v1/authorizations", "{\"merchantId\":\"M" +
            String.format("%014d", card % 5) + "\",\"orderId\":\"" + order + "\",\"pan\":\"" + DemoData.panText(card) +
            "\",\"expiry\":\"3012\",\"amount\":20000,\"currency\":\"CNY\"}");
        assertThat(answer.path("responseCode").asText()).as(answer.toString()).isEqualTo("00");
        return answer.path("transactionId").asText();
    }

    private static JsonNode post(final SwitchGateway gateway, final String path, final String body)
        throws IOException, InterruptedException
    {
        final HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url(gateway) + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(answer.body());
    }
}
