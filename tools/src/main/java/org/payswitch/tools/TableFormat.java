package org.payswitch.tools;

import org.payswitch.core.domain.ResponseCode;

/**
 * Records as aligned columns for a terminal: a header line, then one line per record, each column
 * starting at a fixed position (the dump streams, so widths are fixed, not measured: a longer value
 * pushes the rest of its line right, one space kept), {@code -} for an absent value. An id's
 * control characters are shown as {@code ?} so a record stays on its line.
 */
final class TableFormat implements RecordFormat
{
    private static final String[] HEADINGS = {"INDEX", "TIME", "TYPE", "CODE", "MERCHANT", "ORDER", "PAN", "AMOUNT",
        "CUR", "SALE", "TXN", "RESULT_TXN", "REFUND", "DISCOUNT", "CAMPAIGN", "PAYLOAD"};
    private static final int[] WIDTHS = {13, 24, 15, 4, 15, 20, 19, 12, 4, 4, 10, 10, 12, 8, 8, 7};
    private static final int[] STARTS = starts();

    private final InstantText instants = new InstantText();
    private final byte[] id = new byte[64];

    @Override
    public void header(final LineBuffer line)
    {
        for (int column = 0; column < HEADINGS.length; column++)
        {
            next(line, column).append(HEADINGS[column]);
        }
        line.endLine();
    }

    @Override
    public void record(final RecordView record, final LineBuffer line)
    {
        line.appendHex(record.index());
        next(line, 1);
        instants.append(line, record.timestamp());
        next(line, 2).append(record.type().name());
        final ResponseCode code = record.responseCode();
        next(line, 3).append(code == null ? "-" : code.code());
        next(line, 4);
        id(line, id, record.copyMerchantId(id));
        next(line, 5);
        id(line, id, record.copyOrderId(id));
        next(line, 6);
        if (record.hasPan())
        {
            record.appendMaskedPan(line);
        }
        else
        {
            line.append('-');
        }
        next(line, 7);
        if (record.hasAmount())
        {
            line.append(record.amount());
        }
        else
        {
            line.append('-');
        }
        final String currency = record.currencyText();
        next(line, 8).append(currency == null ? "-" : currency);
        next(line, 9).append(record.sale() ? "sale" : "-");
        next(line, 10);
        nonZero(line, record.namedTransactionId());
        next(line, 11);
        nonZero(line, record.resultTransactionId());
        next(line, 12);
        id(line, id, record.copyRefundId(id));
        next(line, 13).append(record.discount());
        next(line, 14);
        if (record.campaign() >= 0)
        {
            line.append(record.campaign());
        }
        else
        {
            line.append('-');
        }
        next(line, 15).append(record.payloadLength());
        line.endLine();
    }

    private static LineBuffer next(final LineBuffer line, final int column)
    {
        return column == 0 ? line : line.padTo(STARTS[column]);
    }

    private static void id(final LineBuffer line, final byte[] bytes, final int length)
    {
        if (length == 0)
        {
            line.append('-');
            return;
        }
        for (int i = 0; i < length; i++)
        {
            final int b = bytes[i] & 0xFF;
            line.append(b < 0x20 || b == 0x7F ? '?' : (char)b);
        }
    }

    private static void nonZero(final LineBuffer line, final long value)
    {
        if (value == 0)
        {
            line.append('-');
        }
        else
        {
            line.append(value);
        }
    }

    private static int[] starts()
    {
        final int[] starts = new int[WIDTHS.length];
        for (int column = 1; column < WIDTHS.length; column++)
        {
            starts[column] = starts[column - 1] + WIDTHS[column - 1] + 1;
        }
        return starts;
    }
}
