package org.payswitch.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.testing.KeyStoreFiles;
import org.payswitch.gateway.SwitchGateway;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator's {@code --tls} against a switch speaking TLS on both ports: every request answered and approved. */
class LoadGeneratorTlsIT
{
    private static final int CARDS = 2_000;
    private static final String PASSWORD = "loadgen-tls";

    @TempDir
    static Path folder;

    private static SwitchGateway gateway;
    private static Path certificate;

    @BeforeAll
    static void start() throws Exception
    {
        final Path keyStore = KeyStoreFiles.keyStore(folder, "switch", "CN=localhost", PASSWORD, null, 30);
        // Making a trust store exports the certificate as <alias>.pem on the way: --tls-trust reads that file.
        KeyStoreFiles.trustStore(folder, "unused", keyStore, "switch", PASSWORD, PASSWORD);
        certificate = folder.resolve("switch.pem");
        final Path password = folder.resolve("password");
        Files.writeString(password, PASSWORD);
        final Map<String, String> values = SwitchConfig.defaults();
        values.putAll(Map.of("data-dir", folder.resolve("data").toString(), "http-port", "0", "iso-port", "0",
            "demo-cards", Integer.toString(CARDS), "ring-size", "1024", "max-queue-delay", "PT30S",
            "tls-http", "true", "tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", password.toString()));
        gateway = SwitchGateway.start(SwitchConfig.from(values));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    private static LoadResult run(final String... args)
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final LoadGenerator generator = new LoadGenerator(new PrintStream(printed, true, StandardCharsets.UTF_8));
        final int exit = new CommandLine(generator).execute(args);
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        return generator.result();
    }

    @Test
    void shouldLoadTheIsoPortOverTlsTrustingAnyCertificate()
    {
        final LoadResult result = run("--tls", "--port", Integer.toString(gateway.isoPort()), "--connections", "2",
            "--window", "16", "--warmup", "0", "--duration", "1", "--cards", Integer.toString(CARDS),
            "--run-id", "TLS1", "--out", folder.resolve("out-iso").toString(), "--quiet");

        assertThat(result.sent()).isEqualTo(result.answered()).isGreaterThanOrEqualTo(32);
        assertThat(result.answers(0)).as("approved").isEqualTo(result.measured()).isPositive();
    }

    @Test
    void shouldLoadTheHttpPortOverTlsTrustingTheSwitchsCertificate()
    {
        final LoadResult result = run("--tls", "--tls-trust", certificate.toString(), "--protocol", "HTTP",
            "--port", Integer.toString(gateway.httpPort()), "--connections", "2", "--window", "1", "--warmup", "0",
            "--duration", "1", "--cards", Integer.toString(CARDS), "--run-id", "TLS2",
            "--out", folder.resolve("out-http").toString(), "--quiet");

        assertThat(result.sent()).isEqualTo(result.answered()).isGreaterThanOrEqualTo(2);
        assertThat(result.answers(0)).as("approved").isEqualTo(result.measured()).isPositive();
    }
}
