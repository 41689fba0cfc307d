package org.payswitch.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over both protocols against the real switch (the jar, as a process): at least 100 000
 * mutated valid requests, pipelined in rounds on fresh connections by eight seeded workers (four
 * ISO 8583, four HTTP). Every round ends with a sentinel (an 0800 echo, a GET /health) that the
 * switch answers when the framing before it held; otherwise the switch must close the connection.
 * A sentinel can also be swallowed whole by a request cut short before it (its bytes become a
 * header or a body, the request completes and is answered): so when neither has happened after
 * {@value #PROBE_AFTER_MS} ms a second sentinel is sent. A round neither answered nor closed within
 * {@value #HANG_BOUND_MS} ms is a hung connection.
 * The switch runs with request-deadline 1 s (a lie about a length waits for bytes that never come)
 * and idle-timeout 30 s (longer than the bound, so only the request deadline can end such a round).
 * Afterwards: 0 hung connections, the switch alive and answering a valid request on each protocol,
 * no exception in its pipeline, and its log under {@value #MAX_LOG_BYTES} bytes with no stack trace.
 * The seed is fixed (reproducible), printed with every failure, and can be changed with
 * {@code -Dfuzz.seed=N}.
 */
class GatewayFuzzIT
{
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_206L);
    private static final int DEMO_CARDS = 2_000;
    private static final int ISO_REQUESTS = 60_000;
    private static final int HTTP_REQUESTS = 40_000;
    private static final int WORKERS_PER_PROTOCOL = 4;
    private static final long HANG_BOUND_MS = 8_000;
    private static final long PROBE_AFTER_MS = 4_000;
    private static final long WALL_LIMIT_MS = 150_000;
    private static final int MAX_LOG_BYTES = 64 * 1024;
    private static final int SENTINEL_STAN = 999_999;
    private static final byte[] HEALTH_UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.US_ASCII);

    @TempDir(factory = DataFolderFactory.class)
    static Path dataDir;

    private static SwitchProcess switchProcess;

    private final AtomicLong isoSent = new AtomicLong();
    private final AtomicLong httpSent = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final List<String> hung = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception
    {
        switchProcess = SwitchProcess.startWith(dataDir, DEMO_CARDS, "--request-deadline", "PT1S",
            "--idle-timeout", "PT30S");
    }

    @AfterAll
    static void stop() throws Exception
    {
        switchProcess.close();
    }

    @Test
    void shouldSurviveAHundredThousandMutatedRequestsWithoutAHungConnectionOrAFloodOfLogs() throws Exception
    {
        final long started = System.nanoTime();
        final ExecutorService workers = Executors.newFixedThreadPool(2 * WORKERS_PER_PROTOCOL);
        final List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 2 * WORKERS_PER_PROTOCOL; w++)
        {
            final int worker = w;
            done.add(workers.submit(() ->
            {
                fuzz(worker, worker % 2 == 0, started);
                return null;
            }));
        }
        for (final Future<?> worker : done)
        {
            worker.get();
        }
        workers.shutdown();
        final long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        final String figures = String.format("fuzz seed %d: %d ISO 8583 + %d HTTP mutated requests in %d rounds " +
            "(%d answered to the sentinel, %d closed by the switch), %d s", SEED, isoSent.get(), httpSent.get(),
            rounds.get(), answered.get(), closed.get(), seconds);
        System.out.println(figures);

        assertThat(hung).as(figures).isEmpty();
        assertThat(isoSent.get() + httpSent.get()).as(figures).isGreaterThanOrEqualTo(100_000);
        assertThat(stillAnswersIso()).as("a valid 0100 after the fuzz; " + figures).isTrue();
        final String authorization = stillAnswersHttp();
        assertThat(authorization).as("a valid authorization after the fuzz; " + figures)
            .startsWith("HTTP/1.1 200").contains("\"responseCode\":\"");
        final String metrics = switchProcess.get("/metrics").body();
        assertThat(metrics).as(figures).contains("\npayswitch_exceptions_total 0\n");
        final String log = switchProcess.output();
        System.out.println("fuzz seed " + SEED + ": the switch's log holds " + log.length() + " characters");
        assertThat(log.length()).as("log size; " + figures + "\n" + tail(log)).isLessThan(MAX_LOG_BYTES);
        assertThat(log).as("no stack trace; " + figures).doesNotContain("\tat ").doesNotContain("reached at the tail");
    }

    /** One worker's rounds until its protocol's share is sent (or the wall limit passes). */
    private void fuzz(final int worker, final boolean iso, final long started) throws Exception
    {
        final FuzzRequests requests = new FuzzRequests(SEED * 31 + worker, worker, DEMO_CARDS);
        final AtomicLong sent = iso ? isoSent : httpSent;
        final int target = iso ? ISO_REQUESTS : HTTP_REQUESTS;
        int round = 0;
        while (sent.get() < target)
        {
            if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) > WALL_LIMIT_MS)
            {
                hung.add("worker " + worker + " did not send its share within " + WALL_LIMIT_MS + " ms (seed " + SEED +
                    ")");
                return;
            }
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            final boolean broken = requests.random().nextInt(4) == 0;
            final int count = iso ? 20 + requests.random().nextInt(180) : 5 + requests.random().nextInt(55);
            final List<String> kinds = new ArrayList<>();
            for (int i = 0; i < count; i++)
            {
                final boolean last = broken && i == count - 1;
                bytes.writeBytes(iso ? (last ? requests.brokenIsoFrame() : requests.isoFrame()) :
                    (last ? requests.brokenHttpRequest() : requests.httpRequest()));
                if (last || i < 3)
                {
                    kinds.add(requests.lastKind());
                }
            }
            final byte[] sentinel = iso ? requests.isoSentinel(SENTINEL_STAN) : FuzzRequests.httpSentinel();
            bytes.writeBytes(sentinel);
            final String outcome = round(iso, bytes.toByteArray(), sentinel);
            rounds.incrementAndGet();
            if ("hung".equals(outcome))
            {
                hung.add("seed " + SEED + ", worker " + worker + ", round " + round + ": " + count + " requests, " +
                    "neither answered nor closed within " + HANG_BOUND_MS + " ms; first and last: " + kinds);
            }
            sent.addAndGet(count);
            round++;
        }
    }

    /** Sends a round on a new connection: "answered" (the sentinel came back), "closed" or "hung". */
    private String round(final boolean iso, final byte[] payload, final byte[] sentinel) throws IOException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HANG_BOUND_MS);
        final long probe = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_AFTER_MS);
        boolean probed = false;
        try (Socket socket = new Socket("127.0.0.1", iso ? switchProcess.isoPort : switchProcess.httpPort))
        {
            socket.setSoTimeout(200);
            try
            {
                socket.getOutputStream().write(payload);
                socket.getOutputStream().flush();
            }
            catch (final IOException e)
            {
                closed.incrementAndGet();
                return "closed";
            }
            final InputStream in = socket.getInputStream();
            final ByteArrayOutputStream received = new ByteArrayOutputStream();
            final byte[] chunk = new byte[16 * 1024];
            while (System.nanoTime() < deadline)
            {
                final int read;
                try
                {
                    read = in.read(chunk);
                }
                catch (final SocketTimeoutException e)
                {
                    if (!probed && System.nanoTime() > probe)
                    {
                        probed = true;
                        try
                        {
                            socket.getOutputStream().write(sentinel);
                        }
                        catch (final IOException closedMeanwhile)
                        {
                            closed.incrementAndGet();
                            return "closed";
                        }
                    }
                    continue;
                }
                catch (final IOException e)
                {
                    closed.incrementAndGet();
                    return "closed";
                }
                if (read < 0)
                {
                    closed.incrementAndGet();
                    return "closed";
                }
                received.write(chunk, 0, read);
                if (iso ? hasIsoSentinel(received.toByteArray()) : contains(received.toByteArray(), HEALTH_UP))
                {
                    answered.incrementAndGet();
                    return "answered";
                }
            }
            return "hung";
        }
    }

    private static boolean hasIsoSentinel(final byte[] stream)
    {
        int at = 0;
        while (at + 2 <= stream.length)
        {
            final int length = ((stream[at] & 0xFF) << 8) | (stream[at + 1] & 0xFF);
            if (at + 2 + length > stream.length)
            {
                return false;
            }
            if (length > 2 && stream[at + 2] == 0x08 && stream[at + 3] == 0x10 && isSentinel(stream, at + 2, length))
            {
                return true;
            }
            at += 2 + length;
        }
        return false;
    }

    private static boolean isSentinel(final byte[] stream, final int offset, final int length)
    {
        try
        {
            final ISOMsg answer = new ISOMsg();
            answer.setPackager(new ISO87BPackager());
            final byte[] body = new byte[length];
            System.arraycopy(stream, offset, body, 0, length);
            answer.unpack(body);
            return Integer.toString(SENTINEL_STAN).equals(answer.getString(11));
        }
        catch (final Exception e)
        {
            return false;
        }
    }

    private static boolean contains(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private boolean stillAnswersIso() throws Exception
    {
        final FuzzRequests valid = new FuzzRequests(SEED, 9, DEMO_CARDS);
        try (Socket socket = new Socket("127.0.0.1", switchProcess.isoPort))
        {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(valid.validIsoAuthorization(4_242));
            final InputStream in = socket.getInputStream();
            final int length = (in.read() << 8) | in.read();
            final byte[] body = in.readNBytes(length);
            final ISOMsg answer = new ISOMsg();
            answer.setPackager(new ISO87BPackager());
            answer.unpack(body);
            return "0110".equals(answer.getMTI()) && "004242".equals(answer.getString(11)) && answer.hasField(39);
        }
    }

    private String stillAnswersHttp() throws Exception
    {
        final FuzzRequests valid = new FuzzRequests(SEED, 9, DEMO_CARDS);
        try (Socket socket = new Socket("127.0.0.1", switchProcess.httpPort))
        {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(valid.validHttpAuthorization());
            final InputStream in = socket.getInputStream();
            final ByteArrayOutputStream received = new ByteArrayOutputStream();
            final byte[] chunk = new byte[4096];
            while (!received.toString(StandardCharsets.UTF_8).contains("}"))
            {
                final int read = in.read(chunk);
                if (read < 0)
                {
                    break;
                }
                received.write(chunk, 0, read);
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }

    private static String tail(final String log)
    {
        return log.length() <= 4_000 ? log : log.substring(log.length() - 4_000);
    }
}
