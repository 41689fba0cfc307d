package org.payswitch.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.testing.KeyStoreFiles;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlsConfigTest
{
    private static final String PASSWORD = "s3cret-store";
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @TempDir
    static Path folder;

    private static Path keyStore;
    private static Path trustStore;
    private static Path expired;
    private static Path passwordFile;

    @BeforeAll
    static void makeStores() throws Exception
    {
        keyStore = KeyStoreFiles.keyStore(folder, "switch", "CN=localhost,O=Payment Switch", PASSWORD, null, 30);
        final Path client = KeyStoreFiles.keyStore(folder, "acquirer", "CN=acquirer-1", PASSWORD, null, 30);
        trustStore = KeyStoreFiles.trustStore(folder, "trust", client, "acquirer", PASSWORD, PASSWORD);
        expired = KeyStoreFiles.keyStore(folder, "expired", "CN=localhost", PASSWORD, "-10d", 2);
        passwordFile = folder.resolve("password.txt");
        Files.writeString(passwordFile, PASSWORD + "\n");
    }

    private static Map<String, String> values(final String... keysAndValues)
    {
        final Map<String, String> values = TlsConfig.defaults();
        for (int i = 0; i < keysAndValues.length; i += 2)
        {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private static TlsConfig tls(final String... keysAndValues)
    {
        return TlsConfig.from(values(keysAndValues), NO_ENVIRONMENT);
    }

    @Test
    void shouldBeOffByDefault()
    {
        final TlsConfig tls = SwitchConfigs.with().tls();

        assertThat(tls).isEqualTo(TlsConfig.OFF);
        assertThat(tls.enabled()).isFalse();
    }

    @Test
    void shouldLoadTheKeyWithThePasswordFromAFile()
    {
        final TlsConfig tls = tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", passwordFile.toString());

        assertThat(tls.iso()).isTrue();
        assertThat(tls.http()).isFalse();
        assertThat(tls.clientAuth()).isEqualTo(TlsConfig.ClientAuth.NONE);
        assertThat(tls.key().subject()).isEqualTo("CN=localhost,O=Payment Switch");
        assertThat(tls.key().chain()).hasSize(1);
        assertThat(tls.key().privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(tls.trusted()).isEmpty();
    }

    @Test
    void shouldTakeThePasswordFromTheEnvironmentWhenNoFileIsNamed()
    {
        final TlsConfig tls = TlsConfig.from(values("tls-http", "true", "tls-key-store", keyStore.toString()),
            name -> TlsConfig.KEY_STORE_PASSWORD_ENV.equals(name) ? PASSWORD : null);

        assertThat(tls.http()).isTrue();
        assertThat(tls.key().subject()).startsWith("CN=localhost");
    }

    @Test
    void shouldLoadTheTrustStoreForClientCertificates()
    {
        final TlsConfig tls = tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", passwordFile.toString(), "tls-client-auth", "REQUIRE",
            "tls-trust-store", trustStore.toString(), "tls-trust-store-password-file", passwordFile.toString());

        assertThat(tls.clientAuth()).isEqualTo(TlsConfig.ClientAuth.REQUIRE);
        assertThat(tls.trusted()).singleElement()
            .satisfies(c -> assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=acquirer-1"));
    }

    @Test
    void shouldNeverShowThePasswordOrTheKey()
    {
        final TlsConfig tls = tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", passwordFile.toString());

        assertThat(tls.toString()).contains("CN=localhost").doesNotContain(PASSWORD, "PrivateKey", "BEGIN");
    }

    @Test
    void shouldRequireAKeyStoreWhenAPortSpeaksTls()
    {
        assertThatThrownBy(() -> tls("tls-http", "true"))
            .isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("tls-key-store: required with tls-http or tls-iso true");
    }

    @Test
    void shouldRefuseAMissingKeyStoreFile()
    {
        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", folder.resolve("none.p12").toString(),
            "tls-key-store-password-file", passwordFile.toString()))
            .hasMessageStartingWith("tls-key-store: no such file: ");
    }

    @Test
    void shouldRefuseAWrongPasswordWithoutShowingIt() throws Exception
    {
        final Path wrong = folder.resolve("wrong.txt");
        Files.writeString(wrong, "not-the-password");

        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", wrong.toString()))
            .hasMessageStartingWith("tls-key-store: wrong password for ")
            .hasMessageNotContaining("not-the-password");
    }

    @Test
    void shouldRefuseAKeyStoreWithoutAPasswordSource()
    {
        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", keyStore.toString()))
            .hasMessage("tls-key-store-password-file: not set, and the environment variable " +
                "PAYSWITCH_TLS_KEY_STORE_PASSWORD is not set either: give the password in one of them");
    }

    @Test
    void shouldRefuseAMissingPasswordFileAndAnEmptyOne() throws Exception
    {
        final Path empty = folder.resolve("empty.txt");
        Files.writeString(empty, "\n");

        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", folder.resolve("nothing.txt").toString()))
            .hasMessageStartingWith("tls-key-store-password-file: no such file: ");
        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", empty.toString()))
            .hasMessageStartingWith("tls-key-store-password-file: the file ").hasMessageEndingWith("holds no password");
    }

    @Test
    void shouldRefuseAKeyStoreWithoutAKeyEntry()
    {
        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", trustStore.toString(),
            "tls-key-store-password-file", passwordFile.toString()))
            .hasMessageStartingWith("tls-key-store: no key entry");
    }

    @Test
    void shouldRefuseAFileThatIsNoKeyStore() throws Exception
    {
        final Path text = folder.resolve("switch.pem");
        Files.writeString(text, "-----BEGIN CERTIFICATE-----\n");

        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", text.toString(),
            "tls-key-store-password-file", passwordFile.toString()))
            .hasMessageStartingWith("tls-key-store: not a readable PKCS12 store: ");
    }

    @Test
    void shouldRefuseAnExpiredCertificate()
    {
        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", expired.toString(),
            "tls-key-store-password-file", passwordFile.toString()))
            .hasMessageStartingWith("tls-key-store: the certificate in ").hasMessageContaining(" expired on ");
    }

    @Test
    void shouldRefuseClientAuthWithoutATrustStoreAndATrustStoreWithoutClientAuth()
    {
        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", passwordFile.toString(), "tls-client-auth", "REQUIRE"))
            .hasMessageStartingWith("tls-trust-store: required with tls-client-auth REQUIRE");
        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", passwordFile.toString(), "tls-trust-store", trustStore.toString()))
            .hasMessageStartingWith("tls-trust-store: set, but tls-client-auth is NONE");
        assertThatThrownBy(() -> tls("tls-client-auth", "OPTIONAL"))
            .hasMessage("tls-client-auth: OPTIONAL needs tls-http or tls-iso true");
    }

    @Test
    void shouldRefuseAWrongTrustStorePasswordAndUnknownChoices() throws Exception
    {
        final Path wrong = folder.resolve("wrong-trust.txt");
        Files.writeString(wrong, "nope-nope");

        assertThatThrownBy(() -> tls("tls-iso", "true", "tls-key-store", keyStore.toString(),
            "tls-key-store-password-file", passwordFile.toString(), "tls-client-auth", "REQUIRE",
            "tls-trust-store", trustStore.toString(), "tls-trust-store-password-file", wrong.toString()))
            .hasMessageStartingWith("tls-trust-store: wrong password for ");
        assertThatThrownBy(() -> tls("tls-client-auth", "ALWAYS"))
            .hasMessage("tls-client-auth: one of NONE, OPTIONAL, REQUIRE, was 'ALWAYS'");
        assertThatThrownBy(() -> tls("tls-iso", "yes")).hasMessage("tls-iso: true or false, was 'yes'");
    }
}
