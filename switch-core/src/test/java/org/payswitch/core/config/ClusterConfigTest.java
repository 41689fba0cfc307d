package org.payswitch.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code cluster}, {@code cluster-member}, {@code cluster-key-file} and
 * {@code cluster-heartbeat-timeout}: standalone without {@code cluster}; the members' hosts and
 * base ports in member-id order, this member's id an index into them; the shared secret beside the
 * data folder unless set, never inside it; the heartbeat timeout within its bounds. Each refusal
 * is a {@link ConfigException} whose message starts with the setting it refuses.
 */
class ClusterConfigTest
{
    @TempDir
    Path folder;

    private Map<String, String> values(final String... keysAndValues)
    {
        final Map<String, String> values = SwitchConfig.defaults();
        values.put("data-dir", folder.resolve("data").toString());
        for (int i = 0; i < keysAndValues.length; i += 2)
        {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void shouldRunStandaloneByDefault()
    {
        final ClusterConfig cluster = SwitchConfig.from(values()).cluster();

        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.members()).isEmpty();
        assertThat(cluster.memberId()).isZero();
        assertThat(cluster.keyFile()).isNull();
        assertThat(cluster.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(SwitchConfig.defaults()).containsEntry("cluster", "").containsEntry("cluster-member", "0")
            .containsEntry("cluster-key-file", "").containsEntry("cluster-heartbeat-timeout", "PT1S");
    }

    @Test
    void shouldRunStandaloneWhenClusterIsBlankWhateverTheMemberId()
    {
        final ClusterConfig cluster = ClusterConfig.from(values("cluster", "  ", "cluster-member", "5"));

        assertThat(cluster.enabled()).isFalse();
        assertThat(cluster.keyFile()).isNull();
    }

    @Test
    void shouldReadEveryMemberWithItsBasePortInMemberIdOrder()
    {
        final ClusterConfig cluster = SwitchConfig.from(values(
            "cluster", "10.0.0.1:9000, 10.0.0.2:9100 ,switch-c.example:9200", "cluster-member", " 2 ",
            "cluster-heartbeat-timeout", "PT0.5S")).cluster();

        assertThat(cluster.enabled()).isTrue();
        assertThat(cluster.members()).containsExactly(new ClusterConfig.Member("10.0.0.1", 9000),
            new ClusterConfig.Member("10.0.0.2", 9100), new ClusterConfig.Member("switch-c.example", 9200));
        assertThat(cluster.memberId()).isEqualTo(2);
        assertThat(cluster.self()).isEqualTo(new ClusterConfig.Member("switch-c.example", 9200));
        assertThat(cluster.heartbeatTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(cluster.self().endpoint(ClusterConfig.INGRESS)).isEqualTo("switch-c.example:9200");
        assertThat(cluster.self().endpoint(ClusterConfig.CONSENSUS)).isEqualTo("switch-c.example:9201");
        assertThat(cluster.self().endpoint(ClusterConfig.LOG)).isEqualTo("switch-c.example:9202");
        assertThat(cluster.self().endpoint(ClusterConfig.CATCHUP)).isEqualTo("switch-c.example:9203");
        assertThat(cluster.self().endpoint(ClusterConfig.ARCHIVE)).isEqualTo("switch-c.example:9204");
    }

    @Test
    void shouldReadAMemberWhoseHostHoldsColonsByItsLastColon()
    {
        final ClusterConfig cluster = ClusterConfig.from(values("cluster", "[::1]:9000"));

        assertThat(cluster.members()).containsExactly(new ClusterConfig.Member("[::1]", 9000));
        assertThat(cluster.memberId()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"switch-a", ":9000", "switch-a:", "switch-a:9000,,switch-b:9000", ",switch-a:9000"})
    void shouldRefuseAMemberThatIsNotHostColonPort(final String list)
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", list))).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("cluster: each member is host:port");
    }

    @Test
    void shouldRefuseAPortThatIsNotANumber()
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "switch-a:9000,switch-b:90x0")))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster: not a port in 'switch-b:90x0'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "65532", "65535", "70000"})
    void shouldRefuseABasePortWhoseFivePortsDoNotFit(final String port)
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "switch-a:" + port)))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster: a member's base port is 1..65531")
            .hasMessageEndingWith("was " + Integer.parseInt(port));
    }

    @Test
    void shouldTakeTheLowestAndHighestBasePorts()
    {
        assertThat(ClusterConfig.from(values("cluster", "switch-a:1,switch-b:65531")).members())
            .extracting(ClusterConfig.Member::basePort).containsExactly(1, 65_531);
    }

    @ParameterizedTest
    @ValueSource(strings = {"3", "-1", "7"})
    void shouldRefuseAMemberIdThatIsNoIndexIntoCluster(final String id)
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "a:9000,b:9000,c:9000", "cluster-member", id)))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster-member: 0..2")
            .hasMessageEndingWith("was " + id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"one", "", "1.0", "0x1"})
    void shouldRefuseAMemberIdThatIsNotANumber(final String id)
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "a:9000,b:9000", "cluster-member", id)))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster-member: not a number: '" + id + "'");
    }

    @Test
    void shouldTakeSevenMembersAndRefuseEight()
    {
        final String seven = "m0:9000,m1:9000,m2:9000,m3:9000,m4:9000,m5:9000,m6:9000";

        final ClusterConfig cluster = ClusterConfig.from(values("cluster", seven, "cluster-member", "6"));
        assertThat(cluster.members()).hasSize(ClusterConfig.MAX_MEMBERS);
        assertThat(cluster.self().host()).isEqualTo("m6");
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", seven + ",m7:9000")))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster: at most 7 members, was 8");
    }

    @Test
    void shouldKeepTheSecretBesideTheDataFolderByDefault()
    {
        final ClusterConfig cluster = ClusterConfig.from(values("cluster", "a:9000,b:9100", "cluster-member", "1"));

        assertThat(cluster.keyFile()).isEqualTo(folder.resolve("cluster.key").toAbsolutePath().normalize());
        assertThat(cluster.keyFile().startsWith(folder.resolve("data").toAbsolutePath())).isFalse();
    }

    @Test
    void shouldShareTheDefaultSecretBetweenMembersWhoseDataFoldersSitSideBySide()
    {
        final Path first = ClusterConfig.from(values("cluster", "a:9000,a:9100",
            "data-dir", folder.resolve("member-0").toString())).keyFile();
        final Path second = ClusterConfig.from(values("cluster", "a:9000,a:9100", "cluster-member", "1",
            "data-dir", folder.resolve("member-1").toString())).keyFile();

        assertThat(first).isEqualTo(second).isEqualTo(folder.resolve("cluster.key").toAbsolutePath());
    }

    @Test
    void shouldUseTheConfiguredSecretFileOutsideTheDataFolder()
    {
        final Path secret = folder.resolve("secrets").resolve("payswitch.secret");
        final Path besideByName = folder.resolve("data-secrets").resolve("cluster.key");
        final Path leavingTheData = folder.resolve("data").resolve("..").resolve("elsewhere.secret");

        assertThat(ClusterConfig.from(values("cluster", "a:9000", "cluster-key-file", secret.toString())).keyFile())
            .isEqualTo(secret.toAbsolutePath());
        assertThat(ClusterConfig.from(values("cluster", "a:9000", "cluster-key-file", besideByName.toString()))
            .keyFile()).isEqualTo(besideByName.toAbsolutePath());
        assertThat(ClusterConfig.from(values("cluster", "a:9000", "cluster-key-file", leavingTheData.toString()))
            .keyFile()).isEqualTo(folder.resolve("elsewhere.secret").toAbsolutePath());
    }

    @Test
    void shouldRefuseASecretFileInsideTheDataFolder()
    {
        for (final Path inside : List.of(folder.resolve("data").resolve("cluster.key"),
            folder.resolve("data").resolve("keys").resolve("..").resolve("secret"), folder.resolve("data")))
        {
            assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "a:9000", "cluster-key-file",
                inside.toString()))).as(inside.toString()).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cluster-key-file: ").hasMessageContaining("is inside the data folder");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0.1S", "PT1S", "PT10S", "PT1M", "PT60S"})
    void shouldTakeAHeartbeatTimeoutWithinItsBounds(final String timeout)
    {
        assertThat(ClusterConfig.from(values("cluster", "a:9000", "cluster-heartbeat-timeout", timeout))
            .heartbeatTimeout()).isEqualTo(Duration.parse(timeout));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT0.099S", "PT-1S", "PT61S", "PT2M", "P1D"})
    void shouldRefuseAHeartbeatTimeoutOutsideItsBoundsStandaloneToo(final String timeout)
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "a:9000", "cluster-heartbeat-timeout", timeout)))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster-heartbeat-timeout: PT0.1S..PT60S, was ");
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster-heartbeat-timeout", timeout)))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster-heartbeat-timeout: ");
    }

    /** The bound is PT60S, as the message says: a fraction of a second past it is past it. */
    @Test
    void shouldRefuseAHeartbeatTimeoutAFractionOfASecondPastSixtySeconds()
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "a:9000", "cluster-heartbeat-timeout", "PT60.5S")))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster-heartbeat-timeout: PT0.1S..PT60S");
    }

    /** A duration too long for milliseconds is refused as out of bounds, naming the setting, not as an overflow. */
    @Test
    void shouldRefuseAHeartbeatTimeoutTooLongForMillisecondsNamingTheSetting()
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "a:9000",
            "cluster-heartbeat-timeout", "PT10000000000000000S")))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("cluster-heartbeat-timeout: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1s", "1000", "", "PT"})
    void shouldRefuseAHeartbeatTimeoutThatIsNoDuration(final String timeout)
    {
        assertThatThrownBy(() -> ClusterConfig.from(values("cluster", "a:9000", "cluster-heartbeat-timeout", timeout)))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("cluster-heartbeat-timeout: not an ISO-8601 duration (e.g. PT1S): '" + timeout + "'");
    }
}
