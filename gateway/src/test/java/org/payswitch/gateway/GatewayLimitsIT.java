package org.payswitch.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacker's review, replayed over real sockets against a switch with small limits (3
 * connections per address, request-deadline 1 s): a connection over the cap is closed at once and
 * counted in /metrics; 60 000 {@code [} in an unknown field is a 400/30 naming the field; a
 * slowloris sender is closed; 300 pipelined requests are answered, or the connection closes cleanly
 * after the last one taken.
 */
class GatewayLimitsIT
{
    /** Far longer than any deadline of this switch: a read that waits this long found a hung connection. */
    private static final int CLIENT_TIMEOUT_MS = 15_000;

    @TempDir(factory = DataFolderFactory.class)
    static Path dataDir;

    private static SwitchGateway gateway;

    /** A receive window far smaller than 128 answers, so most of them wait in the switch's send queue. */
    private static final int SLOW_READER_BUFFER_BYTES = 2048;
    /**
     * Long enough for the switch to answer the requests it takes and end the connection. A pause, not
     * a condition: the client cannot see the switch end its side without reading through the answers,
     * and not reading is the point; a wait on /metrics' answer count was tried and let the old close
     * pass (the bytes sent next arrived before it), so the test could no longer fail.
     */
    private static final long SLOW_READER_PAUSE_MS = 500;

    @BeforeAll
    static void start()
    {
        final Map<String, String> values = SwitchConfig.defaults();
        values.put("data-dir", dataDir.toString());
        values.put("http-port", "0");
        values.put("iso-port", "0");
        values.put("demo-cards", "100");
        values.put("ring-size", "1024");
        values.put("max-queue-delay", "PT30S");
        values.put("max-connections-per-address", "3");
        values.put("request-deadline", "PT1S");
        gateway = SwitchGateway.start(SwitchConfig.from(values));
    }

    /**
     * Each test starts with no connection of an earlier one counted open: with a cap of three per
     * address, the closes of the cap test's connections reach the switch after their sockets close
     * here, and a test's own connection could be refused (a pipelining test once read no answer).
     */
    @BeforeEach
    void awaitEarlierConnectionsClosed() throws IOException
    {
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            try (Socket probe = http())
            {
                send(probe, get("/metrics"));
                final String metrics = answer(probe.getInputStream());
                if (metrics != null && metrics.contains("payswitch_connections_open{port=\"http\"} 1\n"))
                {
                    return;
                }
            }
        }
        throw new AssertionError("earlier connections still counted open");
    }

    @AfterAll
    static void stop()
    {
        gateway.stop();
    }

    private static Socket http() throws IOException
    {
        final Socket socket = new Socket("127.0.0.1", gateway.httpPort());
        socket.setSoTimeout(CLIENT_TIMEOUT_MS);
        return socket;
    }

    private static void send(final Socket socket, final String text) throws IOException
    {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Reads one whole answer (head and a Content-Length body). */
    private static String answer(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b < 0)
            {
                return null;
            }
            head.write(b);
        }
        final String text = head.toString(StandardCharsets.US_ASCII);
        final int at = text.toLowerCase().indexOf("content-length: ");
        final int length = Integer.parseInt(text.substring(at + 16, text.indexOf("\r\n", at)).trim());
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String get(final String path)
    {
        return "GET " + path + " HTTP/1.1\r\nHost: switch\r\n\r\n";
    }

    @Test
    void shouldCloseAConnectionOverThePerAddressCapAtOnceAndCountIt() throws Exception
    {
        final List<Socket> open = new ArrayList<>();
        try
        {
            open.add(http());
            awaitOnlyThisConnectionOpen(open.get(0));
            for (int i = 0; i < 2; i++)
            {
                final Socket socket = http();
                send(socket, get("/health"));
                assertThat(answer(socket.getInputStream())).startsWith("HTTP/1.1 200");
                open.add(socket);
            }
            try (Socket over = http())
            {
                send(over, get("/health"));
                assertThat(readToEnd(over)).isEmpty();
            }
            send(open.get(0), get("/metrics"));
            assertThat(answer(open.get(0).getInputStream()))
                .contains("payswitch_connections_refused_total{port=\"http\",cap=\"max-connections-per-address\"} 1")
                .contains("payswitch_connections_open{port=\"http\"} 3");
        }
        finally
        {
            for (final Socket socket : open)
            {
                socket.close();
            }
        }
    }

    @Test
    void shouldAnswerSixtyThousandBracketsInAnUnknownFieldWith400NamingIt() throws Exception
    {
        final String body = "{\"merchantId\":\"" + DemoData.merchantId(1) + "\",\"junk\":" + "[".repeat(60_000) + "}";
        try (Socket socket = http())
        {
            send(socket, "POST /v1/authorizations HTTP/1.1\r\nHost: switch\r\nContent-Length: " + body.length() +
                "\r\n\r\n" + body);
            final String answer = answer(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 400").endsWith(
                "{\"error\":\"junk: nested deeper than 32 levels\",\"field\":\"junk\",\"responseCode\":\"30\"}");
            send(socket, get("/health"));
            assertThat(answer(socket.getInputStream())).as("the connection lives on").startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void shouldCloseASlowlorisSender() throws Exception
    {
        try (Socket socket = http())
        {
            send(socket, "POST /v1/authorizations HTTP/1.1\r\n");
            socket.setSoTimeout(300);
            final long giveUp = System.nanoTime() + CLIENT_TIMEOUT_MS * 1_000_000L;
            boolean closed = false;
            while (!closed && System.nanoTime() < giveUp)
            {
                try
                {
                    send(socket, "X-Slow: 1\r\n");
                    closed = socket.getInputStream().read() < 0;
                }
                catch (final SocketTimeoutException e)
                {
                    closed = false;
                }
                catch (final IOException e)
                {
                    closed = true;
                }
            }
            assertThat(closed).as("closed by the request deadline while still sending header lines").isTrue();
        }
    }

    @Test
    void shouldAnswerPipelinedRequestsInOrderOrCloseCleanlyAfterTheLastOneTaken() throws Exception
    {
        try (Socket socket = http())
        {
            send(socket, get("/v1/transactions/999999").repeat(300));
            final InputStream in = socket.getInputStream();
            int answers = 0;
            String last = null;
            String next;
            while (answers < 300 && (next = answer(in)) != null)
            {
                assertThat(next).startsWith("HTTP/1.1 404");
                last = next;
                answers++;
            }
            assertThat(answers).isGreaterThan(128);
            if (answers < 300)
            {
                assertThat(last).contains("connection: close");
                assertThat(in.read()).isEqualTo(-1);
            }
        }
    }

    /**
     * A client that pipelines past the last request taken, reads slowly and sends on after the
     * switch has answered: it still gets every answer given, then the end of the stream, not a
     * reset (a socket closed with the client's bytes arriving after it drops what it had not sent).
     */
    @Test
    void shouldDeliverEveryAnswerGivenToAClientThatReadsSlowlyAndSendsOn() throws Exception
    {
        try (Socket socket = new Socket())
        {
            socket.setReceiveBufferSize(SLOW_READER_BUFFER_BYTES);
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.httpPort()));
            socket.setSoTimeout(CLIENT_TIMEOUT_MS);
            send(socket, get("/v1/transactions/999999").repeat(300));
            Thread.sleep(SLOW_READER_PAUSE_MS);
            send(socket, get("/v1/transactions/999999").repeat(50));
            final InputStream in = socket.getInputStream();
            int answers = 0;
            String last = null;
            String next;
            while ((next = answer(in)) != null)
            {
                last = next;
                answers++;
            }
            assertThat(answers).as("answers read before the end of the stream").isGreaterThanOrEqualTo(128);
            assertThat(last).as("the last answer, the one that ends the connection").startsWith("HTTP/1.1 404")
                .contains("connection: close");
        }
    }

    /**
     * Asks /metrics on {@code socket} until the switch counts it as the only open HTTP connection:
     * the closes of earlier tests' connections reach the switch after their sockets close here.
     */
    private static void awaitOnlyThisConnectionOpen(final Socket socket) throws IOException
    {
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            send(socket, get("/metrics"));
            if (answer(socket.getInputStream()).contains("payswitch_connections_open{port=\"http\"} 1\n"))
            {
                return;
            }
        }
        throw new AssertionError("earlier connections still counted open");
    }

    private static byte[] readToEnd(final Socket socket) throws IOException
    {
        try
        {
            return socket.getInputStream().readAllBytes();
        }
        catch (final IOException e)
        {
            return new byte[0];
        }
    }
}
