package org.payswitch.tools;

import java.util.List;
import java.util.Locale;

/**
 * How {@code journal dump} and {@code journal tail} print a record: one line per record, after a
 * header line when the format has one. Every format has the same columns, in this order: the
 * journal index (hex), time (ISO-8601 instant, UTC), command type, response code, merchant id,
 * order id, masked PAN, amount (minor units), currency, sale flag, the transaction id the request
 * named, the one the decision created or named, refund id, discount (minor units), campaign
 * number, payload bytes.
 */
interface RecordFormat
{
    /** The columns' names: the CSV header and the JSON keys. */
    List<String> COLUMNS = List.of("index", "time", "type", "code", "merchantId", "orderId", "pan", "amount",
        "currency", "sale", "transactionId", "resultTransactionId", "refundId", "discount", "campaign",
        "payloadBytes");

    /** The formats' names, as {@code --format} takes them. */
    List<String> NAMES = List.of("table", "csv", "jsonl");

    /** Writes the header line, if the format has one. */
    void header(LineBuffer line);

    /** Writes one record as one line. */
    void record(RecordView record, LineBuffer line);

    /** A new formatter of the format {@code name} (one of {@link #NAMES}, any case). */
    static RecordFormat named(final String name)
    {
        switch (name.toLowerCase(Locale.ROOT))
        {
            case "table":
                return new TableFormat();
            case "csv":
                return new CsvFormat();
            case "jsonl":
                return new JsonLinesFormat();
            default:
                throw new BadOptionException("--format", name, String.join(", ", NAMES));
        }
    }
}
