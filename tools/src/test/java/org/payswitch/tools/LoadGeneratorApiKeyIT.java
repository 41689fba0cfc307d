package org.payswitch.tools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.gateway.SwitchGateway;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against a switch that requires checkout API keys and knows its acquirers:
 * with {@code --api-key-file} every HTTP request is approved, without it none is; the ISO 8583
 * load's DE 32 is served when the acquirer table lists it. Approvals are counted by the switch and
 * compared with the answers the generator got, so nothing depends on how fast the machine is.
 */
class LoadGeneratorApiKeyIT
{
    private static final int CARDS = 2_000;
    private static final String KEY = "psk_bG9hZC1nZW5lcmF0b3Ita2V5LWZvci1ldmVyeS1tZXJjaGFudA";

    @TempDir
    static Path folder;

    private static SwitchGateway gateway;
    private static Path keyFile;

    @BeforeAll
    static void start() throws Exception
    {
        final String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(KEY.getBytes(StandardCharsets.US_ASCII)));
        final Path keys = Files.writeString(folder.resolve("api-keys"),
            "key.loadgen.sha256=" + hash + "\nkey.loadgen.merchants=*\n");
        final Path acquirers = Files.writeString(folder.resolve("acquirers"), "acquirer.12345.merchants=*\n");
        keyFile = Files.writeString(folder.resolve("loadgen-key"), KEY + "\n");
        final Map<String, String> values = SwitchConfig.defaults();
        values.putAll(Map.of("data-dir", folder.resolve("data").toString(), "http-port", "0", "iso-port", "0",
            "demo-cards", Integer.toString(CARDS), "ring-size", "1024", "max-queue-delay", "PT30S",
            "api-keys-file", keys.toString(), "acquirers-file", acquirers.toString()));
        gateway = SwitchGateway.start(SwitchConfig.from(values));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    private static LoadGenerator run(final ByteArrayOutputStream printed, final String... args)
    {
        final LoadGenerator generator = new LoadGenerator(new PrintStream(printed, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        final String[] common = {"--warmup", "0", "--duration", "1", "--cards", Integer.toString(CARDS),
            "--connections", "2", "--window", "2", "--quiet", "--out", folder.resolve("out").toString()};
        final String[] all = new String[args.length + common.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        new CommandLine(generator).execute(all);
        return generator;
    }

    /** Authorizations the switch approved so far: counted by the switch, so no figure here depends on timing. */
    private static long approvedBySwitch()
    {
        return gateway.node().pipeline().metrics().answers(ResponseCode.APPROVED);
    }

    @Test
    void shouldHaveEveryHttpRequestApprovedWithTheKeyAndNoneWithout()
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final long before = approvedBySwitch();
        final LoadGenerator keyed = run(printed, "--protocol", "HTTP", "--port", Integer.toString(gateway.httpPort()),
            "--api-key-file", keyFile.toString(), "--run-id", "AK01");

        assertThat(keyed.result().sent()).as(printed.toString(StandardCharsets.UTF_8)).isPositive()
            .isEqualTo(keyed.result().answered());
        assertThat(approvedBySwitch() - before).isEqualTo(keyed.result().answered());
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(KEY);
        assertThat(keyed.apiKey().toString()).doesNotContain(KEY);

        final long beforeBare = approvedBySwitch();
        final LoadGenerator bare = run(new ByteArrayOutputStream(), "--protocol", "HTTP",
            "--port", Integer.toString(gateway.httpPort()), "--run-id", "AK02");
        assertThat(bare.result().sent()).isPositive().isEqualTo(bare.result().answered());
        assertThat(bare.result().answers(0)).isZero();
        assertThat(approvedBySwitch()).isEqualTo(beforeBare);
    }

    @Test
    void shouldHaveTheIsoLoadOfAListedAcquirerApproved()
    {
        final long before = approvedBySwitch();
        final LoadGenerator iso = run(new ByteArrayOutputStream(), "--port", Integer.toString(gateway.isoPort()),
            "--run-id", "AK03");

        assertThat(iso.result().sent()).isPositive().isEqualTo(iso.result().answered());
        assertThat(approvedBySwitch() - before).isEqualTo(iso.result().answered());
    }

    @Test
    void shouldRefuseAnApiKeyFileWithIsoOrWithoutAKey() throws Exception
    {
        final Path empty = Files.writeString(folder.resolve("empty-key"), "\n");
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final CommandLine iso = new CommandLine(new LoadGenerator());
        iso.setErr(new java.io.PrintWriter(errors, true, StandardCharsets.UTF_8));

        assertThat(iso.execute("--api-key-file", keyFile.toString(), "--run-id", "AK04")).isEqualTo(2);
        assertThat(new CommandLine(new LoadGenerator()).setErr(new java.io.PrintWriter(errors, true,
            StandardCharsets.UTF_8)).execute("--protocol", "HTTP", "--api-key-file", empty.toString(),
            "--run-id", "AK05")).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--api-key-file: with --protocol HTTP",
            "--api-key-file: " + empty + ": the first line must be the key");
    }
}
