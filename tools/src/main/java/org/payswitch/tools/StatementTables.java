package org.payswitch.tools;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.SwitchCommand;

/**
 * A card's statement as tables: its transactions in journal order (the bill's lines), and the
 * same transactions summed per year and per merchant category (MCC), each per currency, since
 * amounts of different currencies are never added. A transaction counts in the year (in the
 * switch's zone) and category of its authorization, with what became of it by the journal's last
 * record: captured, refunded, reversed, expired, or still held.
 */
final class StatementTables
{
    /** Figures of a summary row, in this order. */
    static final int TRANSACTIONS = 0;
    static final int AMOUNT = 1;
    static final int DISCOUNT = 2;
    static final int CHARGED = 3;
    static final int CAPTURED = 4;
    static final int REFUNDED = 5;
    static final int REVERSED = 6;
    static final int EXPIRED = 7;
    static final int HELD = 8;
    static final int SPENT = 9;
    static final int FIGURES = 10;

    private static final String[] LINE_HEADINGS = {"TIME", "TXN", "MERCHANT", "MCC", "CUR", "AMOUNT", "DISCOUNT",
        "CAMPAIGN", "CHARGED", "CAPTURED", "REFUNDED", "STATUS"};
    private static final boolean[] LINE_NUMERIC = {false, true, false, false, false, true, true, false, true, true,
        true, false};
    private static final String[] CSV_NAMES = {"maskedPan", "time", "transactionId", "merchantId", "mcc", "currency",
        "amount", "discount", "campaignId", "chargedAmount", "capturedAmount", "refundedAmount", "status"};
    private static final String[] FIGURE_HEADINGS = {"TXNS", "AMOUNT", "DISCOUNT", "CHARGED", "CAPTURED", "REFUNDED",
        "REVERSED", "EXPIRED", "HELD", "SPENT"};
    private static final DateTimeFormatter TABLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private final List<StatementLines.Line> lines;
    private final TransactionFold fold;
    private final ZoneId zone;

    /** The tables of {@code lines}, worked out by {@code fold}, times in {@code zone}. */
    StatementTables(final List<StatementLines.Line> lines, final TransactionFold fold, final ZoneId zone)
    {
        this.lines = lines;
        this.fold = fold;
        this.zone = zone;
    }

    /**
     * A line per transaction: for a terminal (times to the second in the zone), or for CSV
     * (ISO-8601 with the zone's offset, the masked PAN first).
     */
    ReportTable transactions(final boolean csv, final String maskedPan)
    {
        final String[] headings = csv ? CSV_NAMES : LINE_HEADINGS;
        final boolean[] numeric = csv ? new boolean[CSV_NAMES.length] : LINE_NUMERIC;
        final ReportTable table = new ReportTable(headings, csv ? CSV_NAMES : LINE_HEADINGS, numeric);
        final String none = csv ? "" : "-";
        for (final StatementLines.Line line : lines)
        {
            final int currency = fold.rows().currency(line.row);
            final ZonedDateTime time = Instant.ofEpochMilli(line.time).atZone(zone);
            final String[] values = {
                (csv ? CSV_TIME : TABLE_TIME).format(time),
                Long.toString(fold.transactionId(line.txn)),
                fold.rows().merchantId(line.row),
                line.mcc == SwitchCommand.NO_MCC ? none : String.format("%04d", line.mcc),
                MoneyText.currencyCode(currency),
                MoneyText.major(line.amount, currency),
                MoneyText.major(line.discount, currency),
                campaign(line.campaign, none),
                MoneyText.major(line.charged(), currency),
                MoneyText.major(line.captured, currency),
                MoneyText.major(line.refunded, currency),
                line.status.name()};
            if (csv)
            {
                final String[] withPan = new String[values.length + 1];
                withPan[0] = maskedPan;
                System.arraycopy(values, 0, withPan, 1, values.length);
                table.add(withPan);
            }
            else
            {
                table.add(values);
            }
        }
        return table;
    }

    /** The transactions summed per year of their authorization and currency, then a TOTAL row per currency. */
    ReportTable perYear()
    {
        final Map<String, long[]> rows = new TreeMap<>();
        final Map<String, long[]> totals = new TreeMap<>();
        for (final StatementLines.Line line : lines)
        {
            final int currency = fold.rows().currency(line.row);
            final int year = Instant.ofEpochMilli(line.time).atZone(zone).getYear();
            add(rows.computeIfAbsent(year + " " + MoneyText.currencyCode(currency), k -> new long[FIGURES + 1]),
                line, currency);
            add(totals.computeIfAbsent("TOTAL " + MoneyText.currencyCode(currency), k -> new long[FIGURES + 1]),
                line, currency);
        }
        final ReportTable table = summaryTable("YEAR");
        rows.forEach((key, figures) -> table.add(values(key, figures)));
        totals.forEach((key, figures) -> table.add(values(key, figures)));
        return table;
    }

    /** The transactions summed per merchant category (MCC, "-" when unknown) and currency. */
    ReportTable perCategory()
    {
        final Map<String, long[]> rows = new TreeMap<>();
        for (final StatementLines.Line line : lines)
        {
            final int currency = fold.rows().currency(line.row);
            final String mcc = line.mcc == SwitchCommand.NO_MCC ? "-" : String.format("%04d", line.mcc);
            add(rows.computeIfAbsent(mcc + " " + MoneyText.currencyCode(currency), k -> new long[FIGURES + 1]), line,
                currency);
        }
        final ReportTable table = summaryTable("MCC");
        rows.forEach((key, figures) -> table.add(values(key, figures)));
        return table;
    }

    /** Adds a transaction to a row's figures; the last slot keeps the row's currency. */
    private static void add(final long[] figures, final StatementLines.Line line, final int currency)
    {
        figures[TRANSACTIONS]++;
        figures[AMOUNT] += line.amount;
        figures[DISCOUNT] += line.discount;
        figures[CHARGED] += line.charged();
        figures[CAPTURED] += line.captured;
        figures[REFUNDED] += line.refunded;
        figures[SPENT] += line.captured - line.refunded;
        if (line.status == TransactionStatus.REVERSED)
        {
            figures[REVERSED] += line.charged();
        }
        else if (line.status == TransactionStatus.EXPIRED)
        {
            figures[EXPIRED] += line.charged();
        }
        else if (line.status == TransactionStatus.AUTHORIZED)
        {
            figures[HELD] += line.charged();
        }
        figures[FIGURES] = currency;
    }

    private static ReportTable summaryTable(final String key)
    {
        final String[] headings = new String[FIGURES + 2];
        final boolean[] numeric = new boolean[headings.length];
        headings[0] = key;
        headings[1] = "CUR";
        for (int f = 0; f < FIGURES; f++)
        {
            headings[2 + f] = FIGURE_HEADINGS[f];
            numeric[2 + f] = true;
        }
        return new ReportTable(headings, headings, numeric);
    }

    private static String[] values(final String key, final long[] figures)
    {
        final int space = key.indexOf(' ');
        final int currency = (int)figures[FIGURES];
        final String[] values = new String[FIGURES + 2];
        values[0] = key.substring(0, space);
        values[1] = key.substring(space + 1);
        values[2] = Long.toString(figures[TRANSACTIONS]);
        for (int f = AMOUNT; f < FIGURES; f++)
        {
            values[2 + f] = MoneyText.major(figures[f], currency);
        }
        return values;
    }

    private String campaign(final int number, final String none)
    {
        if (number < 0)
        {
            return none;
        }
        final CampaignDefinition definition = fold.campaigns().definition(number);
        return definition != null ? definition.campaignId() : "#" + number;
    }
}
