package org.payswitch.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code report settlement --date D}: per merchant (and currency), what happened on the switch's day
 * D in its zone: authorizations, discount, charged amounts, captures, refunds, reversals and
 * expiries, counted and summed. Read from the journal in one pass ({@link TransactionFold}), the
 * switch running or not; the journal holds neither the zone nor the hold expiry, so both default
 * as the switch's own ({@link SwitchSettings}).
 */
@Command(name = "settlement", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Per merchant and currency, the switch's day D in its zone: approved authorizations (amount, " +
        "discount granted, charged = amount - discount), captures, refunds, reversals and hold expiries, counted and " +
        "summed in major units. Each event counts on the day of its own timestamp; a sale counts as an authorization " +
        "and a capture. A hold expires, as in the engine, at the first record whose time is at least hold-expiry " +
        "after the authorization's; that record's day is the expiry's. The journal holds neither the switch's zone " +
        "nor its hold-expiry: give the switch's (--zone, --hold-expiry, or its --config file), else its defaults apply.",
        "A table on stdout, or --csv FILE. Reads the journal read-only, whether the switch runs or not."})
final class SettlementReportCommand implements Callable<Integer>
{
    static final String NAME = "report settlement";

    private static final String[] HEADINGS = {"MERCHANT", "CUR", "AUTHS", "AUTHORIZED", "DISCOUNT", "CHARGED",
        "CAPTURES", "CAPTURED", "REFUNDS", "REFUNDED", "REVERSALS", "REVERSED", "EXPIRIES", "EXPIRED"};
    private static final String[] CSV_NAMES = csvNames();
    private static final boolean[] NUMERIC = {false, false, true, true, true, true, true, true, true, true, true, true,
        true, true};

    @Option(names = "--date", required = true, paramLabel = "D", description = "the day, YYYY-MM-DD, in the switch's zone")
    String date;

    @Mixin
    JournalSource source;

    @Mixin
    SwitchSettings settings;

    @Option(names = "--zone", paramLabel = "ZONE", description = "the switch's zone, whose days D is one of " +
        "(default: as the switch: -Dpayswitch.zone, then --config's zone, then Asia/Shanghai)")
    String zone;

    @Option(names = "--csv", paramLabel = "FILE", description = "write CSV (amounts in major units) to FILE, - for stdout")
    Path csv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final SwitchSettings.Resolved resolved;
        final LocalDate day;
        try
        {
            resolved = settings.resolve(zone);
            day = parseDate(date);
        }
        catch (final BadOptionException e)
        {
            err.println(NAME + ": " + e.getMessage());
            return JournalFailure.BAD_INPUT;
        }
        final long dayStart = day.atStartOfDay(resolved.zone()).toInstant().toEpochMilli();
        final long dayEnd = day.plusDays(1).atStartOfDay(resolved.zone()).toInstant().toEpochMilli();
        final SettlementTotals totals = new SettlementTotals(dayStart, dayEnd);
        final Progress progress = Progress.onTerminal(NAME, err);
        final TransactionFold fold = new TransactionFold(resolved.holdExpiry(), totals, progress);
        final int folded = ReportRun.fold(NAME, source, csv, fold, progress, err);
        if (folded != 0)
        {
            return folded;
        }
        final String title = "settlement of " + day + " in " + resolved.zone() + " (hold expiry " +
            resolved.holdExpiryText() + "): " + fold.records() + " journal records, amounts in major units";
        return ReportRun.print(NAME, table(fold.rows(), totals, csv == null), title, csv,
            spec.commandLine().getOut(), err);
    }

    /** The day's rows, by merchant id then currency; with a total row per currency when {@code totalRows}. */
    static ReportTable table(final MerchantRows rows, final SettlementTotals totals, final boolean totalRows)
    {
        final List<Integer> active = new ArrayList<>();
        for (int row = 0; row < rows.count(); row++)
        {
            if (totals.active(row))
            {
                active.add(row);
            }
        }
        active.sort(Comparator.comparing(rows::merchantId).thenComparing(row -> MoneyText.currencyCode(rows.currency(row))));
        final ReportTable table = new ReportTable(HEADINGS, CSV_NAMES, NUMERIC);
        final Map<Integer, long[]> sums = new TreeMap<>();
        for (final int row : active)
        {
            final int currency = rows.currency(row);
            final long[] figures = new long[SettlementTotals.FIGURES];
            for (int f = 0; f < figures.length; f++)
            {
                figures[f] = totals.figure(row, f);
            }
            table.add(values(rows.merchantId(row), currency, figures));
            final long[] sum = sums.computeIfAbsent(currency, c -> new long[SettlementTotals.FIGURES]);
            for (int f = 0; f < figures.length; f++)
            {
                sum[f] += figures[f];
            }
        }
        if (totalRows)
        {
            sums.forEach((currency, sum) -> table.add(values("TOTAL", currency, sum)));
        }
        return table;
    }

    private static String[] values(final String merchant, final int currency, final long[] figures)
    {
        final String[] values = new String[HEADINGS.length];
        values[0] = merchant;
        values[1] = MoneyText.currencyCode(currency);
        for (int f = 0; f < SettlementTotals.FIGURES; f++)
        {
            final boolean count = f == SettlementTotals.AUTHORIZATIONS || f == SettlementTotals.CAPTURES ||
                f == SettlementTotals.REFUNDS || f == SettlementTotals.REVERSALS || f == SettlementTotals.EXPIRIES;
            values[2 + f] = count ? Long.toString(figures[f]) : MoneyText.major(figures[f], currency);
        }
        return values;
    }

    private static LocalDate parseDate(final String text)
    {
        try
        {
            return LocalDate.parse(text);
        }
        catch (final DateTimeParseException e)
        {
            throw new BadOptionException("--date", text, "a day as YYYY-MM-DD, e.g. 2026-11-11");
        }
    }

    /** The CSV's columns: the row's merchant and currency, then {@link SettlementTotals#NAMES}. */
    private static String[] csvNames()
    {
        final String[] names = new String[2 + SettlementTotals.FIGURES];
        names[0] = "merchantId";
        names[1] = "currency";
        System.arraycopy(SettlementTotals.NAMES, 0, names, 2, SettlementTotals.FIGURES);
        return names;
    }
}
