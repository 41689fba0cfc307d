package org.payswitch.tools.operator;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.testing.SwitchConfigs;
import org.payswitch.gateway.SwitchGateway;
import org.payswitch.tools.ToolsRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate cards}, {@code import cards} and {@code import campaigns} against a real switch
 * over HTTP: files with good and bad lines, the good applied (asked back from the switch), each
 * bad one named by its line and reason, no full PAN printed, and the runs the switch refuses
 * (wrong token, nobody listening) stopped with exit status 2.
 */
class OperatorImportIT
{
    private static final int DEMO_CARDS = 10;
    private static final int FIRST = 1_000;
    private static final int GOOD = 200;

    @TempDir
    static Path folder;

    private static SwitchGateway gateway;
    private static Path tokenFile;
    private static OperatorClient client;

    @BeforeAll
    static void start() throws Exception
    {
        gateway = SwitchGateway.start(SwitchConfigs.forTest(folder.resolve("data"), DEMO_CARDS));
        tokenFile = Files.writeString(folder.resolve("token"), "demo-admin-token\n");
        client = new OperatorClient(URI.create(url()), OperatorToken.read(tokenFile, null));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    private static String url()
    {
        return "http://127.0.0.1:" + gateway.httpPort();
    }

    /** The tools program run with {@code args}: exit status, standard output and standard error. */
    private static Run run(final String... args)
    {
        final ToolsRun tools = new ToolsRun();
        final int status = tools.run(args);
        return new Run(status, tools.out(), tools.err());
    }

    private record Run(int status, String out, String err)
    {
    }

    private static int lookup(final String pan) throws Exception
    {
        return client.post("/v1/cards/lookup", "{\"pan\":\"" + pan + "\"}").status();
    }

    @Test
    void shouldApplyTheGoodLinesOfAGeneratedCardFileAndNameEachBadOne() throws Exception
    {
        final Path generated = folder.resolve("generated.csv");
        assertThat(run("generate", "cards", Integer.toString(GOOD), "--first", Integer.toString(FIRST),
            "--out", generated.toString()).status()).isZero();
        final List<String> lines = new ArrayList<>(Files.readAllLines(generated, StandardCharsets.US_ASCII));
        assertThat(lines).hasSize(GOOD + 1).first().isEqualTo(CardCsv.HEADER);
        final String luhnBad = luhnBroken(DemoData.panText(5_000));
        final String blockedStatus = DemoData.panText(5_001);
        lines.add(51, DemoData.panText(5_002) + ",3012,ACTIVE,CNY,5000000");
        lines.add(61, luhnBad + ",3012,ACTIVE,CNY,5000000,,");
        lines.add(71, blockedStatus + ",3012,MISSING,CNY,5000000,,");
        lines.add(81, DemoData.panText(5_003) + ",3012,ACTIVE,CNY,50000.00,,");
        lines.add(91, "");
        lines.add(DemoData.panText(FIRST) + ",3012,BLOCKED,CNY,1,,");
        final Path file = Files.write(folder.resolve("cards.csv"), lines, StandardCharsets.US_ASCII);

        final Run run = run("import", "cards", file.toString(), "--url", url(), "--token-file", tokenFile.toString());

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines().toList()).containsExactly(
            "line 52: expected 7 columns (" + CardCsv.HEADER + "), found 5",
            "line 62: pan: fails the Luhn check",
            "line 72: status: ACTIVE, BLOCKED, LOST or STOLEN",
            "line 82: creditLimit: not a whole number of minor units",
            "line " + lines.size() + ": the same PAN as line 2 (a card once a file)",
            run.out().lines().toList().get(5));
        assertThat(run.out().lines().toList().get(5))
            .matches("200 of 205 cards applied in [0-9.]+ s \\([0-9 ]+/s\\); 5 lines failed");
        for (int i = FIRST; i < FIRST + GOOD; i++)
        {
            assertThat(lookup(DemoData.panText(i))).as("card %d", i).isEqualTo(200);
        }
        assertThat(lookup(blockedStatus)).isEqualTo(404);
        assertThat(lookup(DemoData.panText(5_002))).isEqualTo(404);
        assertThat(lookup(DemoData.panText(5_003))).isEqualTo(404);
        assertThat(run.out() + run.err()).doesNotContain(luhnBad, blockedStatus, DemoData.panText(FIRST));
    }

    @Test
    void shouldStopAtOnceWhenTheSwitchRefusesTheToken() throws Exception
    {
        final Path wrongToken = Files.writeString(folder.resolve("wrong-token"), "not-the-token\n");
        final Path file = Files.writeString(folder.resolve("refused.csv"),
            CardCsv.HEADER + "\n" + CardCsv.row(DemoData.panText(7_000), 3012, "ACTIVE", "CNY", 100) + "\n");

        final Run run = run("import", "cards", file.toString(), "--url", url(), "--token-file", wrongToken.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("line 2: not applied: the operator token was refused",
            "stopped before the end of the file: the switch refused the operator token (HTTP 401)");
        assertThat(lookup(DemoData.panText(7_000))).isEqualTo(404);
    }

    @Test
    void shouldStopWhenNoSwitchListens() throws Exception
    {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }
        final Path file = Files.writeString(folder.resolve("nobody.csv"),
            CardCsv.HEADER + "\n" + CardCsv.row(DemoData.panText(7_001), 3012, "ACTIVE", "CNY", 100) + "\n");

        final Run run = run("import", "cards", file.toString(), "--url", "http://127.0.0.1:" + closedPort,
            "--token-file", tokenFile.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("stopped before the end of the file: cannot reach the switch: connection refused");
    }

    @Test
    void shouldSendNothingFromAFileWithoutTheHeader() throws Exception
    {
        final Path file = Files.writeString(folder.resolve("headless.csv"),
            CardCsv.row(DemoData.panText(7_002), 3012, "ACTIVE", "CNY", 100) + "\n");

        final Run run = run("import", "cards", file.toString(), "--url", url(), "--token-file", tokenFile.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("the first line must be the header " + CardCsv.HEADER);
        assertThat(lookup(DemoData.panText(7_002))).isEqualTo(404);
    }

    @Test
    void shouldSayWhichFileCannotBeRead()
    {
        final Path missing = folder.resolve("no-such.csv");

        final Run run = run("import", "cards", missing.toString(), "--url", url(), "--token-file", tokenFile.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("import cards: cannot read " + missing + ": no such readable file" +
            System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldCreateTheGoodCampaignsInOrderAndNameEachBadOne() throws Exception
    {
        final Path file = Files.writeString(folder.resolve("campaigns.json"), "[\n" +
            campaign("IMPORT-A", "622260") + ",\n" +
            campaign("IMPORT-B", "62226") + ",\n" +
            "42,\n" +
            campaign("IMPORT-C", "623199") + "\n]\n");

        final Run first = run("import", "campaigns", file.toString(), "--url", url(), "--token-file", tokenFile.toString());

        assertThat(first.status()).as(first.err()).isEqualTo(1);
        assertThat(first.out().lines().toList()).hasSize(3);
        assertThat(first.out().lines().toList().get(0)).startsWith("line 3: campaign IMPORT-B: binPrefixes");
        assertThat(first.out().lines().toList().get(1)).isEqualTo("line 4: not a campaign object");
        assertThat(first.out().lines().toList().get(2)).startsWith("2 of 4 campaigns applied in ");
        assertThat(client.get("/v1/campaigns/IMPORT-A").status()).isEqualTo(200);
        assertThat(client.get("/v1/campaigns/IMPORT-B").status()).isEqualTo(404);
        assertThat(client.get("/v1/campaigns/IMPORT-C").status()).isEqualTo(200);

        final Run again = run("import", "campaigns", file.toString(), "--url", url(), "--token-file", tokenFile.toString());

        assertThat(again.status()).isEqualTo(1);
        assertThat(again.out()).contains("line 2: campaign IMPORT-A: campaignId: a campaign with this id exists",
            "line 5: campaign IMPORT-C: campaignId: a campaign with this id exists", "0 of 4 campaigns applied");
    }

    @Test
    void shouldStopAtMalformedJsonAfterCreatingWhatCameBefore() throws Exception
    {
        final Path file = Files.writeString(folder.resolve("broken.json"), "[\n" +
            campaign("IMPORT-D", "436742") + ",\n" +
            "{\"campaignId\": ]\n");

        final Run run = run("import", "campaigns", file.toString(), "--url", url(), "--token-file", tokenFile.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("1 of 1 campaigns applied", "stopped before the end of the file: " + file +
            " line 3: malformed JSON");
        assertThat(client.get("/v1/campaigns/IMPORT-D").status()).isEqualTo(200);
    }

    private static String campaign(final String id, final String bin)
    {
        return "{\"campaignId\":\"" + id + "\",\"funder\":\"Import Bank\",\"binPrefixes\":[\"" + bin + "\"]," +
            "\"mccs\":[],\"merchantIds\":[],\"currency\":\"CNY\",\"startsAt\":\"2026-11-11T00:00:00+08:00\"," +
            "\"endsAt\":\"2026-11-11T23:59:59+08:00\",\"minAmount\":10000,\"discount\":{\"type\":\"FIXED\",\"amount\":1000}," +
            "\"perCardLimit\":1,\"perCardDailyLimit\":null,\"perCardMonthlyLimit\":null,\"budget\":600000," +
            "\"dailyBudget\":null,\"maxRedemptions\":null,\"dailyMaxRedemptions\":null,\"onReversal\":\"RESTORE\"}";
    }

    /** The PAN with its check digit changed, so it fails the Luhn check. */
    private static String luhnBroken(final String pan)
    {
        final char last = pan.charAt(pan.length() - 1);
        final String broken = pan.substring(0, pan.length() - 1) + (char)('0' + (last - '0' + 1) % 10);
        assertThat(Pan.isLuhnValid(Pan.parse(broken), broken.length())).isFalse();
        return broken;
    }
}
