package org.payswitch.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.config.ConfigException;
import org.payswitch.core.config.SwitchConfig;
import org.payswitch.core.pipeline.PipelineConfig;
import org.payswitch.core.testing.KeyStoreFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher's options: one per setting, layered over the file, system properties and defaults, refused by key. */
class SwitchCommandLineTest
{
    private static final Properties NO_PROPERTIES = new Properties();

    @TempDir
    Path folder;

    private static SwitchConfig parse(final String... args)
    {
        return SwitchCommandLine.parse(NO_PROPERTIES, args).config();
    }

    @Test
    void shouldStartFromTheDefaultsOfTheContract()
    {
        final SwitchConfig config = parse();

        assertThat(config).isEqualTo(SwitchConfig.from(SwitchConfig.defaults()));
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.pipelineLayout()).isEqualTo(PipelineConfig.Layout.FUSED);
    }

    @Test
    void shouldOfferOneOptionPerSettingAndShowItsDefaultInTheHelp()
    {
        final SwitchCommandLine.Parsed parsed = SwitchCommandLine.parse(NO_PROPERTIES, "--help");

        assertThat(parsed.helpRequested()).isTrue();
        assertThat(parsed.config()).isNull();
        for (final var setting : SwitchConfig.defaults().entrySet())
        {
            final String key = setting.getKey();
            assertThat(parsed.usage()).contains("--" + key + "=" + SettingHelp.of(key).label());
        }
        assertThat(parsed.usage()).startsWith("Usage: java -jar payment-switch.jar").contains("--config=FILE", "--help",
            "Default: ./data", "Default: PT15M", "-Dpayswitch.<key>=VALUE").doesNotContain("Default: \n", "Default:\n");
        assertThat(SwitchCommandLine.parse(NO_PROPERTIES, "-h").helpRequested()).isTrue();
    }

    @Test
    void shouldShowTheBuiltInDefaultsInTheHelpNeverAValueOfTheFileOrASystemProperty() throws Exception
    {
        final Path file = folder.resolve("switch.properties");
        Files.writeString(file, "admin-token=file-secret-token-0123456789\n");
        final Properties system = new Properties();
        system.setProperty("payswitch.admin-token", "property-secret-token-0123456789");

        final String usage = SwitchCommandLine.parse(system, "--config", file.toString(), "--help").usage();

        assertThat(usage).contains("Default: demo-admin-token").doesNotContain("secret");
    }

    @Test
    void shouldLayerTheFileUnderSystemPropertiesUnderTheCommandLine() throws Exception
    {
        final Path file = folder.resolve("switch.properties");
        Files.writeString(file, "http-port=9090\niso-port=9583\nzone=UTC\ndemo-cards = 5 \nio-threads=3\n");
        final Properties system = new Properties();
        system.setProperty("payswitch.iso-port", "8000");
        system.setProperty("payswitch.demo-cards", "12");
        system.setProperty("payswitch.ring-size", "1024");
        system.setProperty("payswitch.colour", "blue");

        final SwitchConfig config = SwitchCommandLine.parse(system, "--config", file.toString(), "--iso-port", "7583",
            "--hold-expiry=PT1H", "--io-threads", " 2 ").config();

        assertThat(config.httpPort()).as("file over default").isEqualTo(9090);
        assertThat(config.zone()).as("file over default").isEqualTo(ZoneId.of("UTC"));
        assertThat(config.demoCards()).as("system property over file").isEqualTo(12);
        assertThat(config.ringSize()).as("system property over default").isEqualTo(1024);
        assertThat(config.isoPort()).as("command line over system property").isEqualTo(7583);
        assertThat(config.ioThreads()).as("command line over file, trimmed").isEqualTo(2);
        assertThat(config.holdExpiry()).as("--key=value").isEqualTo(Duration.ofHours(1));
        assertThat(config.dataDir()).as("default").isEqualTo(Path.of("./data"));
    }

    @Test
    void shouldTakeThisJvmsSystemProperties()
    {
        System.setProperty("payswitch.demo-cards", "12");
        try
        {
            assertThat(SwitchCommandLine.parse().config().demoCards()).isEqualTo(12);
            assertThat(SwitchCommandLine.parse("--demo-cards", "0").config().demoCards()).isZero();
        }
        finally
        {
            System.clearProperty("payswitch.demo-cards");
        }
    }

    @Test
    void shouldTakeTheLastOfARepeatedOptionAndValuesVerbatim() throws Exception
    {
        final Path file = folder.resolve("switch.properties");
        Files.writeString(file, "admin-token=a${env:HOME}b-0123456789012345678\n");

        final SwitchConfig config = parse("--config", file.toString(), "--http-port", "1", "--http-port", "2",
            "--data-dir", "@data");

        assertThat(config.httpPort()).isEqualTo(2);
        assertThat(config.adminToken()).isEqualTo("a${env:HOME}b-0123456789012345678");
        assertThat(config.dataDir()).isEqualTo(Path.of("@data"));
    }

    @Test
    void shouldReadTlsSettingsFromTheFileUnderTheCommandLine() throws Exception
    {
        final String password = "s3cret-store";
        final Path keyStore = KeyStoreFiles.keyStore(folder, "switch", "CN=localhost,O=Payment Switch", password,
            null, 30);
        final Path passwordFile = folder.resolve("password.txt");
        Files.writeString(passwordFile, password + "\n");
        final Path file = folder.resolve("switch.properties");
        Files.writeString(file, "tls-iso=true\ntls-key-store=" + keyStore + "\ntls-key-store-password-file=" +
            passwordFile + "\n");

        final SwitchConfig config = parse("--config", file.toString(), "--tls-http", "true");

        assertThat(config.tls().iso()).isTrue();
        assertThat(config.tls().http()).isTrue();
        assertThat(config.tls().key().subject()).startsWith("CN=localhost");
    }

    @Test
    void shouldRefuseBadValuesNamingTheKeyWhateverTheLayer() throws Exception
    {
        assertThatThrownBy(() -> parse("--pipeline-layout", "SIDEWAYS")).isInstanceOf(ConfigException.class)
            .hasMessage("pipeline-layout: one of FUSED, STAGED, was 'SIDEWAYS'");
        assertThatThrownBy(() -> parse("--http-port", "eighty")).hasMessage("http-port: not a number: 'eighty'");
        assertThatThrownBy(() -> parse("--ring-size", "1000")).hasMessageStartingWith("ring-size:");
        assertThatThrownBy(() -> parse("--bind", " ")).hasMessage("bind: a value is required");
        final Path file = folder.resolve("bad.properties");
        Files.writeString(file, "zone=Mars/Olympus\n");
        assertThatThrownBy(() -> parse("--config", file.toString())).hasMessageStartingWith("zone:");
        final Properties system = new Properties();
        system.setProperty("payswitch.journal-sync", "yes");
        assertThatThrownBy(() -> SwitchCommandLine.parse(system)).hasMessage("journal-sync: true or false, was 'yes'");
    }

    @Test
    void shouldRefuseWhatIsNoSettingInOneLine() throws Exception
    {
        final String known = "known: " + String.join(", ", SwitchConfig.defaults().keySet());
        assertThatThrownBy(() -> parse("--colour", "blue")).isInstanceOf(ConfigException.class)
            .hasMessage("colour: unknown setting (in the command line); " + known);
        assertThatThrownBy(() -> parse("--colour=blue")).hasMessageStartingWith("colour: unknown setting");
        assertThatThrownBy(() -> parse("--data-dir")).hasMessage("--data-dir: a value is required");
        assertThatThrownBy(() -> parse("--data-dir", "--http-port", "1")).hasMessage("--data-dir: a value is required");
        assertThatThrownBy(() -> parse("--config")).hasMessage("--config: a value is required");
        assertThatThrownBy(() -> parse("data")).hasMessage("unexpected argument 'data': options are --key value");
        assertThatThrownBy(() -> parse("-x")).hasMessage("unexpected argument '-x': options are --key value");
        final Path missing = folder.resolve("missing");
        assertThatThrownBy(() -> parse("--config", missing.toString())).hasMessageStartingWith("config: cannot read " +
            missing);
        final Path file = folder.resolve("switch.properties");
        Files.writeString(file, "http-port=9090\ncolour=blue\n");
        assertThatThrownBy(() -> parse("--config", file.toString()))
            .hasMessage("colour: unknown setting (in --config " + file + "); " + known);
    }
}
