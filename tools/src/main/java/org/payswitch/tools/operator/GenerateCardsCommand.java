package org.payswitch.tools.operator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Pan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code generate cards N}: a card file ({@link CardCsv}) of N cards made by the demo data's rule
 * (docs/api.md section 5): card i has the BIN {@code 622260, 623199, 436742, 518888} by i modulo 4
 * (or the one given), then i as 9 digits and the Luhn check digit; expiry 3012, ACTIVE, CNY, credit
 * limit 50 000.00, no other limit. So card i of a generated file is demo card i, and a switch
 * started with {@code --demo-cards 0} and fed the file knows the cards the load generator sends.
 * The file holds full PANs, as any card file for an import must: it is test data, not to be
 * shown or logged.
 */
@Command(name = "cards", mixinStandardHelpOptions = true,
    description = {"Writes N cards made by the demo data's rule (docs/api.md section 5) as a card file for import cards.",
        "Card i: BIN 622260/623199/436742/518888 by i mod 4 (or --bin), i as 9 digits, Luhn digit; 3012, ACTIVE, CNY, " +
            "credit 5000000."})
final class GenerateCardsCommand implements Callable<Integer>
{
    /** Cards a file may number: the 9 digits of i. */
    static final long MAX_CARDS = 1_000_000_000L;
    /** The demo cards' currency ({@link DemoData#CNY}) as the card file writes it. */
    private static final String CURRENCY = Currencies.alphaOf(DemoData.CNY);

    @Parameters(index = "0", paramLabel = "N", description = "how many cards")
    long count;

    @Option(names = "--first", paramLabel = "I", description = "number of the first card (default: ${DEFAULT-VALUE})")
    long first;

    @Option(names = "--bin", paramLabel = "BIN", description = "one 6-digit BIN for every card, instead of the demo's four")
    String bin;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write to this file (default: standard output)")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (count < 0 || first < 0 || first + count > MAX_CARDS)
        {
            err.println("generate cards: N and --first must be >= 0 with --first + N <= " + MAX_CARDS + " (i has 9 digits)");
            return 2;
        }
        if (bin != null && !bin.matches("[1-9][0-9]{5}"))
        {
            err.println("generate cards: --bin must be 6 digits, not starting with 0");
            return 2;
        }
        if (out == null)
        {
            final PrintWriter stdout = spec.commandLine().getOut();
            write(stdout);
            stdout.flush();
            return stdout.checkError() ? 1 : 0;
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII))
        {
            write(writer);
        }
        return 0;
    }

    private void write(final Writer writer) throws IOException
    {
        writer.write(CardCsv.HEADER);
        writer.write('\n');
        for (long i = first; i < first + count; i++)
        {
            writer.write(CardCsv.row(panText((int)i), DemoData.EXPIRY, "ACTIVE", CURRENCY, DemoData.CREDIT_LIMIT));
            writer.write('\n');
        }
    }

    /** Card {@code i}'s PAN: the demo's, or on {@link #bin} by the same rule. */
    private String panText(final int i)
    {
        if (bin == null)
        {
            return DemoData.panText(i);
        }
        final long payload = Long.parseLong(bin) * 1_000_000_000L + i;
        return Pan.toDigits(payload * 10 + Pan.luhnCheckDigit(payload, 15), 16);
    }
}
