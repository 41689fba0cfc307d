package org.payswitch.core.config;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connection caps and deadlines: their defaults, overrides, and refusals naming the key. */
class GatewayLimitsTest
{
    @Test
    void shouldDefaultToTenThousandConnectionsAThousandPerAddressTenSecondsAndFiveMinutes()
    {
        final GatewayLimits limits = SwitchConfigs.with().limits();

        assertThat(limits.maxConnections()).isEqualTo(10_000);
        assertThat(limits.maxConnectionsPerAddress()).isEqualTo(1_000);
        assertThat(limits.requestDeadline()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldTakeOverrides()
    {
        final GatewayLimits limits = SwitchConfigs.with("max-connections", "50", "max-connections-per-address",
            "5", "request-deadline", "PT0.5S", "idle-timeout", "PT2S").limits();

        assertThat(limits).isEqualTo(new GatewayLimits(50, 5, Duration.ofMillis(500), Duration.ofSeconds(2)));
    }

    @Test
    void shouldRefuseBadValuesNamingTheKey()
    {
        assertThatThrownBy(() -> SwitchConfigs.with("max-connections", "0"))
            .isInstanceOf(ConfigException.class).hasMessage("max-connections: 1..1000000, was 0");
        assertThatThrownBy(() -> SwitchConfigs.with("max-connections-per-address", "many"))
            .hasMessage("max-connections-per-address: not a number: 'many'");
        assertThatThrownBy(() -> SwitchConfigs.with("max-connections", "10", "max-connections-per-address", "11"))
            .hasMessage("max-connections-per-address: at most max-connections (10), was 11");
        assertThatThrownBy(() -> SwitchConfigs.with("request-deadline", "10s"))
            .hasMessageStartingWith("request-deadline: not an ISO-8601 duration");
        assertThatThrownBy(() -> SwitchConfigs.with("idle-timeout", "PT0S"))
            .hasMessageStartingWith("idle-timeout: a positive ISO-8601 duration");
    }
}
