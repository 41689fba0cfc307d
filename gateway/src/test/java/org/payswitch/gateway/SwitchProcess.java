package org.payswitch.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real switch as a separate process ({@code java -jar target/payment-switch.jar}), for tests
 * that stop or kill it. Readiness is the launcher's "payment switch ready" line, not a sleep.
 */
final class SwitchProcess implements AutoCloseable
{
    private static final Path JAR = Path.of("target", "payment-switch.jar");

    private final Process process;
    private final List<String> output = new ArrayList<>();
    /**
     * The system tests' switch does not shed for queueing (as {@code SwitchConfigs.forTest} in
     * process): on a loaded CI machine the default 0.1 s turned status inquiries into 503s that no
     * test here is about. Shedding has its own tests (BusinessLogicHandlerTest; HttpOverloadTest for the 503).
     */
    private static final String TEST_MAX_QUEUE_DELAY = "PT30S";
    /** Notified by every process's output reader after each line, so a test waits on output without polling. */
    private static final Object ANY_OUTPUT = new Object();

    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final int httpPort;
    final int isoPort;

    private SwitchProcess(final Path dataDir, final int demoCards, final int httpPort, final int isoPort,
        final String maxQueueDelay, final String... options) throws IOException
    {
        this.httpPort = httpPort;
        this.isoPort = isoPort;
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-jar", JAR.toString(), "--data-dir",
            dataDir.toString(), "--http-port", Integer.toString(httpPort), "--iso-port", Integer.toString(isoPort),
            "--demo-cards", Integer.toString(demoCards)));
        if (maxQueueDelay != null)
        {
            command.addAll(List.of("--max-queue-delay", maxQueueDelay));
        }
        command.addAll(List.of(options));
        process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .start();
        final Thread reader = new Thread(this::readOutput, "switch-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the switch on free ports and waits until it says it is ready. */
    static SwitchProcess start(final Path dataDir, final int demoCards) throws Exception
    {
        return start(dataDir, demoCards, freePort(), freePort());
    }

    /** Starts the switch on free ports with more options ({@code --key value} pairs) and waits until it is ready. */
    static SwitchProcess startWith(final Path dataDir, final int demoCards, final String... options) throws Exception
    {
        return start(dataDir, demoCards, freePort(), freePort(), options);
    }

    /** Starts the switch on the given ports and waits until it says it is ready. */
    static SwitchProcess start(final Path dataDir, final int demoCards, final int httpPort, final int isoPort,
        final String... options) throws Exception
    {
        return awaitReady(new SwitchProcess(dataDir, demoCards, httpPort, isoPort, TEST_MAX_QUEUE_DELAY, options));
    }

    /**
     * Starts the switch on free ports without waiting for it: a cluster member is ready only once a
     * majority of members runs, so a test starts them all, then {@link #awaitReady()} each.
     */
    static SwitchProcess launch(final Path dataDir, final int demoCards, final String... options) throws IOException
    {
        return new SwitchProcess(dataDir, demoCards, freePort(), freePort(), TEST_MAX_QUEUE_DELAY, options);
    }

    /** Waits until the switch says it is ready; returns it. */
    SwitchProcess awaitReady() throws InterruptedException
    {
        return awaitReady(this);
    }

    /** The process id, for signals the JDK does not send (SIGSTOP, SIGCONT). */
    long pid()
    {
        return process.pid();
    }

    /** True while the process runs. */
    boolean isAlive()
    {
        return process.isAlive();
    }

    /** Starts the switch on free ports with its default max-queue-delay, as a user does; waits until it is ready. */
    static SwitchProcess startAsShipped(final Path dataDir, final int demoCards) throws Exception
    {
        return awaitReady(new SwitchProcess(dataDir, demoCards, freePort(), freePort(), null));
    }

    private static SwitchProcess awaitReady(final SwitchProcess switchProcess) throws InterruptedException
    {
        if (!switchProcess.ready.await(120, TimeUnit.SECONDS))
        {
            switchProcess.process.destroyForcibly();
            throw new IllegalStateException("the switch did not become ready:\n" + switchProcess.output());
        }
        return switchProcess;
    }

    /** POSTs a JSON body; the answer, or null when the connection failed (the switch died). */
    HttpResponse<String> post(final String path, final String json)
    {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** GETs a path; the answer, or null when the connection failed. */
    HttpResponse<String> get(final String path)
    {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GETs a path as the operator (the demo admin token); the answer, or null when the connection failed. */
    HttpResponse<String> getAsOperator(final String path)
    {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer demo-admin-token").GET());
    }

    /**
     * Sends SIGTERM and waits for the exit status. Through the process handle: {@code Process.destroy()}
     * would also close the streams and lose what the switch prints while it stops.
     */
    int terminate() throws InterruptedException
    {
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IllegalStateException("the switch did not stop on SIGTERM:\n" + output());
        }
        ended.await(10, TimeUnit.SECONDS);
        return process.exitValue();
    }

    /** Sends SIGKILL (kill -9) and waits until the process is gone. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code condition} (over the output of any switch processes) holds, re-checking it each
     * time one of them prints a line; false when it still does not hold after {@code timeoutSeconds}.
     */
    static boolean awaitOutput(final BooleanSupplier condition, final long timeoutSeconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (ANY_OUTPUT)
        {
            while (!condition.getAsBoolean())
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0)
                {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(ANY_OUTPUT, left);
            }
            return true;
        }
    }

    /** Everything the process printed so far. */
    synchronized String output()
    {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException
    {
        if (process.isAlive())
        {
            kill();
        }
    }

    private HttpResponse<String> send(final HttpRequest.Builder request)
    {
        try
        {
            return client.send(request.timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        }
        catch (final IOException e)
        {
            return null;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    private void readOutput()
    {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                synchronized (this)
                {
                    output.add(line);
                }
                synchronized (ANY_OUTPUT)
                {
                    ANY_OUTPUT.notifyAll();
                }
                if (line.contains("payment switch ready"))
                {
                    ready.countDown();
                }
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        finally
        {
            ended.countDown();
        }
    }

    static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
