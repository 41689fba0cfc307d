package org.payswitch.tools;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PanInput}: the first line of a file or of stdin, 12 to 19 digits, never shown when it is not a PAN. */
class PanInputTest
{
    @TempDir
    Path folder;

    @Test
    void shouldReadTheFirstLineOfAFileSpacesIgnored() throws IOException
    {
        final PanInput.Card card = fromFile("6222 6000 0000 0006\nsecond line\n");
        assertThat(card.pan()).isEqualTo(6_222_600_000_000_006L);
        assertThat(card.length()).isEqualTo(16);
        assertThat(card.masked()).isEqualTo("622260******0006");
        assertThat(card.truncated()).isEqualTo(6_222_600_006L);
    }

    @Test
    void shouldReadStandardInput()
    {
        final PanInput input = new PanInput();
        input.stdin = true;
        final PanInput.Card card = input.read(new ByteArrayInputStream(
            "4367420000000021\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(card.masked()).isEqualTo("436742******0021");
    }

    @Test
    void shouldTakeNineteenDigitsAndTwelve() throws IOException
    {
        assertThat(fromFile("9999999999999999999").masked()).isEqualTo("999999*********9999");
        assertThat(fromFile("622260000006").length()).isEqualTo(12);
    }

    @Test
    void shouldRefuseWhatIsNotAPanWithoutShowingIt()
    {
        for (final String line : new String[] {"62226000006", "62226000000000000060", "6222-6000-0000-0006",
            "622260000000000x"})
        {
            assertThatThrownBy(() -> fromFile(line + "\n")).as(line).isInstanceOf(BadOptionException.class)
                .hasMessageStartingWith("--pan-file: the first line of ").hasMessageContaining("12 to 19 digits")
                .hasMessageNotContaining(line).hasMessageNotContaining("0006");
        }
        assertThatThrownBy(() -> fromFile("\n")).hasMessageEndingWith("holds no PAN on its first line");
        final PanInput input = new PanInput();
        input.stdin = true;
        assertThatThrownBy(() -> input.read(new ByteArrayInputStream(new byte[0])))
            .hasMessage("--pan-stdin: standard input holds no PAN on its first line");
    }

    @Test
    void shouldNameAFileItCannotRead()
    {
        final PanInput input = new PanInput();
        input.file = folder.resolve("none.pan");
        assertThatThrownBy(() -> input.read(null))
            .hasMessage("--pan-file: cannot read " + input.file + ": NoSuchFileException");
    }

    private PanInput.Card fromFile(final String text) throws IOException
    {
        final Path file = folder.resolve("card.pan");
        Files.writeString(file, text);
        final PanInput input = new PanInput();
        input.file = file;
        return input.read(null);
    }
}
