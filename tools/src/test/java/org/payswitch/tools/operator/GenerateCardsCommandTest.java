package org.payswitch.tools.operator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.Pan;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class GenerateCardsCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int generate(final String... args)
    {
        final CommandLine command = new CommandLine(new GenerateCardsCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void shouldWriteTheDemoCardsFromTheFirstAsked()
    {
        assertThat(generate("3", "--first", "6")).isZero();

        assertThat(out.toString().lines().toList()).containsExactly(CardCsv.HEADER,
            DemoData.panText(6) + ",3012,ACTIVE,CNY,5000000,,",
            DemoData.panText(7) + ",3012,ACTIVE,CNY,5000000,,",
            DemoData.panText(8) + ",3012,ACTIVE,CNY,5000000,,");
    }

    @Test
    void shouldPutEveryCardOnTheBinAskedWithAValidCheckDigit()
    {
        assertThat(generate("50", "--bin", "411111")).isZero();

        final List<String> rows = out.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(50);
        for (int i = 0; i < rows.size(); i++)
        {
            final String pan = rows.get(i).substring(0, rows.get(i).indexOf(','));
            assertThat(pan).startsWith("411111").hasSize(16);
            assertThat(pan.substring(6, 15)).isEqualTo(String.format("%09d", i));
            assertThat(Pan.isLuhnValid(Pan.parse(pan), 16)).as(pan).isTrue();
        }
    }

    @Test
    void shouldRefuseWhatCannotBeNumberedOrABadBin()
    {
        assertThat(generate("2", "--first", "999999999")).isEqualTo(2);
        assertThat(generate("1", "--bin", "41111")).isEqualTo(2);
        assertThat(generate("-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--first + N <= 1000000000", "--bin must be 6 digits");
        assertThat(out.toString()).isEmpty();
    }
}
