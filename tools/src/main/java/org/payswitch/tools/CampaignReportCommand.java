package org.payswitch.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.payswitch.core.discount.CampaignDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report campaigns}: per funder and campaign, what the journal's discounts add up to, as the
 * switch's own figures do ({@code GET /v1/reports/discounts}, {@code GET /v1/campaigns}):
 * redemptions and discount granted, what RESTORE gave back on a reversal, an expiry or a full refund,
 * and the net the funder owes. Read from the journal in one pass ({@link TransactionFold}); expiries
 * depend on the switch's hold expiry, which the journal does not hold ({@link SwitchSettings}).
 */
@Command(name = "campaigns", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Per funder and campaign, over the whole journal: redemptions and discount granted (gross), " +
        "redemptions and discount given back (RESTORE, on a reversal, a hold expiry or a full refund; CONSUME gives " +
        "nothing back), net redemptions and the net discount the funder owes, in major units; the same figures as " +
        "the switch's GET /v1/reports/discounts at the journal's last record, whose GET /v1/campaigns redemptions " +
        "and discountGranted are the net columns here. Funders in order of their first campaign, campaigns in " +
        "order of creation. Hold expiries " +
        "depend on the switch's hold-expiry, which the journal does not hold: give the switch's (--hold-expiry or its " +
        "--config file), else its default P7D applies.",
        "A table on stdout, or --csv FILE. Reads the journal read-only, whether the switch runs or not."})
final class CampaignReportCommand implements Callable<Integer>
{
    static final String NAME = "report campaigns";

    private static final String[] HEADINGS = {"FUNDER", "CAMPAIGN", "ON_REVERSAL", "CUR", "REDEMPTIONS", "GRANTED",
        "RESTORED", "GIVEN_BACK", "NET_REDEMPTIONS", "OWED"};
    private static final String[] CSV_NAMES = {"funder", "campaignId", "onReversal", "currency", "redemptions",
        "discountGranted", "redemptionsRestored", "discountRestored", "netRedemptions", "discountOwed"};
    private static final boolean[] NUMERIC = {false, false, false, false, true, true, true, true, true, true};

    @Mixin
    JournalSource source;

    @Mixin
    SwitchSettings settings;

    @Option(names = "--csv", paramLabel = "FILE", description = "write CSV (amounts in major units) to FILE, - for stdout")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final SwitchSettings.Resolved resolved;
        try
        {
            resolved = settings.resolve(null);
        }
        catch (final BadOptionException e)
        {
            err.println(NAME + ": " + e.getMessage());
            return JournalFailure.BAD_INPUT;
        }
        final CampaignTotals totals = new CampaignTotals();
        final Progress progress = Progress.onTerminal(NAME, err);
        final TransactionFold fold = new TransactionFold(resolved.holdExpiry(), totals, progress);
        final int folded = ReportRun.fold(NAME, source, csv, fold, progress, err);
        if (folded != 0)
        {
            return folded;
        }
        final String title = "campaigns (hold expiry " + resolved.holdExpiryText() + "): " + fold.records() +
            " journal records, amounts in major units";
        return ReportRun.print(NAME, table(fold.campaigns(), totals, csv == null), title, csv,
            spec.commandLine().getOut(), err);
    }

    /**
     * A row per campaign, grouped by funder in order of its first campaign; with {@code totalRows},
     * after each funder's campaigns a total row per currency (the switch's funder totals, which add
     * a funder's campaigns whatever their currency).
     */
    static ReportTable table(final CampaignBook book, final CampaignTotals totals, final boolean totalRows)
    {
        final int campaigns = Math.max(book.count(), totals.campaigns());
        final Map<String, List<Integer>> byFunder = new LinkedHashMap<>();
        for (int c = 0; c < campaigns; c++)
        {
            final CampaignDefinition definition = book.definition(c);
            final String funder = definition == null ? "?" : definition.funder();
            byFunder.computeIfAbsent(funder, f -> new ArrayList<>()).add(c);
        }
        final ReportTable table = new ReportTable(HEADINGS, CSV_NAMES, NUMERIC);
        byFunder.forEach((funder, numbers) ->
        {
            final Map<Integer, long[]> sums = new LinkedHashMap<>();
            for (final int c : numbers)
            {
                final CampaignDefinition definition = book.definition(c);
                final int currency = definition == null ? 0 : definition.currency();
                final long[] figures = {totals.redemptions(c), totals.granted(c), totals.restoredRedemptions(c),
                    totals.restored(c)};
                table.add(values(funder, definition == null ? "#" + c + " (not created in this journal)" :
                    definition.campaignId(), definition == null ? "?" : definition.onReversal().name(), currency, figures));
                final long[] sum = sums.computeIfAbsent(currency, k -> new long[figures.length]);
                for (int f = 0; f < figures.length; f++)
                {
                    sum[f] += figures[f];
                }
            }
            if (totalRows)
            {
                sums.forEach((currency, sum) -> table.add(values(funder, "TOTAL", "", currency, sum)));
            }
        });
        return table;
    }

    private static String[] values(
        final String funder, final String campaign, final String onReversal, final int currency, final long[] figures)
    {
        return new String[] {funder, campaign, onReversal, currency == 0 ? "?" : MoneyText.currencyCode(currency),
            Long.toString(figures[0]), MoneyText.major(figures[1], currency), Long.toString(figures[2]),
            MoneyText.major(figures[3], currency), Long.toString(figures[0] - figures[2]),
            MoneyText.major(figures[1] - figures[3], currency)};
    }
}
