package org.payswitch.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.pipeline.PipelineConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwitchConfigTest
{
    @TempDir
    Path folder;

    @Test
    void shouldStartFromTheDefaultsOfTheContract()
    {
        final SwitchConfig config = SwitchConfig.fromArgs();

        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.isoPort()).isEqualTo(8583);
        assertThat(config.bind()).isEqualTo("127.0.0.1");
        assertThat(config.demoCards()).isEqualTo(1_000_000);
        assertThat(config.adminToken()).isEqualTo("demo-admin-token");
        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(config.holdExpiry()).isEqualTo(Duration.ofDays(7));
        assertThat(config.waitStrategy()).isEqualTo(PipelineConfig.Waiting.PARKING);
        assertThat(config.pipelineLayout()).isEqualTo(PipelineConfig.Layout.FUSED);
        assertThat(config.ioThreads()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnUnknownLayoutNamingTheKeyAndTheChoices()
    {
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--pipeline-layout", "SIDEWAYS"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("pipeline-layout: one of FUSED, STAGED, was 'SIDEWAYS'");
    }

    @Test
    void shouldLayerTheFileUnderTheCommandLine() throws Exception
    {
        final Path file = folder.resolve("switch.properties");
        Files.writeString(file, "http-port=9090\niso-port=9583\nzone=UTC\n");

        final SwitchConfig config = SwitchConfig.fromArgs("--config", file.toString(), "--iso-port", "7583",
            "--hold-expiry=PT1H");

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.isoPort()).isEqualTo(7583);
        assertThat(config.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.holdExpiry()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldTakeSystemPropertiesOverTheFile()
    {
        System.setProperty("payswitch.demo-cards", "12");
        try
        {
            assertThat(SwitchConfig.fromArgs().demoCards()).isEqualTo(12);
            assertThat(SwitchConfig.fromArgs("--demo-cards", "0").demoCards()).isZero();
        }
        finally
        {
            System.clearProperty("payswitch.demo-cards");
        }
    }

    @Test
    void shouldRefuseBadValuesNamingTheKey()
    {
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--http-port", "eighty")).hasMessageStartingWith("http-port:");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--http-port", "70000")).hasMessageStartingWith("http-port:");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--zone", "Mars/Olympus")).hasMessageStartingWith("zone:");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--hold-expiry", "7 days")).hasMessageStartingWith("hold-expiry:");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--ring-size", "1000")).hasMessageStartingWith("ring-size:");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--journal-sync", "yes")).hasMessageStartingWith("journal-sync:");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--colour", "blue")).hasMessageStartingWith("colour:");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--data-dir")).hasMessageContaining("a value is required");
        assertThatThrownBy(() -> SwitchConfig.fromArgs("--config", folder.resolve("missing").toString()))
            .hasMessageStartingWith("config:");
    }
}
