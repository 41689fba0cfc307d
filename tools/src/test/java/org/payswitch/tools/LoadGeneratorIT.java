package org.payswitch.tools;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.SwitchConfigs;
import org.payswitch.gateway.SwitchGateway;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against a real switch over a real socket, with a real journal: every
 * request it sends is answered, and, as it sends only demo cards and merchants, approved.
 * Nothing here is timed: the run's length only bounds how much is sent.
 */
class LoadGeneratorIT
{
    private static final int CARDS = 20_000;

    @TempDir(factory = DataFolderFactory.class)
    static Path dataDir;

    private static SwitchGateway gateway;

    @BeforeAll
    static void start()
    {
        gateway = SwitchGateway.start(SwitchConfigs.forTest(dataDir, CARDS));
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void shouldHaveEveryRequestAnsweredAndApproved()
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final LoadGenerator generator = new LoadGenerator(new PrintStream(printed, true, StandardCharsets.UTF_8));

        final int exit = new CommandLine(generator).execute("--port", Integer.toString(gateway.isoPort()),
            "--connections", "3", "--window", "16", "--warmup", "0", "--duration", "1",
            "--cards", Integer.toString(CARDS), "--run-id", "IT01");

        final LoadResult result = generator.result();
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(result.complete()).isTrue();
        assertThat(result.sent()).isEqualTo(result.answered()).isGreaterThanOrEqualTo(48);
        assertThat(result.measured()).isPositive();
        assertThat(result.answers(0)).as("approved").isEqualTo(result.measured());
        assertThat(result.latency().getTotalCount()).isEqualTo(result.measured());
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("by response code: 00=" + result.measured());
    }

    @Test
    void shouldHaveEveryHttpRequestAnsweredAndApprovedPipelinedOrNot()
    {
        for (final String window : new String[] {"1", "4"})
        {
            final ByteArrayOutputStream printed = new ByteArrayOutputStream();
            final LoadGenerator generator = new LoadGenerator(new PrintStream(printed, true, StandardCharsets.UTF_8));

            final int exit = new CommandLine(generator).execute("--protocol", "HTTP",
                "--port", Integer.toString(gateway.httpPort()), "--connections", "4", "--window", window,
                "--warmup", "0", "--duration", "1", "--cards", Integer.toString(CARDS), "--run-id", "IT0" + window);

            final LoadResult result = generator.result();
            assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(result.sent()).isEqualTo(result.answered()).isGreaterThanOrEqualTo(4);
            assertThat(result.measured()).isPositive();
            assertThat(result.answers(0)).as("approved").isEqualTo(result.measured());
        }
    }

    @Test
    void shouldHaveEveryRequestOfAnOpenLoopAnsweredAndWriteTheFiles(@TempDir final Path out) throws Exception
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();
        final LoadGenerator generator = new LoadGenerator(new PrintStream(printed, true, StandardCharsets.UTF_8),
            new PrintStream(progress, true, StandardCharsets.UTF_8));

        final int exit = new CommandLine(generator).execute("--port", Integer.toString(gateway.isoPort()),
            "--rate", "2000", "--connections", "2", "--warmup", "0", "--duration", "2",
            "--cards", Integer.toString(CARDS), "--run-id", "IT02", "--out", out.toString());

        final LoadResult result = generator.result();
        assertThat(exit).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(result.complete()).isTrue();
        assertThat(result.sent()).as("2 s at 2000/s").isEqualTo(4_000).isEqualTo(result.answered());
        assertThat(result.notSent()).isZero();
        assertThat(result.measured()).isEqualTo(4_000);
        assertThat(result.latency().getTotalCount()).isEqualTo(4_000);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("open loop at 2000/s", "service time µs");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("loadgen:   1 s  sent ", "p99 ");
        assertThat(Files.readString(out.resolve("latency.hgrm"))).contains("Total count    =         4000]");
        assertThat(Files.readString(out.resolve("service-time.hgrm"))).contains("Total count    =         4000]");
        assertThat(Files.readAllLines(out.resolve("timeline.csv")).get(0)).startsWith("second,due,sent,not_sent,answered");
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg", "<td>sent</td><td>4000</td>");
    }

    @Test
    void shouldCreateTheHotCampaignOfTheSinglesDayProfileAndCountItsDiscounts(@TempDir final Path out)
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final LoadGenerator generator = new LoadGenerator(new PrintStream(printed, true, StandardCharsets.UTF_8));

        final int exit = new CommandLine(generator).execute("--port", Integer.toString(gateway.isoPort()),
            "--http-port", Integer.toString(gateway.httpPort()), "--profile", "singles-day", "--rate", "2000",
            "--ramp", "1", "--warmup", "1", "--duration", "2", "--cards", Integer.toString(CARDS),
            "--run-id", "IT03", "--out", out.toString(), "--quiet");

        final LoadResult result = generator.result();
        final String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        assertThat(result.complete()).isTrue();
        assertThat(generator.campaignFigures()).containsKey("redemptions")
            .hasEntrySatisfying("campaignId", id -> assertThat(id).startsWith("LOADGEN-HOT-IT03-"));
        assertThat(Long.parseLong(generator.campaignFigures().get("redemptions"))).isPositive();
        assertThat(result.discounted()).isPositive();
        assertThat(text).contains("loadgen: hot campaign LOADGEN-HOT-IT03-", "on BIN 622260", "hot campaign after the run");
        assertThat(out.resolve("report.html")).content().contains("Hot campaign after the run", "00:00 (peak)");
    }

    @Test
    void shouldExitWith2WhenTheSwitchCannotBeReached()
    {
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final LoadGenerator generator = new LoadGenerator(new PrintStream(printed, true, StandardCharsets.UTF_8));

        final int exit = new CommandLine(generator).execute("--port", "1", "--warmup", "0", "--duration", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("cannot connect to 127.0.0.1:1");
    }

    @Test
    void shouldRefuseAWindowOutOfRange()
    {
        final ByteArrayOutputStream errors = new ByteArrayOutputStream();
        final CommandLine command = new CommandLine(new LoadGenerator());
        command.setErr(new PrintWriter(new OutputStreamWriter(errors, StandardCharsets.UTF_8), true));

        assertThat(command.execute("--window", "0")).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).contains("--window: 1..100000");
    }
}
