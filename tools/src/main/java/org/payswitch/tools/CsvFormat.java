package org.payswitch.tools;

import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;

/**
 * Records as CSV (RFC 4180): a header row of {@link RecordFormat#COLUMNS}, then one row per record,
 * an absent value as an empty field. Only the ids (merchant, order, refund) can hold a comma, a
 * quote or a line break; such a field is quoted, its quotes doubled. Rows end with LF, which every
 * CSV reader in use accepts (RFC 4180 says CRLF).
 */
final class CsvFormat implements RecordFormat
{
    private final InstantText instants = new InstantText();
    private final byte[] id = new byte[64];

    @Override
    public void header(final LineBuffer line)
    {
        line.append(String.join(",", COLUMNS));
        line.endLine();
    }

    @Override
    public void record(final RecordView record, final LineBuffer line)
    {
        line.appendHex(record.index()).append(',');
        instants.append(line, record.timestamp());
        final CommandType type = record.type();
        line.append(',').append(type.name()).append(',');
        final ResponseCode code = record.responseCode();
        if (code != null)
        {
            line.append(code.code());
        }
        line.append(',');
        field(line, id, record.copyMerchantId(id));
        line.append(',');
        field(line, id, record.copyOrderId(id));
        line.append(',');
        if (record.hasPan())
        {
            record.appendMaskedPan(line);
        }
        line.append(',');
        if (record.hasAmount())
        {
            line.append(record.amount());
        }
        line.append(',');
        final String currency = record.currencyText();
        if (currency != null)
        {
            line.append(currency);
        }
        line.append(',').append(record.sale() ? "true" : "false").append(',');
        nonZero(line, record.namedTransactionId());
        line.append(',');
        nonZero(line, record.resultTransactionId());
        line.append(',');
        field(line, id, record.copyRefundId(id));
        line.append(',').append(record.discount()).append(',');
        if (record.campaign() >= 0)
        {
            line.append(record.campaign());
        }
        line.append(',').append(record.payloadLength());
        line.endLine();
    }

    /** An id field: as it is, or quoted with its quotes doubled when it holds a comma, quote, CR or LF. */
    static void field(final LineBuffer line, final byte[] bytes, final int length)
    {
        if (!needsQuotes(bytes, length))
        {
            line.appendAscii(bytes, 0, length);
            return;
        }
        line.append('"');
        for (int i = 0; i < length; i++)
        {
            final char c = (char)(bytes[i] & 0xFF);
            if (c == '"')
            {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    private static boolean needsQuotes(final byte[] bytes, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            final byte b = bytes[i];
            if (b == ',' || b == '"' || b == '\r' || b == '\n')
            {
                return true;
            }
        }
        return false;
    }

    private static void nonZero(final LineBuffer line, final long value)
    {
        if (value != 0)
        {
            line.append(value);
        }
    }
}
