package org.payswitch.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.payswitch.core.journal.JournalCards;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code report statement --pan-file F} (or {@code --pan-stdin}): one card's bill out of the journal,
 * its transactions in journal order with their discounts and what became of them, then summed per
 * year and per merchant category. The PAN is read from a file or standard input, never the command
 * line (shell history): a PAN given as an argument is refused without being repeated. It is shown
 * masked (first 6, last 4) and nowhere else. How the card's records are found: {@link CardInJournal}.
 */
@Command(name = "statement", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"One card's statement: its approved transactions in journal order (time in the switch's zone, " +
        "merchant, MCC, amount, discount and campaign, charged, captured, refunded, and the status by the journal's " +
        "last record: AUTHORIZED, CAPTURED, REFUNDED, REVERSED or EXPIRED), then per year and per merchant category " +
        "(MCC), per currency. Declined authorizations are not on it.",
        "The PAN is read from the first line of a file (--pan-file) or of standard input (--pan-stdin), never from " +
        "the command line, and is printed masked. The card's definition is read from the journal: a card defined " +
        "by an operator (UPSERT_CARD) is opened with the switch's card keys (--card-key-file).",
        "A table on stdout, or --csv FILE (the transactions). Reads the journal read-only, whether the switch runs " +
        "or not."})
final class StatementReportCommand implements Callable<Integer>
{
    static final String NAME = "report statement";

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    PanInput pan;

    @Mixin
    JournalSource source;

    @Option(names = "--card-key-file", paramLabel = "FILE", description = "the switch's card-key-file, which opens " +
        "the card definitions sealed in the journal (default: the demo key file beside the data folder)")
    Path cardKeyFile;

    @Mixin
    SwitchSettings settings;

    @Option(names = "--zone", paramLabel = "ZONE", description = "the zone of the times and years shown (default: " +
        "as the switch: -Dpayswitch.zone, then --config's zone, then Asia/Shanghai)")
    String zone;

    @Option(names = "--csv", paramLabel = "FILE", description = "write the transactions as CSV (amounts in major " +
        "units) to FILE, - for stdout")
    Path csv;

    @Option(names = "--pan", hidden = true, paramLabel = "PAN")
    String panArgument;

    @Parameters(hidden = true)
    List<String> arguments;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (panArgument != null || arguments != null)
        {
            err.println(NAME + ": a PAN is not taken from the command line (the shell's history would keep it), " +
                "and nothing was read; give it on the first line of --pan-file FILE or of standard input with " +
                "--pan-stdin");
            return JournalFailure.BAD_INPUT;
        }
        if (pan == null)
        {
            err.println(NAME + ": which card? Give its PAN on the first line of --pan-file FILE, or of standard input " +
                "with --pan-stdin");
            return JournalFailure.BAD_INPUT;
        }
        final SwitchSettings.Resolved resolved;
        final PanInput.Card card;
        try
        {
            resolved = settings.resolve(zone);
            card = pan.read(System.in);
        }
        catch (final BadOptionException e)
        {
            err.println(NAME + ": " + e.getMessage());
            return JournalFailure.BAD_INPUT;
        }
        final Progress progress = Progress.onTerminal(NAME, err);
        final StatementLines lines = new StatementLines();
        final TransactionFold fold = new TransactionFold(resolved.holdExpiry(), lines, progress);
        final CardInJournal identity = new CardInJournal(card,
            JournalCards.forReading(CardKeyOptions.forReading(cardKeyFile, source.dataDir)));
        final int folded = ReportRun.fold(NAME, source, csv, fold,
            new StatementReader(identity, new MerchantMccs(), lines, fold), progress, err);
        if (folded != 0)
        {
            return folded;
        }
        final StatementTables tables = new StatementTables(lines.lines(), fold, resolved.zone());
        if (csv != null)
        {
            return ReportRun.print(NAME, tables.transactions(true, card.masked()), "", csv,
                spec.commandLine().getOut(), err);
        }
        StatementPrinter.print(spec.commandLine().getOut(), title(card, resolved, fold, identity, lines), tables,
            resolved.zone());
        return 0;
    }

    private static String title(
        final PanInput.Card card, final SwitchSettings.Resolved resolved, final TransactionFold fold,
        final CardInJournal identity, final StatementLines lines)
    {
        final String head = "statement of card " + card.masked() + " in " + resolved.zone() + " (hold expiry " +
            resolved.holdExpiryText() + "): " + fold.records() + " journal records, ";
        if (!lines.lines().isEmpty())
        {
            return head + lines.lines().size() + " transaction(s), amounts in major units";
        }
        return head + "no transactions of this card" + (identity.number() == CardInJournal.NOT_DEFINED ?
            " (the journal does not define it: not on file, or defined before the journal's first record)" :
            " (on file, never approved)");
    }
}
