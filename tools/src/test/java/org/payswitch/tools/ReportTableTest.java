package org.payswitch.tools;

import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ReportTable}: aligned columns and RFC 4180 CSV. */
class ReportTableTest
{
    private final ReportTable table = new ReportTable(new String[] {"NAME", "CUR", "AMOUNT"},
        new String[] {"name", "currency", "amount"}, new boolean[] {false, false, true});

    @Test
    void shouldAlignTextLeftAndNumbersRightUnderTheirHeadings()
    {
        table.add("Bank A", "CNY", "1.00");
        table.add("B", "JPY", "12345");

        assertThat(print(false)).isEqualTo(
            "NAME    CUR  AMOUNT\n" +
            "Bank A  CNY    1.00\n" +
            "B       JPY   12345\n");
    }

    @Test
    void shouldQuoteOnlyTheCsvFieldsThatNeedItDoublingTheirQuotes()
    {
        table.add("Bank, \"East\"", "CNY", "1.00");
        table.add("Plain", "CNY", "2.00");

        assertThat(print(true)).isEqualTo("name,currency,amount\n\"Bank, \"\"East\"\"\",CNY,1.00\nPlain,CNY,2.00\n");
    }

    private String print(final boolean csv)
    {
        final StringWriter out = new StringWriter();
        final LineBuffer line = new LineBuffer(out);
        if (csv)
        {
            table.printCsv(line);
        }
        else
        {
            table.printTable(line);
        }
        line.flush();
        return out.toString();
    }
}
