package org.payswitch.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole switch on a data folder whose disk fills up for real (a 2 MiB tmpfs, then a ballast
 * file taking all but {@link #ROOM} bytes): once the journal cannot take the next record, that request and
 * every later one are answered 96 (HTTP 500), {@code /health} says 503 and {@code /metrics}
 * counts the failure; restarted on the same journal once the disk has room, the switch knows
 * every transaction it answered 00 and none it answered 96. Needs root to mount the tmpfs (as
 * here and in CI); switch-core's {@code JournalFailStopTest} injects the failure where mounting
 * is not allowed.
 */
class FullDiskIT
{
    /** Bytes left free by the ballast: the journal claims 256 KiB at a time, so about one more claim. */
    private static final long ROOM = 300 * 1024;

    @TempDir
    Path folder;

    private Path mount;
    private SwitchGateway gateway;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception
    {
        if (gateway != null)
        {
            gateway.stop();
        }
        if (mount != null)
        {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void shouldAnswer96AndSayItIsDownOnceTheJournalCannotBeWrittenAndKeepEveryApprovalAcrossARestart()
        throws Exception
    {
        mount = folder.resolve("small-disk");
        Files.createDirectories(mount);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()),
            "mounting a tmpfs needs root");
        final Path dataDir = mount.resolve("data");
        gateway = SwitchGateway.start(SwitchConfigs.forTest(dataDir, 100));
        final Path ballast = mount.resolve("ballast");
        fill(ballast);

        final List<Long> approved = new ArrayList<>();
        int answered500 = 0;
        int i = 0;
        while (answered500 < 5 && i < 20_000)
        {
            final HttpResponse<String> answer = post("/v1/authorizations", authorization("FD" + i, i % 100));
            if (answer.statusCode() == 200)
            {
                assertThat(answered500).as("an approval after a 96").isZero();
                assertThat(answer.body()).contains("\"responseCode\":\"00\"");
                approved.add(Long.parseLong(field(answer.body(), "transactionId")));
            }
            else
            {
                assertThat(answer.statusCode()).isEqualTo(500);
                assertThat(answer.body()).contains("\"responseCode\":\"96\"");
                answered500++;
            }
            i++;
        }
        final int sent = i;

        assertThat(answered500).isEqualTo(5);
        assertThat(approved).isNotEmpty();
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertThat(get("/metrics").body()).contains("payswitch_journal_failures_total 1");
        gateway.stop();
        gateway = null;

        Files.delete(ballast);
        gateway = SwitchGateway.start(SwitchConfigs.forTest(dataDir, 100));
        assertThat(get("/health").statusCode()).isEqualTo(200);
        for (final long transactionId : approved)
        {
            final HttpResponse<String> transaction = get("/v1/transactions/" + transactionId);
            assertThat(transaction.statusCode()).as("transaction " + transactionId).isEqualTo(200);
            assertThat(transaction.body()).contains("\"status\":\"AUTHORIZED\"");
        }
        for (int refused = approved.size(); refused < sent; refused++)
        {
            assertThat(get("/v1/transactions?merchantId=" + DemoData.merchantId(1) + "&orderId=FD" + refused)
                .statusCode()).as("order FD" + refused + ", answered 96").isEqualTo(404);
        }
    }

    /** Writes {@code file} until the file system has only {@code ROOM} bytes left (a few hundred records' worth). */
    private static void fill(final Path file) throws IOException
    {
        final byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file))
        {
            while (Files.getFileStore(file).getUsableSpace() > ROOM)
            {
                out.write(block);
                out.flush();
            }
        }
    }

    private HttpResponse<String> post(final String path, final String body) throws Exception
    {
        return client.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(final String path) throws Exception
    {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + gateway.httpPort() + path);
    }

    private static String authorization(final String orderId, final int card)
    {
        return "{\"merchantId\":\"" + DemoData.merchantId(1) + "\",\"orderId\":\"" + orderId + "\",\"pan\":\"" +
            DemoData.panText(card) + "\",\"expiry\":\"3012\",\"amount\":10000,\"currency\":\"CNY\"}";
    }

    private static String field(final String json, final String name)
    {
        final int start = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(start, json.indexOf('"', start));
    }

    private static boolean run(final String... command) throws IOException, InterruptedException
    {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start().waitFor() == 0;
    }
}
