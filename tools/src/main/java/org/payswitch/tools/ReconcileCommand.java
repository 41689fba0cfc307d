package org.payswitch.tools;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.payswitch.core.journal.JournalReader;
import org.payswitch.tools.operator.OperatorClient;
import org.payswitch.tools.operator.SwitchApiOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code reconcile}: the campaign figures and transaction totals a running switch answers on its
 * operator endpoints, compared with the same figures worked out of its journal (read-only, as the
 * reports read it). The switch is read first ({@link SwitchReader}: each endpoint between two journal positions from
 * {@code /metrics}), then the journal, compared at the records the switch answered from
 * ({@link ReconcileFold}), so records written meanwhile make no false difference. Exit 0 when all
 * match, 1 after listing every difference, 2 when the switch cannot be asked, the token is
 * refused or the journal cannot be read.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Compares a running switch's campaign figures and transaction totals with its journal: exit 0 " +
        "when they match, 1 after listing every difference (what, journal value, switch value), 2 when the switch " +
        "cannot be reached, " +
        "refuses the token, or the journal is missing, damaged or foreign.",
        "Compared, per campaign: GET /v1/campaigns redemptions, discountGranted (both net of RESTORE) and " +
        "remainingBudget; GET /v1/reports/discounts redemptions, discountGranted, redemptionsRestored, " +
        "discountRestored, discountOwed, and per funder discountGranted, discountRestored, discountOwed; per " +
        "merchant and currency, GET /v1/reports/transactions authorizations, captures, refunds, reversals and " +
        "expiries counted and summed, discountGranted and chargedAmount (report settlement's figures over the whole " +
        "journal); and that " +
        "the journal holds the last record the switch reports (/metrics payswitch_journal_position). These are " +
        "state over the whole journal, so they must be equal. Not compared: the /metrics counters " +
        "(payswitch_answers_total and the like count since the process started, not over the journal), a " +
        "campaign's status (it depends on the time of the query and on pauses).",
        "The switch keeps deciding while reconcile runs: its figures are read first, each between two reads of " +
        "/metrics's journal position, then the journal is compared at the records between them (a query changes " +
        "nothing in the switch, not even its event time). Expiries depend on the switch's hold-expiry " +
        "(--hold-expiry or --config, else P7D); --data-dir must be the folder of the switch at --url."})
final class ReconcileCommand implements Callable<Integer>
{
    static final String NAME = "reconcile";
    /** Exit status when at least one figure differs. */
    static final int DIFFERENT = 1;

    @Mixin
    JournalSource source;

    @Mixin
    SwitchSettings settings;

    @Mixin
    SwitchApiOptions api;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final SwitchSettings.Resolved resolved;
        try
        {
            resolved = settings.resolve(null);
        }
        catch (final BadOptionException e)
        {
            return refuse(err, e.getMessage());
        }
        if (source.problem() != null)
        {
            return refuse(err, source.problem());
        }
        final OperatorClient client = api.client(err, NAME);
        if (client == null)
        {
            return JournalFailure.BAD_INPUT;
        }
        final List<SwitchAnswer> answers;
        try
        {
            answers = new SwitchReader(client, api.url()).read();
        }
        catch (final SwitchReader.Unavailable e)
        {
            return refuse(err, e.getMessage());
        }
        final CampaignTotals totals = new CampaignTotals();
        final SettlementTotals transactionTotals = SettlementTotals.allTime();
        final Progress progress = Progress.onTerminal(NAME, err);
        final TransactionFold fold = new TransactionFold(resolved.holdExpiry(),
            new LedgerTee(totals, transactionTotals), progress);
        final ReconcileFold reconcile = new ReconcileFold(fold, totals, transactionTotals, answers);
        try
        {
            JournalReader.readAll(source.config(), reconcile);
        }
        catch (final RuntimeException e)
        {
            progress.done(fold.records());
            JournalFailure.report(NAME, e, source.directory(), err);
            return JournalFailure.BAD_INPUT;
        }
        progress.done(fold.records());
        warnings(fold, err);
        return print(answers, reconcile, fold.records(), out);
    }

    private int print(final List<SwitchAnswer> answers, final ReconcileFold reconcile, final long records,
        final PrintWriter out)
    {
        final long switchPosition = answers.get(answers.size() - 1).to();
        out.println(NAME + ": " + records + " journal records in " + source.directory() + ", the last at index " +
            index(reconcile.lastIndex()) + "; the switch at " + api.url() + " at index " + index(switchPosition));
        final List<Difference> differences = new ArrayList<>();
        if (reconcile.lastIndex() < switchPosition)
        {
            differences.add(new Difference("journal position (index of the last record)", index(reconcile.lastIndex()),
                index(switchPosition)));
        }
        for (int a = 0; a < answers.size(); a++)
        {
            final SwitchAnswer answer = answers.get(a);
            final List<Difference> found = reconcile.differences(a);
            differences.addAll(found);
            if (found.isEmpty())
            {
                out.println(answer.endpoint() + ": " + answer.figures().size() + " figures match, at a journal record " +
                    "between indexes " + index(answer.from()) + " and " + index(answer.to()));
            }
        }
        for (final Difference difference : differences)
        {
            out.println(difference.line());
        }
        out.println(differences.isEmpty() ? "match" : differences.size() + " difference(s)");
        out.flush();
        return differences.isEmpty() ? 0 : DIFFERENT;
    }

    private static void warnings(final TransactionFold fold, final PrintWriter err)
    {
        if (fold.outside() > 0)
        {
            err.println(NAME + ": " + fold.outside() + " record(s) name a transaction created before the journal's " +
                "first record (older files deleted by journal-retention-days?): the journal cannot give all figures");
        }
        if (fold.unfit() > 0)
        {
            err.println(NAME + ": " + fold.unfit() + " approved record(s) do not fit the transactions before them " +
                "(recovery would refuse this journal, or --hold-expiry is not the switch's)");
        }
        err.flush();
    }

    private static String index(final long index)
    {
        return index < 0 ? "none" : Long.toHexString(index);
    }

    private static int refuse(final PrintWriter err, final String problem)
    {
        err.println(NAME + ": " + problem);
        err.flush();
        return JournalFailure.BAD_INPUT;
    }
}
