package org.payswitch.core.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.crypto.CardKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code card-key-file}: the demo key beside the data folder on loopback, required elsewhere, never inside the data. */
class CardDataConfigTest
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
    void shouldUseTheDemoKeyFileBesideTheDataFolderOnLoopback()
    {
        final SwitchConfig config = SwitchConfig.from(values());
        final CardKeys keys = config.cardData().keys(config.dataDir());

        assertThat(config.cardData().keyFile()).isNull();
        assertThat(keys.demo()).isTrue();
        assertThat(keys.keyFile()).isEqualTo(folder.resolve("data.card-keys").toAbsolutePath());
        assertThat(keys.keyFile().startsWith(folder.resolve("data").toAbsolutePath())).isFalse();
        assertThat(keys.ringFolder()).isEqualTo(folder.resolve("data").resolve("keys"));
    }

    @Test
    void shouldUseTheConfiguredKeyFile()
    {
        final Path keyFile = folder.resolve("secrets").resolve("card-keys");
        final SwitchConfig config = SwitchConfig.from(values("card-key-file", keyFile.toString()));
        final CardKeys keys = config.cardData().keys(config.dataDir());

        assertThat(keys.demo()).isFalse();
        assertThat(keys.keyFile()).isEqualTo(keyFile.toAbsolutePath());
    }

    @Test
    void shouldRefuseOffLoopbackWithoutAKeyFileNamingTheSetting()
    {
        final Map<String, String> offLoopback = values("bind", "0.0.0.0");

        assertThatThrownBy(() -> CardDataConfig.from(offLoopback)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("card-key-file: required when bind is 0.0.0.0 (not loopback)");
        offLoopback.put("card-key-file", folder.resolve("card-keys").toString());
        assertThat(CardDataConfig.from(offLoopback).keyFile()).isEqualTo(folder.resolve("card-keys").toAbsolutePath());
    }

    @Test
    void shouldRefuseAKeyFileInsideTheDataFolder()
    {
        assertThatThrownBy(() -> SwitchConfig.from(values("card-key-file", folder.resolve("data/keys/kek").toString())))
            .isInstanceOf(ConfigException.class).hasMessageStartingWith("card-key-file: ")
            .hasMessageContaining("inside the data folder");
    }
}
