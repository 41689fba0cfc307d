package org.payswitch.core.journal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Writes journal records as the switch wrote them before version 4 (docs/journal.md, versions 3
 * and 2: the PAN as a number at offset 16, the expiry at 56, a card definition's PAN and expiry in
 * clear in its payload), byte for byte from the documented layout, so that tests can prove such a
 * journal still replays and can show what the old format left in clear.
 */
final class Version3Records implements AutoCloseable
{
    private final ByteBuffer direct = ByteBuffer.allocateDirect(1 << 16);
    private final UnsafeBuffer record = new UnsafeBuffer(direct);
    private final BytesStore<?, ?> store = BytesStore.wrap(direct);
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;

    Version3Records(final JournalConfig config)
    {
        queue = ChronicleQueues.openForWriting(config);
        appender = queue.createAppender();
    }

    /** Appends the command's request and decision as a version 3 record, or 2 ({@code checksum} false). */
    void append(final SwitchCommand command, final boolean checksum)
    {
        final byte[] payload = payload(command);
        final ByteOrder le = ByteOrder.LITTLE_ENDIAN;
        record.setMemory(0, JournalRecord.FIXED_LENGTH, (byte)0);
        record.putByte(0, checksum ? JournalRecord.VERSION_IN_CLEAR : JournalRecord.VERSION_WITHOUT_CHECKSUM);
        record.putByte(1, command.type.code());
        record.putByte(2, command.responseCode == null ? (byte)0xFF : command.responseCode.storedCode());
        record.putByte(3, (byte)((command.capture ? 1 : 0) | (command.hasAmount ? 2 : 0)));
        record.putByte(4, (byte)command.panLength);
        record.putByte(5, (byte)command.merchantId.length());
        record.putByte(6, (byte)command.orderId.length());
        record.putByte(7, (byte)command.refundId.length());
        record.putLong(8, command.timestamp, le);
        record.putLong(16, command.pan, le);
        record.putLong(24, command.amount, le);
        record.putLong(32, command.transactionId, le);
        record.putLong(40, command.transaction.transactionId, le);
        record.putLong(48, command.transaction.discount, le);
        record.putInt(56, command.expiry, le);
        record.putInt(60, command.currency, le);
        record.putInt(64, command.mcc, le);
        record.putShort(68, (short)command.transaction.campaignNumber, le);
        record.putInt(70, payload.length, le);
        record.putBytes(74, command.merchantId.bytes(), 0, command.merchantId.length());
        record.putBytes(89, command.orderId.bytes(), 0, command.orderId.length());
        record.putBytes(129, command.refundId.bytes(), 0, command.refundId.length());
        record.putBytes(169, payload);
        int length = 169 + payload.length;
        if (checksum)
        {
            final CRC32C crc = new CRC32C();
            crc.update(direct.duplicate().position(0).limit(length));
            record.putInt(length, (int)crc.getValue(), le);
            length += 4;
        }
        try (DocumentContext document = appender.writingDocument())
        {
            document.wire().bytes().write(store, 0L, (long)length);
        }
    }

    private static byte[] payload(final SwitchCommand command)
    {
        final CardDefinition card = command.cardDefinition;
        if (card == null)
        {
            return PayloadCodec.encode(command, null);
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes))
        {
            out.writeByte(1);
            out.writeLong(card.pan());
            out.writeByte(card.panLength());
            out.writeInt(card.expiry());
            out.writeByte(card.status().code());
            out.writeInt(card.currency());
            out.writeLong(card.creditLimit());
            out.writeLong(card.perTransactionLimit());
            out.writeLong(card.dailyLimit());
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
