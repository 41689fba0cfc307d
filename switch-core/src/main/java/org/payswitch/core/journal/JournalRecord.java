package org.payswitch.core.journal;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.payswitch.core.crypto.CardData;
import org.payswitch.core.crypto.CardDataCipher;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;

/**
 * The journal's record, version 4: one state-changing command (the request) and its decision,
 * read and written in place over an Agrona buffer (a flyweight: no object per record).
 * Little-endian; layout in docs/journal.md. No PAN or expiry in clear: an authorization of a card
 * on file is recorded by the card's number in the card book and its truncated PAN (first six,
 * last four digits, which PCI DSS allows in clear), and the engine finds the card by number on
 * replay; any other card data (a PAN not on file, another expiry, an operator's card) is sealed
 * ({@link JournalCards}, a {@value CardDataCipher#SEALED_LENGTH}-byte field after the fixed
 * part). Operator payloads follow, encoded by {@link PayloadCodec}; the record ends with the
 * CRC-32C of everything before it ({@link RecordChecksum}), which the writer adds after
 * {@link #encode}. Versions 3 (PAN and expiry in clear, with the checksum) and 2 (without it)
 * are still read, never written.
 */
public final class JournalRecord
{
    /** Format version written into every record: 4 takes the card data out of the clear. */
    public static final byte VERSION = 4;
    /** Version 3: PAN and expiry in clear, with the trailing CRC-32C; read, never written. */
    public static final byte VERSION_IN_CLEAR = 3;
    /** Version 2: as version 3 without a checksum; read (unverified), never written. */
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
    /** Versions 2 and 3: the PAN as an unsigned number (8 bytes). */
    public static final int PAN_OFFSET = TIMESTAMP_OFFSET + 8;
    /** Version 4: the truncated PAN, first six digits times 10 000 plus the last four, 0 none (8 bytes, where the PAN was). */
    public static final int TRUNCATED_PAN_OFFSET = PAN_OFFSET;
    public static final int AMOUNT_OFFSET = PAN_OFFSET + 8;
    public static final int TRANSACTION_ID_OFFSET = AMOUNT_OFFSET + 8;
    public static final int RESULT_TRANSACTION_ID_OFFSET = TRANSACTION_ID_OFFSET + 8;
    public static final int DISCOUNT_OFFSET = RESULT_TRANSACTION_ID_OFFSET + 8;
    /** Versions 2 and 3: the expiry YYMM, -1 none. */
    public static final int EXPIRY_OFFSET = DISCOUNT_OFFSET + 8;
    /** Version 4: the card's number in the card book, -1 when not on file (4 bytes, where the expiry was). */
    public static final int CARD_NUMBER_OFFSET = EXPIRY_OFFSET;
    public static final int CURRENCY_OFFSET = EXPIRY_OFFSET + 4;
    public static final int MCC_OFFSET = CURRENCY_OFFSET + 4;
    public static final int CAMPAIGN_OFFSET = MCC_OFFSET + 4;
    public static final int PAYLOAD_LENGTH_OFFSET = CAMPAIGN_OFFSET + 2;
    public static final int MERCHANT_ID_OFFSET = PAYLOAD_LENGTH_OFFSET + 4;
    public static final int ORDER_ID_OFFSET = MERCHANT_ID_OFFSET + 15;
    public static final int REFUND_ID_OFFSET = ORDER_ID_OFFSET + SwitchCommand.MAX_ORDER_ID_LENGTH;
    /** Where the payload starts in a record without sealed card data (else {@link #payloadOffset}). */
    public static final int PAYLOAD_OFFSET = REFUND_ID_OFFSET + SwitchCommand.MAX_REFUND_ID_LENGTH;
    /** Bytes of a record without sealed card data, payload and checksum. */
    public static final int FIXED_LENGTH = PAYLOAD_OFFSET;
    /** Version 4: where the sealed card data is, when the record has some. */
    public static final int SEALED_CARD_OFFSET = FIXED_LENGTH;
    /** Bytes of the trailing checksum of a version 3 or 4 record. */
    public static final int CHECKSUM_LENGTH = RecordChecksum.LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int FLAG_CAPTURE = 1;
    private static final int FLAG_HAS_AMOUNT = 2;
    private static final int FLAG_CARD_ON_FILE = 4;
    private static final int FLAG_SEALED_CARD = 8;
    private static final int FLAG_EXPIRY_ON_FILE = 16;
    private static final int NO_CARD = -1;
    private static final byte NO_CODE = (byte)0xFF;

    private JournalRecord()
    {
    }

    /**
     * Writes the command's request and decision at {@code offset}, its payload bytes after;
     * returns the length written, to which the writer appends the checksum. An authorization
     * whose decision replay applies as recorded, of a card on file ({@link SwitchCommand#cardOnFile}),
     * is written by card number and truncated PAN with no cipher call; any other card data is
     * sealed with {@code cards}.
     */
    public static int encode(
        final SwitchCommand command, final MutableDirectBuffer buffer, final int offset,
        final byte[] payload, final int payloadLength, final JournalCards cards)
    {
        int flags = (command.capture ? FLAG_CAPTURE : 0) | (command.hasAmount ? FLAG_HAS_AMOUNT : 0);
        int sealed = 0;
        final long truncated = Pan.truncated(command.pan, command.panLength);
        if (command.cardOnFile != SwitchCommand.NOT_ON_FILE && isAppliedAsRecorded(command))
        {
            flags |= FLAG_CARD_ON_FILE | (command.expiry != SwitchCommand.NO_EXPIRY ? FLAG_EXPIRY_ON_FILE : 0);
            buffer.putInt(offset + CARD_NUMBER_OFFSET, command.cardOnFile, ORDER);
        }
        else
        {
            buffer.putInt(offset + CARD_NUMBER_OFFSET, NO_CARD, ORDER);
            if (command.pan != 0 || command.panLength != 0 || command.expiry != SwitchCommand.NO_EXPIRY)
            {
                flags |= FLAG_SEALED_CARD;
                cards.seal(command.pan, command.panLength, command.expiry, buffer, offset + SEALED_CARD_OFFSET);
                sealed = CardDataCipher.SEALED_LENGTH;
            }
        }
        buffer.putLong(offset + TRUNCATED_PAN_OFFSET, truncated, ORDER);
        buffer.putByte(offset + VERSION_OFFSET, VERSION);
        buffer.putByte(offset + TYPE_OFFSET, command.type.code());
        buffer.putByte(offset + RESPONSE_CODE_OFFSET,
            command.responseCode == null ? NO_CODE : command.responseCode.storedCode());
        buffer.putByte(offset + FLAGS_OFFSET, (byte)flags);
        buffer.putByte(offset + PAN_LENGTH_OFFSET, (byte)command.panLength);
        buffer.putByte(offset + MERCHANT_ID_LENGTH_OFFSET, (byte)command.merchantId.length());
        buffer.putByte(offset + ORDER_ID_LENGTH_OFFSET, (byte)command.orderId.length());
        buffer.putByte(offset + REFUND_ID_LENGTH_OFFSET, (byte)command.refundId.length());
        buffer.putLong(offset + TIMESTAMP_OFFSET, command.timestamp, ORDER);
        buffer.putLong(offset + AMOUNT_OFFSET, command.amount, ORDER);
        buffer.putLong(offset + TRANSACTION_ID_OFFSET, command.transactionId, ORDER);
        buffer.putLong(offset + RESULT_TRANSACTION_ID_OFFSET, command.transaction.transactionId, ORDER);
        buffer.putLong(offset + DISCOUNT_OFFSET, command.transaction.discount, ORDER);
        buffer.putInt(offset + CURRENCY_OFFSET, command.currency, ORDER);
        buffer.putInt(offset + MCC_OFFSET, command.mcc, ORDER);
        buffer.putShort(offset + CAMPAIGN_OFFSET, (short)command.transaction.campaignNumber, ORDER);
        buffer.putInt(offset + PAYLOAD_LENGTH_OFFSET, payloadLength, ORDER);
        zero(buffer, offset + MERCHANT_ID_OFFSET, offset + FIXED_LENGTH);
        buffer.putBytes(offset + MERCHANT_ID_OFFSET, command.merchantId.bytes(), 0, command.merchantId.length());
        buffer.putBytes(offset + ORDER_ID_OFFSET, command.orderId.bytes(), 0, command.orderId.length());
        buffer.putBytes(offset + REFUND_ID_OFFSET, command.refundId.bytes(), 0, command.refundId.length());
        if (payloadLength > 0)
        {
            buffer.putBytes(offset + FIXED_LENGTH + sealed, payload, 0, payloadLength);
        }
        return FIXED_LENGTH + sealed + payloadLength;
    }

    /**
     * True for the records replay applies from their decision without deciding again
     * ({@link JournalReplayer}): authorizations with a decision other than 96.
     */
    static boolean isAppliedAsRecorded(final SwitchCommand command)
    {
        return command.type == CommandType.AUTHORIZE && command.responseCode != null &&
            command.responseCode != ResponseCode.SYSTEM_MALFUNCTION;
    }

    /** The version of the record at {@code offset}. */
    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + VERSION_OFFSET);
    }

    /**
     * Reads the request of the record at {@code offset} into {@code command} (reset first); the
     * payload, if any, is left for {@link #payloadLength} and {@link PayloadCodec}. Of a version 4
     * authorization of a card on file, the card's number, truncated PAN and whether the expiry was
     * the card's are read ({@link SwitchCommand#cardOnFile}), for the engine to find the card; sealed
     * card data is opened with {@code cards}, which throws naming the key file when it cannot.
     */
    public static void decodeRequest(
        final DirectBuffer buffer, final int offset, final SwitchCommand command, final JournalCards cards)
    {
        command.reset();
        command.type = type(buffer, offset);
        final int flags = buffer.getByte(offset + FLAGS_OFFSET);
        command.capture = (flags & FLAG_CAPTURE) != 0;
        command.hasAmount = (flags & FLAG_HAS_AMOUNT) != 0;
        command.panLength = buffer.getByte(offset + PAN_LENGTH_OFFSET);
        command.timestamp = buffer.getLong(offset + TIMESTAMP_OFFSET, ORDER);
        if (version(buffer, offset) < VERSION)
        {
            command.pan = buffer.getLong(offset + PAN_OFFSET, ORDER);
            command.expiry = buffer.getInt(offset + EXPIRY_OFFSET, ORDER);
        }
        else if ((flags & FLAG_CARD_ON_FILE) != 0)
        {
            command.cardOnFile = buffer.getInt(offset + CARD_NUMBER_OFFSET, ORDER);
            command.recordedTruncation = truncatedPan(buffer, offset);
            command.expiry = (flags & FLAG_EXPIRY_ON_FILE) != 0 ? SwitchCommand.EXPIRY_ON_FILE : SwitchCommand.NO_EXPIRY;
        }
        else if ((flags & FLAG_SEALED_CARD) != 0)
        {
            final CardData card = cards.open(buffer, offset + SEALED_CARD_OFFSET);
            command.pan = card.pan;
            command.panLength = card.panLength;
            command.expiry = card.expiry;
        }
        command.amount = buffer.getLong(offset + AMOUNT_OFFSET, ORDER);
        command.transactionId = buffer.getLong(offset + TRANSACTION_ID_OFFSET, ORDER);
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
     * The PAN truncated to its first six and last four digits ({@link Pan#truncated}), readable
     * without any key: from the clear PAN of a version 2 or 3 record, from the truncation of a
     * version 4 one (0 when the record names no PAN of a valid length).
     */
    public static long truncatedPan(final DirectBuffer buffer, final int offset)
    {
        if (version(buffer, offset) < VERSION)
        {
            return Pan.truncated(buffer.getLong(offset + PAN_OFFSET, ORDER), buffer.getByte(offset + PAN_LENGTH_OFFSET));
        }
        return buffer.getLong(offset + TRUNCATED_PAN_OFFSET, ORDER);
    }

    /** True when a version 4 record holds sealed card data (which only the data keys open). */
    public static boolean hasSealedCard(final DirectBuffer buffer, final int offset)
    {
        return version(buffer, offset) >= VERSION && (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_SEALED_CARD) != 0;
    }

    /** Where the payload of the record at {@code offset} starts, relative to it: after its sealed card data, if any. */
    public static int payloadOffset(final DirectBuffer buffer, final int offset)
    {
        return FIXED_LENGTH + (hasSealedCard(buffer, offset) ? CardDataCipher.SEALED_LENGTH : 0);
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

    /**
     * The command type of the record at {@code offset}: never null for a record that passed
     * {@link #problem}, which refuses a code no type has.
     */
    public static CommandType type(final DirectBuffer buffer, final int offset)
    {
        return CommandType.fromCode(buffer.getByte(offset + TYPE_OFFSET));
    }

    /** True when the record is of an authorization and capture at once (a sale). */
    public static boolean isSale(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_CAPTURE) != 0;
    }

    /**
     * True when a capture, reversal or refund carried an amount (its flag: an authorization's
     * amount is always there and does not set it).
     */
    public static boolean hasAmount(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset + FLAGS_OFFSET) & FLAG_HAS_AMOUNT) != 0;
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
        return code == NO_CODE ? null : ResponseCode.fromStoredCode(code);
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
     * when nothing is: an unknown version, for versions 3 and 4 a CRC-32C that differs, a length
     * that does not fit the payload length, a command type or response code no constant has (a
     * record of a build with other codes: docs/journal.md, "Format codes"), or a payload
     * {@link PayloadCodec#problem} refuses. Readers call it on every record before decoding it.
     */
    static String problem(final RecordChecksum checksum, final DirectBuffer view, final int length)
    {
        if (length < FIXED_LENGTH)
        {
            return "is " + length + " bytes long, shorter than any record";
        }
        final int version = version(view, 0);
        if (version != VERSION && version != VERSION_IN_CLEAR && version != VERSION_WITHOUT_CHECKSUM)
        {
            return "has version " + version + "; this switch reads versions " + VERSION_WITHOUT_CHECKSUM + " to " +
                VERSION;
        }
        final int trailer = version == VERSION_WITHOUT_CHECKSUM ? 0 : CHECKSUM_LENGTH;
        if (version != VERSION_WITHOUT_CHECKSUM && !checksum.verify(view, 0, length))
        {
            return "fails its CRC-32C checksum: its bytes are not those written";
        }
        final int fixed = payloadOffset(view, 0);
        if (payloadLength(view, 0) != length - fixed - trailer)
        {
            return "is " + length + " bytes long but says its payload is " + payloadLength(view, 0) + " bytes";
        }
        if (type(view, 0) == null)
        {
            return "has command type code " + (view.getByte(TYPE_OFFSET) & 0xFF) + ", which no command type of " +
                "this switch has";
        }
        final byte code = view.getByte(RESPONSE_CODE_OFFSET);
        if (code != NO_CODE && ResponseCode.fromStoredCode(code) == null)
        {
            return "has response code " + (code & 0xFF) + ", which no response code of this switch has";
        }
        return PayloadCodec.problem(view, fixed, payloadLength(view, 0), version);
    }

    /** Bytes of operator payload after the fixed part. */
    public static int payloadLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + PAYLOAD_LENGTH_OFFSET, ORDER);
    }

    /**
     * Zeros bytes {@code from} to {@code to} (excluded), eight at a time (plain stores, no call):
     * the id fields are padded with zeros, so a record's bytes are a function of its command alone.
     * The writer reuses its buffer, and without this a short id would carry the end of an earlier
     * record's id (as records of earlier builds may: readers never look past an id's length).
     */
    private static void zero(final MutableDirectBuffer buffer, final int from, final int to)
    {
        int at = from;
        for (; at + Long.BYTES <= to; at += Long.BYTES)
        {
            buffer.putLong(at, 0L);
        }
        for (; at < to; at++)
        {
            buffer.putByte(at, (byte)0);
        }
    }

    private static void readAscii(final DirectBuffer buffer, final int index, final int length, final byte[] out)
    {
        buffer.getBytes(index, out, 0, length);
    }
}
