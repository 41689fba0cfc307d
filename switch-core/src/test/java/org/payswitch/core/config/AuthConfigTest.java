package org.payswitch.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.testing.SwitchConfigs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthConfigTest
{
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;
    private static final String HASH = "a".repeat(64);
    private static final String STRONG_TOKEN = "k3Yx9QvW2mLp7RtZ5sNd8FhJ";

    @TempDir
    Path folder;

    private Map<String, String> values(final String... keysAndValues)
    {
        final Map<String, String> values = SwitchConfig.defaults();
        for (int i = 0; i < keysAndValues.length; i += 2)
        {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private Path file(final String name, final String content) throws Exception
    {
        final Path file = folder.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static AuthConfig auth(final Map<String, String> values)
    {
        return AuthConfig.from(values, NO_ENVIRONMENT);
    }

    private Map<String, String> offLoopbackWithEverything() throws Exception
    {
        return values("bind", "0.0.0.0",
            "admin-token-file", file("token", STRONG_TOKEN + "\n").toString(),
            "api-keys-file", file("keys", "key.shop-1.sha256=" + HASH + "\nkey.shop-1.merchants=*\n").toString(),
            "acquirers-file", file("acquirers", "acquirer.12345.terminals=*\n").toString());
    }

    @Test
    void shouldKeepTheDemoStartOpenOnLoopback()
    {
        final AuthConfig auth = SwitchConfigs.with().auth();

        assertThat(auth.adminToken()).isEqualTo(AuthConfig.DEMO_ADMIN_TOKEN);
        assertThat(auth.checkoutKeysRequired()).isFalse();
        assertThat(auth.acquirersRequired()).isFalse();
    }

    @Test
    void shouldReadTheAdminTokenFromItsFileBeforeTheEnvironmentBeforeTheOption() throws Exception
    {
        final Path tokenFile = file("token", "from-the-file\n");
        final UnaryOperator<String> environment = name -> AuthConfig.ADMIN_TOKEN_ENV.equals(name) ? "from-env" : null;

        assertThat(AuthConfig.from(values("admin-token-file", tokenFile.toString()), environment).adminToken())
            .isEqualTo("from-the-file");
        assertThat(AuthConfig.from(values("admin-token", "from-option"), environment).adminToken())
            .isEqualTo("from-env");
        assertThat(auth(values("admin-token", "from-option")).adminToken()).isEqualTo("from-option");
        assertThat(auth(values("admin-token-file", tokenFile.toString())).toString())
            .doesNotContain("from-the-file");
    }

    @Test
    void shouldRefuseToStartOffLoopbackWithTheDemoTokenAShortOneOrWithoutKeysOrAcquirers() throws Exception
    {
        final Map<String, String> complete = offLoopbackWithEverything();
        assertThat(auth(complete).apiKeys()).hasSize(1);

        final Map<String, String> demoToken = offLoopbackWithEverything();
        demoToken.put("admin-token-file", "");
        assertThatThrownBy(() -> auth(demoToken)).isInstanceOf(ConfigException.class)
            .hasMessageStartingWith("admin-token: the demo token is refused when bind is 0.0.0.0");
        final Map<String, String> shortToken = offLoopbackWithEverything();
        shortToken.put("admin-token-file", file("short", "short-token").toString());
        assertThatThrownBy(() -> auth(shortToken)).hasMessageStartingWith("admin-token: at least 24 characters");
        final Map<String, String> noKeys = offLoopbackWithEverything();
        noKeys.put("api-keys-file", "");
        assertThatThrownBy(() -> auth(noKeys)).hasMessageStartingWith("api-keys-file: required when bind is 0.0.0.0");
        final Map<String, String> noAcquirers = offLoopbackWithEverything();
        noAcquirers.put("acquirers-file", "");
        assertThatThrownBy(() -> auth(noAcquirers)).hasMessageStartingWith("acquirers-file: required when bind");
    }

    @Test
    void shouldReadApiKeysWithTheirMerchants() throws Exception
    {
        final Path keys = file("keys", """
            # shop 1 sells for two merchants
            key.shop-1.sha256 = %s
            key.shop-1.merchants = M00000000000001, M00000000000002
            key.psp.sha256 = %s
            key.psp.merchants = *
            """.formatted(HASH, "b".repeat(64)));

        final AuthConfig auth = auth(values("api-keys-file", keys.toString()));

        assertThat(auth.checkoutKeysRequired()).isTrue();
        final ApiKey psp = auth.apiKeys().get(0);
        final ApiKey shop = auth.apiKeys().get(1);
        assertThat(psp.id()).isEqualTo("psp");
        assertThat(psp.merchants()).isNull();
        assertThat(shop.sha256()).hasSize(32);
        final AsciiField merchant = new AsciiField(15);
        merchant.set("M00000000000002");
        assertThat(shop.merchants().contains(merchant)).isTrue();
        merchant.set("M00000000000003");
        assertThat(shop.merchants().contains(merchant)).isFalse();
        assertThat(shop.toString()).doesNotContain(HASH);
    }

    @Test
    void shouldRefuseAMalformedApiKeyFileNamingTheSettingAndTheEntry() throws Exception
    {
        assertThatThrownBy(() -> auth(values("api-keys-file", file("k1", "key.a.sha256=abc\nkey.a.merchants=*").toString())))
            .hasMessageStartingWith("api-keys-file: ").hasMessageContaining("key.a.sha256: required, the SHA-256");
        assertThatThrownBy(() -> auth(values("api-keys-file", file("k2", "key.a.sha256=" + HASH).toString())))
            .hasMessageContaining("key.a.merchants: required");
        assertThatThrownBy(() -> auth(values("api-keys-file",
            file("k3", "key.a.sha256=" + HASH + "\nkey.a.merchants=*\nkey.a.secret=x").toString())))
            .hasMessageContaining("unknown attribute 'secret'");
        assertThatThrownBy(() -> auth(values("api-keys-file", file("k4", "key.a.sha256=" + HASH +
            "\nkey.a.merchants=*\nkey.b.sha256=" + HASH + "\nkey.b.merchants=*").toString())))
            .hasMessageContaining("the same hash (or its first 8 bytes) as key.a");
        assertThatThrownBy(() -> auth(values("api-keys-file", file("k5", "# nothing\n").toString())))
            .hasMessageContaining("holds no entry");
        assertThatThrownBy(() -> auth(values("api-keys-file", folder.resolve("missing").toString())))
            .hasMessageStartingWith("api-keys-file: no such file");
        assertThatThrownBy(() -> auth(values("api-keys-file", file("k6", "key.a.sha256=" + HASH +
            "\nkey.a.merchants=M000000000000001234").toString())))
            .hasMessageContaining("key.a.merchants: 'M000000000000001234' is not 1..15");
    }

    @Test
    void shouldReadAcquirersWithTheirScopeAndCertificateSubject() throws Exception
    {
        final Path acquirers = file("acquirers", """
            acquirer.12345.merchants = M00000000000001
            acquirer.12345.client-subject = CN=acquirer-1, O=Demo Acquirer
            acquirer.012.terminals = TERM0001,TERM0002
            """);

        final AuthConfig auth = auth(values("acquirers-file", acquirers.toString()));

        assertThat(auth.acquirersRequired()).isTrue();
        final Acquirer short12 = auth.acquirers().get(0);
        final Acquirer acquirer = auth.acquirers().get(1);
        assertThat(short12.institutionId()).isEqualTo("012");
        assertThat(short12.merchants()).isNull();
        assertThat(short12.terminals().ids()).containsExactlyInAnyOrder("TERM0001", "TERM0002");
        assertThat(short12.key()).isNotEqualTo(Acquirer.key(12, 2));
        assertThat(acquirer.terminals()).isNull();
        assertThat(acquirer.clientSubject()).isEqualTo("cn=acquirer-1,o=demo acquirer");
        assertThat(acquirer.macKey()).isNull();
    }

    @Test
    void shouldReadAnAcquirersMacKeyFromItsOwnFileAndNeverShowIt() throws Exception
    {
        final String hex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        final Path key = file("acquirer.mac", hex + "\n");
        final Path acquirers = file("acquirers", "acquirer.12345.merchants=*\nacquirer.12345.mac-key-file=" + key);

        final Acquirer acquirer = auth(values("acquirers-file", acquirers.toString())).acquirers().get(0);

        assertThat(acquirer.macKey()).hasSize(32).startsWith((byte)0x00, (byte)0x11, (byte)0x22);
        assertThat(acquirer.toString()).doesNotContain("0011").contains("mac=HMAC-SHA256");
        final Path shortKey = file("short.mac", "00112233");
        assertThatThrownBy(() -> auth(values("acquirers-file", file("a6",
            "acquirer.1.merchants=*\nacquirer.1.mac-key-file=" + shortKey).toString())))
            .hasMessageContaining("acquirer.1.mac-key-file: the first line of").hasMessageContaining("16..64 bytes");
        assertThatThrownBy(() -> auth(values("acquirers-file", file("a7",
            "acquirer.1.merchants=*\nacquirer.1.mac-key-file=" + folder.resolve("none")).toString())))
            .hasMessageContaining("acquirer.1.mac-key-file: cannot read");
    }

    @Test
    void shouldRefuseAMalformedAcquirerFileNamingTheSettingAndTheEntry() throws Exception
    {
        assertThatThrownBy(() -> auth(values("acquirers-file", file("a1", "acquirer.12A.terminals=*").toString())))
            .hasMessageStartingWith("acquirers-file: ").hasMessageContaining("the id is the acquirer's DE 32");
        assertThatThrownBy(() -> auth(values("acquirers-file",
            file("a2", "acquirer.12.client-subject=CN=x").toString())))
            .hasMessageContaining("acquirer.12: name its merchants or its terminals");
        assertThatThrownBy(() -> auth(values("acquirers-file",
            file("a3", "acquirer.12.terminals=*\nacquirer.12.client-subject=not a subject").toString())))
            .hasMessageContaining("acquirer.12.client-subject: not a certificate subject");
        assertThatThrownBy(() -> auth(values("acquirers-file", file("a4", "acquirer.12.terminals=TERMINAL09").toString())))
            .hasMessageContaining("acquirer.12.terminals: 'TERMINAL09' is not 1..8");
        assertThatThrownBy(() -> auth(values("acquirers-file", file("a5", "acquirers.12.terminals=*").toString())))
            .hasMessageContaining("is not acquirer.<id>.<attribute>");
    }
}
