package org.payswitch.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SwitchSettings}: the zone and hold expiry found in the switch's own order of layers. */
class SwitchSettingsTest
{
    @TempDir
    Path folder;

    private final SwitchSettings settings = new SwitchSettings();
    private String zone;

    @AfterEach
    void clearProperties()
    {
        System.clearProperty("payswitch.zone");
        System.clearProperty("payswitch.hold-expiry");
    }

    @Test
    void shouldDefaultAsTheSwitchDoes()
    {
        assertThat(settings.resolve(zone)).isEqualTo(new SwitchSettings.Resolved(ZoneId.of("Asia/Shanghai"),
            Duration.ofDays(7), "P7D"));
    }

    @Test
    void shouldTakeTheOptionOverTheSystemPropertyOverTheFile() throws IOException
    {
        settings.config = Files.writeString(folder.resolve("switch.properties"), "zone=UTC\nhold-expiry=PT8H\n");
        assertThat(settings.resolve(zone)).isEqualTo(new SwitchSettings.Resolved(ZoneId.of("UTC"), Duration.ofHours(8), "PT8H"));

        System.setProperty("payswitch.zone", "Europe/Paris");
        assertThat(settings.resolve(zone).zone()).isEqualTo(ZoneId.of("Europe/Paris"));

        zone = "Asia/Tokyo";
        settings.holdExpiry = "PT30M";
        assertThat(settings.resolve(zone)).isEqualTo(new SwitchSettings.Resolved(ZoneId.of("Asia/Tokyo"),
            Duration.ofMinutes(30), "PT30M"));
    }

    @Test
    void shouldNameWhereABadValueCameFrom() throws IOException
    {
        settings.config = Files.writeString(folder.resolve("switch.properties"), "hold-expiry=7 days\n");
        assertThatThrownBy(() -> settings.resolve(zone)).isInstanceOf(BadOptionException.class)
            .hasMessage("--config " + settings.config + ": hold-expiry: '7 days' is not accepted; use a positive " +
                "ISO-8601 duration, e.g. P7D");

        zone = "Nowhere/Else";
        assertThatThrownBy(() -> settings.resolve(zone)).hasMessageStartingWith("--zone: 'Nowhere/Else' is not accepted");

        settings.config = folder.resolve("missing.properties");
        assertThatThrownBy(() -> settings.resolve(zone)).hasMessageStartingWith("--config: '" + settings.config + "' is not accepted");
    }
}
