package org.payswitch.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged launcher's answers to its options, before it starts anything: a bad option or value
 * is one line on standard error and exit status 2; {@code --help} prints the usage and exits 0.
 */
class LauncherOptionsIT
{
    private static final Path JAR = Path.of("target", "payment-switch.jar");

    /** The exit status and everything printed by {@code java -jar payment-switch.jar args}. */
    private record Run(int status, String stdout, String stderr)
    {
    }

    private static Run launch(final String... args) throws IOException, InterruptedException
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        final String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        final String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new IllegalStateException("the launcher did not exit: " + stdout + stderr);
        }
        return new Run(process.exitValue(), stdout, stderr);
    }

    @Test
    void shouldRefuseABadValueInOneLineWithStatusTwo() throws Exception
    {
        final Run run = launch("--http-port", "eighty");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("payment-switch: http-port: not a number: 'eighty'" +
            System.lineSeparator());
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownOptionInOneLineWithStatusTwo() throws Exception
    {
        final Run run = launch("--colour", "blue");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("payment-switch: colour: unknown setting (in the command line); known: " +
            "data-dir, http-port,").hasLineCount(1);
    }

    @Test
    void shouldPrintTheUsageOnHelpWithStatusZero() throws Exception
    {
        final Run run = launch("--help");

        assertThat(run.status()).isZero();
        assertThat(run.stdout()).startsWith("Usage: java -jar payment-switch.jar").contains("--data-dir=DIR",
            "--card-key-file=FILE", "--config=FILE");
        assertThat(run.stderr()).isEmpty();
    }
}
