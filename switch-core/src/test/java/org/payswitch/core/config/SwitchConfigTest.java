package org.payswitch.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.payswitch.core.pipeline.PipelineConfig;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwitchConfigTest
{
    @Test
    void shouldStartFromTheDefaultsOfTheContract()
    {
        final SwitchConfig config = SwitchConfig.from(SwitchConfig.defaults());

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
        assertThatThrownBy(() -> SwitchConfigs.with("pipeline-layout", "SIDEWAYS"))
            .isInstanceOf(ConfigException.class)
            .hasMessage("pipeline-layout: one of FUSED, STAGED, was 'SIDEWAYS'");
    }

    @Test
    void shouldRefuseBadValuesNamingTheKey()
    {
        assertThatThrownBy(() -> SwitchConfigs.with("http-port", "eighty")).hasMessageStartingWith("http-port:");
        assertThatThrownBy(() -> SwitchConfigs.with("http-port", "70000")).hasMessageStartingWith("http-port:");
        assertThatThrownBy(() -> SwitchConfigs.with("zone", "Mars/Olympus")).hasMessageStartingWith("zone:");
        assertThatThrownBy(() -> SwitchConfigs.with("hold-expiry", "7 days")).hasMessageStartingWith("hold-expiry:");
        assertThatThrownBy(() -> SwitchConfigs.with("ring-size", "1000")).hasMessageStartingWith("ring-size:");
        assertThatThrownBy(() -> SwitchConfigs.with("journal-sync", "yes")).hasMessageStartingWith("journal-sync:");
        assertThatThrownBy(() -> SwitchConfigs.with("data-dir", " ")).hasMessage("data-dir: a value is required");
    }

    @Test
    void shouldRequireEveryKey()
    {
        final Map<String, String> values = SwitchConfig.defaults();
        values.remove("bind");

        assertThatThrownBy(() -> SwitchConfig.from(values)).hasMessage("bind: a value is required");
    }
}
