package org.payswitch.tools;

import org.payswitch.core.domain.ResponseCode;

/**
 * Records as JSON Lines: one object per line with the keys of {@link RecordFormat#COLUMNS}, every
 * key in every object, an absent value as {@code null}; no header. Numbers are JSON numbers (the
 * index, a hex string, is text), the sale flag a boolean. The ids are escaped per RFC 8259: quote,
 * backslash, and every byte below 0x20 or above 0x7E as {@code \}{@code u00XX}, so a line is ASCII
 * whatever bytes a record holds.
 */
final class JsonLinesFormat implements RecordFormat
{
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final InstantText instants = new InstantText();
    private final byte[] id = new byte[64];

    @Override
    public void header(final LineBuffer line)
    {
    }

    @Override
    public void record(final RecordView record, final LineBuffer line)
    {
        line.append("{\"index\":\"").appendHex(record.index()).append("\",\"time\":\"");
        instants.append(line, record.timestamp());
        line.append("\",\"type\":\"").append(record.type().name()).append("\",\"code\":");
        final ResponseCode code = record.responseCode();
        if (code == null)
        {
            line.append("null");
        }
        else
        {
            line.append('"').append(code.code()).append('"');
        }
        line.append(",\"merchantId\":");
        text(line, id, record.copyMerchantId(id));
        line.append(",\"orderId\":");
        text(line, id, record.copyOrderId(id));
        line.append(",\"pan\":");
        if (record.hasPan())
        {
            line.append('"');
            record.appendMaskedPan(line);
            line.append('"');
        }
        else
        {
            line.append("null");
        }
        line.append(",\"amount\":");
        if (record.hasAmount())
        {
            line.append(record.amount());
        }
        else
        {
            line.append("null");
        }
        line.append(",\"currency\":");
        final String currency = record.currencyText();
        if (currency == null)
        {
            line.append("null");
        }
        else
        {
            line.append('"').append(currency).append('"');
        }
        line.append(",\"sale\":").append(record.sale() ? "true" : "false").append(",\"transactionId\":");
        nonZero(line, record.namedTransactionId());
        line.append(",\"resultTransactionId\":");
        nonZero(line, record.resultTransactionId());
        line.append(",\"refundId\":");
        text(line, id, record.copyRefundId(id));
        line.append(",\"discount\":").append(record.discount()).append(",\"campaign\":");
        if (record.campaign() >= 0)
        {
            line.append(record.campaign());
        }
        else
        {
            line.append("null");
        }
        line.append(",\"payloadBytes\":").append(record.payloadLength()).append('}');
        line.endLine();
    }

    /** An id as a JSON string, escaped; {@code null} when the record has none (length 0). */
    static void text(final LineBuffer line, final byte[] bytes, final int length)
    {
        if (length == 0)
        {
            line.append("null");
            return;
        }
        line.append('"');
        for (int i = 0; i < length; i++)
        {
            final int b = bytes[i] & 0xFF;
            if (b == '"' || b == '\\')
            {
                line.append('\\').append((char)b);
            }
            else if (b < 0x20 || b > 0x7E)
            {
                line.append("\\u00").append(HEX[b >>> 4]).append(HEX[b & 0xF]);
            }
            else
            {
                line.append((char)b);
            }
        }
        line.append('"');
    }

    private static void nonZero(final LineBuffer line, final long value)
    {
        if (value == 0)
        {
            line.append("null");
        }
        else
        {
            line.append(value);
        }
    }
}
