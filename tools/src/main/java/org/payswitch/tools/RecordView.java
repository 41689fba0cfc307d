package org.payswitch.tools;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.journal.JournalRecord;

/**
 * One journal record as the dump shows it, read in place from the journal's memory-mapped bytes
 * (a flyweight, wrapped anew for each record): the fields of docs/journal.md that need no key.
 * Sealed card data is never opened: the truncated PAN and the PAN's length are in every record in
 * clear, which is all a masked PAN needs, so the dump runs without the card key file and spends no
 * cipher call per record.
 */
final class RecordView
{
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private DirectBuffer buffer;
    private int lastCurrency;
    private String lastCurrencyText;
    private int offset;
    private long index;

    /** Shows the record at {@code offset} of {@code buffer}, whose journal index is {@code index}. */
    RecordView wrap(final DirectBuffer buffer, final int offset, final long index)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.index = index;
        return this;
    }

    DirectBuffer buffer()
    {
        return buffer;
    }

    long index()
    {
        return index;
    }

    long timestamp()
    {
        return buffer.getLong(offset + JournalRecord.TIMESTAMP_OFFSET, ORDER);
    }

    CommandType type()
    {
        return JournalRecord.type(buffer, offset);
    }

    /** The decision's response code, or null when none was recorded. */
    ResponseCode responseCode()
    {
        return JournalRecord.responseCode(buffer, offset);
    }

    int merchantIdAt()
    {
        return offset + JournalRecord.MERCHANT_ID_OFFSET;
    }

    int merchantIdLength()
    {
        return buffer.getByte(offset + JournalRecord.MERCHANT_ID_LENGTH_OFFSET);
    }

    int orderIdAt()
    {
        return offset + JournalRecord.ORDER_ID_OFFSET;
    }

    int orderIdLength()
    {
        return buffer.getByte(offset + JournalRecord.ORDER_ID_LENGTH_OFFSET);
    }

    int refundIdAt()
    {
        return offset + JournalRecord.REFUND_ID_OFFSET;
    }

    int refundIdLength()
    {
        return buffer.getByte(offset + JournalRecord.REFUND_ID_LENGTH_OFFSET);
    }

    /** Copies the merchant id's bytes into {@code out} (64 bytes at least); returns how many. */
    int copyMerchantId(final byte[] out)
    {
        return copy(merchantIdAt(), merchantIdLength(), out);
    }

    /** Copies the order id's bytes into {@code out} (64 bytes at least); returns how many. */
    int copyOrderId(final byte[] out)
    {
        return copy(orderIdAt(), orderIdLength(), out);
    }

    /** Copies the refund id's bytes into {@code out} (64 bytes at least); returns how many. */
    int copyRefundId(final byte[] out)
    {
        return copy(refundIdAt(), refundIdLength(), out);
    }

    /** True when the record names a PAN (of a valid length): then {@link #appendMaskedPan} shows its first 6 and last 4 digits. */
    boolean hasPan()
    {
        return Pan.isValidLength(panLength()) && JournalRecord.truncatedPan(buffer, offset) != 0;
    }

    /**
     * Appends the PAN masked to its first 6 and last 4 digits, {@code *} between, as
     * {@link Pan#maskTruncated} writes it (RecordViewTest compares the two), from its truncation:
     * the full PAN is never read. Written digit by digit in int arithmetic: the helper's two
     * {@code String.format} calls, or {@link Pan#writeMasked}'s unsigned long division per digit,
     * were most of a dump's time per record.
     */
    void appendMaskedPan(final LineBuffer line)
    {
        final long truncated = JournalRecord.truncatedPan(buffer, offset);
        line.appendPadded((int)(truncated / 10_000), 6).appendStars(panLength() - 10)
            .appendPadded((int)(truncated % 10_000), 4);
    }

    private int panLength()
    {
        return buffer.getByte(offset + JournalRecord.PAN_LENGTH_OFFSET);
    }

    /** True when the amount field is an amount: an authorization's, or a request's that carried one. */
    boolean hasAmount()
    {
        return type() == CommandType.AUTHORIZE || JournalRecord.hasAmount(buffer, offset);
    }

    /** The amount in minor units of {@link #currency}. */
    long amount()
    {
        return JournalRecord.amount(buffer, offset);
    }

    /** The ISO 4217 numeric currency, 0 when none. */
    int currency()
    {
        return buffer.getInt(offset + JournalRecord.CURRENCY_OFFSET, ORDER);
    }

    /**
     * The currency's alphabetic code, its number when the switch does not know it, or null for
     * none. The last one is kept: a journal's records are nearly all in one currency, and the
     * look-up scans the switch's table.
     */
    String currencyText()
    {
        final int numeric = currency();
        if (numeric == 0)
        {
            return null;
        }
        if (numeric != lastCurrency)
        {
            final String alpha = Currencies.alphaOf(numeric);
            lastCurrencyText = alpha != null ? alpha : Integer.toString(numeric);
            lastCurrency = numeric;
        }
        return lastCurrencyText;
    }

    /** An authorization and capture at once. */
    boolean sale()
    {
        return JournalRecord.isSale(buffer, offset);
    }

    /** The transaction the request named, 0 for none. */
    long namedTransactionId()
    {
        return buffer.getLong(offset + JournalRecord.TRANSACTION_ID_OFFSET, ORDER);
    }

    /** The transaction the decision created or named, 0 for none. */
    long resultTransactionId()
    {
        return JournalRecord.resultTransactionId(buffer, offset);
    }

    /** The discount granted, in minor units. */
    long discount()
    {
        return JournalRecord.discount(buffer, offset);
    }

    /** The engine's number of the campaign that granted the discount, negative for none. */
    int campaign()
    {
        return JournalRecord.campaign(buffer, offset);
    }

    /** Bytes of operator payload (shown by size only: card definitions carry PANs). */
    int payloadLength()
    {
        return JournalRecord.payloadLength(buffer, offset);
    }

    /** One bulk copy: the formats then scan a plain array instead of a bounds-checked buffer, byte by byte. */
    private int copy(final int at, final int length, final byte[] out)
    {
        buffer.getBytes(at, out, 0, length);
        return length;
    }
}
