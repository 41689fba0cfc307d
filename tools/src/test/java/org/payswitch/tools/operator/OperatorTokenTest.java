package org.payswitch.tools.operator;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorTokenTest
{
    @TempDir
    Path folder;

    @Test
    void shouldReadTheFirstLineOfTheFileBeforeTheEnvironment() throws Exception
    {
        final Path file = Files.writeString(folder.resolve("token"), "  from-the-file  \nsecond line\n");

        final OperatorToken token = OperatorToken.read(file, "from-the-environment");

        assertThat(token.value()).isEqualTo("from-the-file");
        assertThat(token.toString()).doesNotContain("from-the-file");
    }

    @Test
    void shouldFallBackToTheEnvironment()
    {
        assertThat(OperatorToken.read(null, "from-the-environment").value()).isEqualTo("from-the-environment");
    }

    @Test
    void shouldSayWhereToPutTheTokenWhenThereIsNone() throws Exception
    {
        assertThat(OperatorToken.read(null, null).problem())
            .isEqualTo("no operator token: give --token-file FILE or set PAYSWITCH_ADMIN_TOKEN");
        assertThat(OperatorToken.read(folder.resolve("missing"), null).problem())
            .startsWith("cannot read the token file " + folder.resolve("missing"));
        assertThat(OperatorToken.read(Files.writeString(folder.resolve("empty"), "\n"), "ignored").problem())
            .endsWith("the token must be one line of printable ASCII");
    }
}
