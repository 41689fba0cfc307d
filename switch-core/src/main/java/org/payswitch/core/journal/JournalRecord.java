package org.payswitch.core.journal;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

/**
 * The journal's record, version 3: one state-changing command (the request) and its decision,
 * read and written in place over an Agrona buffer (a flyweight: no object per record).
 * Little-endian; layout in docs/journal.md. Operator payloads (card, merchant and campaign
 * definitions) follow the fixed part, encoded by {@link PayloadCodec}; the record ends with the
 * CRC-32C of everything before it ({@link RecordChecksum}), which the writer adds after
 * {@link #encode}. Version 2 is the same without the checksum: still read, never written.
 */
public final class JournalRecord
{
    /** Format version written into every record: 3 adds the trailing CRC-32C. */
    public static final byte VERSION = 3;
    /** The previous version, the same layout without a checksum: read (unverified), never written. */
    public static final byte VERSION_WITHOUT_CHECKSUM = 2;

    public static final int VERSION_OFFSET = 0;
    public static final int TYPE_OFFSET = VERSION_OFFSET + 1;
    public static final int RESPONSE_CODE_OFFSET = TYPE_OFFSET + 1;
    public static final int FLAGS_OFFSET = RESPONSE_CODE_OFFSET + 1;
    public static final int PAN_LENGTH_OFFSET = FLAGS_OFFSET + 1;
    public static final int MERCHANT_ID_LENGTH_OFFSET = PAN_LENGTH_OFFSET + 1;
    public static final int ORDER_ID_LENGTH_OFFSET = MERCHANT_ID_LENGTH_OFFSET + 1;
    public static final int REFUND_ID_LENGTH_OFFSET = ORDER_ID_LENGTH_OFFSET + 1;
    public static final int TIMESTAMP_OFFSET = REFUND_ID_LENGTH_OFFSET + 1;
    public static final int PAN_OFFSET = TIMESTAMP_OFFSET + 8;
    public static final int AMOUNT_OFFSET = PAN_OFFSET + 8;
    public static final int TRANSACTION_ID_OFFSET = AMOUNT_OFFSET + 8;
    public static final int RESULT_TRANSACTION_ID_OFFSET = TRANSACTION_ID_OFFSET + 8;
    public static final int DISCOUNT_OFFSET = RESULT_TRANSACTION_ID_OFFSET + 8;
    public static final int EXPIRY_OFFSET = DISCOUNT_OFFSET + 8;
    public static final int CURRENCY_OFFSET = EXPIRY_OFFSET + 4;
    public static final int MCC_OFFSET = CURRENCY_OFFSET + 4;
    public static final int CAMPAIGN_OFFSET = MCC_OFFSET + 4;
    public static final int PAYLOAD_LENGTH_OFFSET = CAMPAIGN_OFFSET + 2;
    public static final int MERCHANT_ID_OFFSET = PAYLOAD_LENGTH_OFFSET + 4;
    public static final int ORDER_ID_OFFSET = MERCHANT_ID_OFFSET + 15;
    public static final int REFUND_ID_OFFSET = ORDER_ID_OFFSET + SwitchCommand.MAX_ORDER_ID_LENGTH;
    public static final int PAYLOAD_OFFSET = REFUND_ID_OFFSET + SwitchCommand.MAX_REFUND_ID_LENGTH;
    /** Bytes of a record without payload and without its checksum. */
    public static final int FIXED_LENGTH = PAYLOAD_OFFSET;
    /** Bytes of the trailing checksum of a version 3 record. */
    public static final int CHECKSUM_LENGTH = RecordChecksum.LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int FLAG_CAPTURE = 1;
    private static final int FLAG_HAS_AMOUNT = 2;
    private static final byte NO_CODE = (byte)0xFF;

    private JournalRecord()
    {
    }

    /**
     * Writes the command's request and decision at {@code offset}, its payload bytes after;
     * returns the length written, to which the writer appends the checksum.
     */
    public static int encode(
        final SwitchCommand command, final MutableDirectBuffer buffer, final int offset,
        final byte[] payload, final int payloadLength)
    {
        buffer.putByte(offset + VERSION_OFFSET, VERSION);
        buffer.putByte(offset + TYPE_OFFSET, (byte)command.type.ordinal());
        buffer.putByte(offset + RESPONSE_CODE_OFFSET,
            command.responseCode == null ? NO_CODE : (byte)command.responseCode.ordinal());
        buffer.putByte(offset + FLAGS_OFFSET,
            (byte)((command.capture ? FLAG_CAPTURE : 0) | (command.hasAmount ? FLAG_HAS_AMOUNT : 0)));
        buffer.putByte(offset + PAN_LENGTH_OFFSET, (byte)command.panLength);
        buffer.putByte(offset + MERCHANT_ID_LENGTH_OFFSET, (byte)command.merchantId.length());
        buffer.putByte(offset + ORDER_ID_LENGTH_OFFSET, (byte)command.orderId.length());
        buffer.putByte(offset + REFUND_ID_LENGTH_OFFSET, (byte)command.refundId.length());
        buffer.putLong(offset + TIMESTAMP_OFFSET, command.timestamp, ORDER);
        buffer.putLong(offset + PAN_OFFSET, command.pan, ORDER);
        buffer.putLong(offset + AMOUNT_OFFSET, command.amount, ORDER);
        buffer.putLong(offset + TRANSACTION_ID_OFFSET, command.transactionId, ORDER);
        buffer.putLong(offset + RESULT_TRANSACTION_ID_OFFSET, command.transaction.transactionId, ORDER);
        buffer.putLong(offset + DISCOUNT_OFFSET, command.transaction.discount, ORDER);
        buffer.putInt(offset + EXPIRY_OFFSET, command.expiry, ORDER);
        buffer.putInt(offset + CURRENCY_OFFSET, command.currency, ORDER);
        buffer.putInt(offset + MCC_OFFSET, command.mcc, ORDER);
        buffer.putShort(offset + CAMPAIGN_OFFSET, (short)command.transaction.campaignNumber, ORDER);
        buffer.putInt(offset + PAYLOAD_LENGTH_OFFSET, payloadLength, ORDER);
        buffer.putBytes(offset + MERCHANT_ID_OFFSET, command.merchantId.bytes(), 0, command.merchantId.length());
        buffer.putBytes(offset + ORDER_ID_OFFSET, command.orderId.bytes(), 0, command.orderId.length());
        buffer.putBytes(offset + REFUND_ID_OFFSET, command.refundId.bytes(), 0, command.refundId.length());
        if (payloadLength > 0)
        {
            buffer.putBytes(offset + PAYLOAD_OFFSET, payload, 0, payloadLength);
        }
        return FIXED_LENGTH + payloadLength;
    }

    /** The version of the record at {@code offset}. */
    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + VERSION_OFFSET);
    }

    /**
     * Reads the request of the record at {@code offset} into {@code command} (reset first); the
     * payload, if any, is left for {@link #payloadLength} and {@link PayloadCodec}.
     */
    public static void decodeRequest(final DirectBuffer buffer, final int offset, final SwitchCommand command)
    {
        command.reset();
        command.type = CommandType.fromOrdinal(buffer.getByte(offset + TYPE_OFFSET));
        final int flags = buffer.getByte(offset + FLAGS_OFFSET);
        command.capture = (flags & FLAG_CAPTURE) != 0;
        command.hasAmount = (flags & FLAG_HAS_AMOUNT) != 0;
        command.panLength = buffer.getByte(offset + PAN_LENGTH_OFFSET);
        command.timestamp = buffer.getLong(offset + TIMESTAMP_OFFSET, ORDER);
        command.pan = buffer.getLong(offset + PAN_OFFSET, ORDER);
        command.amount = buffer.getLong(offset + AMOUNT_OFFSET, ORDER);
        command.transactionId = buffer.getLong(offset + TRANSACTION_ID_OFFSET, ORDER);
        command.expiry = buffer.getInt(offset + EXPIRY_OFFSET, ORDER);
        command.currency = buffer.getInt(offset + CURRENCY_OFFSET, ORDER);
        command.mcc = buffer.getInt(offset + MCC_OFFSET, ORDER);
        readAscii(buffer, offset + MERCHANT_ID_OFFSET, buffer.getByte(offset + MERCHANT_ID_LENGTH_OFFSET),
            command.merchantId.bytes());
        command.merchantId.set(command.merchantId.bytes(), 0, buffer.getByte(offset + MERCHANT_ID_LENGTH_OFFSET));
        readAscii(buffer, offset + ORDER_ID_OFFSET, buffer.getByte(offset + ORDER_ID_LENGTH_OFFSET),
            command.orderId.bytes());
        command.orderId.set(command.orderId.bytes(), 0, buffer.getByte(offset + ORDER_ID_LENGTH_OFFSET));
        readAscii(buffer, offset + REFUND_ID_OFFSET, buffer.getByte(offset + REFUND_ID_LENGTH_OFFSET),
            command.refundId.bytes());
        command.refundId.set(command.refundId.bytes(), 0, buffer.getByte(offset + REFUND_ID_LENGTH_OFFSET));
    }

    /**
     * Reads the recorded decision of the record at {@code offset} onto {@code command}'s answer
     * fields (after {@link #decodeRequest}): response code, transaction id, discount and campaign.
     */
    public static void decodeDecision(final DirectBuffer buffer, final int offset, final SwitchCommand command)
    {
        command.responseCode = responseCode(buffer, offset);
        command.transaction.transactionId = resultTransactionId(buffer, offset);
        command.transaction.discount = discount(buffer, offset);
        command.transaction.campaignNumber = campaign(buffer, offset);
    }

    /** The command type of the record at {@code offset}. */
    public static CommandType type(final DirectBuffer buffer, final int offset)
    {
        return CommandType.fromOrdinal(buffer.getByte(offset + TYPE_OFFSET));
    }

    /** The amount field (for TAKE_SNAPSHOT: the snapshot id). */
    public static long amount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + AMOUNT_OFFSET, ORDER);
    }

    /** The recorded response code, or null when none was recorded. */
    public static ResponseCode responseCode(final DirectBuffer buffer, final int offset)
    {
        final byte code = buffer.getByte(offset + RESPONSE_CODE_OFFSET);
        return code == NO_CODE ? null : ResponseCode.fromOrdinal(code);
    }

    /** The transaction id the decision created or named (0 when none). */
    public static long resultTransactionId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + RESULT_TRANSACTION_ID_OFFSET, ORDER);
    }

    /** The discount the decision granted. */
    public static long discount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + DISCOUNT_OFFSET, ORDER);
    }

    /** The engine's number of the campaign whose discount the decision granted, or -1. */
    public static int campaign(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + CAMPAIGN_OFFSET, ORDER);
    }

    /**
     * What is wrong with the {@code length} bytes of a record at offset 0 of {@code view}, or null
     * when nothing is: an unknown version, a length that does not fit the payload length, and for
     * version 3 a CRC-32C that differs. Readers call it on every record before decoding it.
     */
    static String problem(final RecordChecksum checksum, final DirectBuffer view, final int length)
    {
        if (length < FIXED_LENGTH)
        {
            return "is " + length + " bytes long, shorter than any record";
        }
        final int version = version(view, 0);
        final int trailer = version == VERSION ? CHECKSUM_LENGTH : 0;
        if (version != VERSION && version != VERSION_WITHOUT_CHECKSUM)
        {
            return "has version " + version + "; this switch reads versions " + VERSION_WITHOUT_CHECKSUM + " and " +
                VERSION;
        }
        if (version == VERSION && !checksum.verify(view, 0, length))
        {
            return "fails its CRC-32C checksum: its bytes are not those written";
        }
        if (payloadLength(view, 0) != length - FIXED_LENGTH - trailer)
        {
            return "is " + length + " bytes long but says its payload is " + payloadLength(view, 0) + " bytes";
        }
        return null;
    }

    /** Bytes of operator payload after the fixed part. */
    public static int payloadLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + PAYLOAD_LENGTH_OFFSET, ORDER);
    }

    private static void readAscii(final DirectBuffer buffer, final int index, final int length, final byte[] out)
    {
        buffer.getBytes(index, out, 0, length);
    }
}
