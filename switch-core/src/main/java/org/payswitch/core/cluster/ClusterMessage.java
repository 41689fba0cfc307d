package org.payswitch.core.cluster;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.PayloadCodec;

/**
 * A command in the cluster's log: who forwarded it, the caller's merchant scope, and the request
 * as a journal record ({@link JournalRecord}, version 4: card data sealed, here under the
 * forwarder's log key, {@code ClusterSecret.ringFor("log", incarnation)}). Little-endian:
 * <pre>
 *  0  incarnation    long: the forwarding run's random id, which is also its log key's salt
 *  8  sequence       long: the ring slot the command waits in on the forwarding member
 * 16  scope length   int: bytes of the scope, -1 when the caller is not scoped
 * 20  record length  int
 * 24  scope          for each merchant id: its length (byte), its ASCII bytes
 *     record         the request, then its operator payload ({@link PayloadCodec})
 * </pre>
 * The request's timestamp is not the one that counts: the service executes each command at the
 * cluster's timestamp of its log entry, the same on every member.
 */
final class ClusterMessage
{
    static final int INCARNATION_OFFSET = 0;
    static final int SEQUENCE_OFFSET = 8;
    static final int SCOPE_LENGTH_OFFSET = 16;
    static final int RECORD_LENGTH_OFFSET = 20;
    static final int HEADER_LENGTH = 24;
    /** Longest message: a record with the largest operator payload and a scope of many merchants. */
    static final int MAX_LENGTH = 1 << 16;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int NOT_SCOPED = -1;
    private static final byte[] NO_PAYLOAD = new byte[0];

    private ClusterMessage()
    {
    }

    static long incarnation(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + INCARNATION_OFFSET, ORDER);
    }

    static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    /** Writes messages for one forwarder; keeps the last scope's bytes, so a key's requests encode it once. */
    static final class Encoder
    {
        private final long incarnation;
        private final JournalCards cards;
        private AsciiIdSet lastScope;
        private byte[] lastScopeBytes;

        Encoder(final long incarnation, final JournalCards cards)
        {
            this.incarnation = incarnation;
            this.cards = cards;
        }

        /** Writes the request of {@code command}, waiting in slot {@code sequence}; returns the length. */
        int encode(final SwitchCommand command, final long sequence, final MutableDirectBuffer buffer)
        {
            buffer.putLong(INCARNATION_OFFSET, incarnation, ORDER);
            buffer.putLong(SEQUENCE_OFFSET, sequence, ORDER);
            int at = HEADER_LENGTH;
            if (command.merchantScope == null)
            {
                buffer.putInt(SCOPE_LENGTH_OFFSET, NOT_SCOPED, ORDER);
            }
            else
            {
                final byte[] scope = scopeBytes(command.merchantScope);
                buffer.putInt(SCOPE_LENGTH_OFFSET, scope.length, ORDER);
                buffer.putBytes(at, scope);
                at += scope.length;
            }
            final byte[] payload = command.hasPayload() ? PayloadCodec.encode(command, cards) : NO_PAYLOAD;
            final int record = JournalRecord.encode(command, buffer, at, payload, payload.length, cards);
            buffer.putInt(RECORD_LENGTH_OFFSET, record, ORDER);
            return at + record;
        }

        private byte[] scopeBytes(final AsciiIdSet scope)
        {
            if (scope != lastScope)
            {
                final StringBuilder text = new StringBuilder();
                for (final String id : scope.ids())
                {
                    text.append((char)id.length()).append(id);
                }
                lastScopeBytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
                lastScope = scope;
            }
            return lastScopeBytes;
        }
    }

    /** Reads messages on the service's thread; keeps the last scope read, so a key's requests decode it once. */
    static final class Decoder
    {
        private byte[] lastScopeBytes = new byte[0];
        private AsciiIdSet lastScope;
        private byte[] scopeRead = new byte[256];

        /** Reads the request into {@code command} (reset first), card data opened with {@code cards}. */
        void decode(final DirectBuffer buffer, final int offset, final SwitchCommand command, final JournalCards cards)
        {
            final int scopeLength = buffer.getInt(offset + SCOPE_LENGTH_OFFSET, ORDER);
            final int record = offset + HEADER_LENGTH + Math.max(0, scopeLength);
            JournalRecord.decodeRequest(buffer, record, command, cards);
            final int payloadLength = JournalRecord.payloadLength(buffer, record);
            if (payloadLength > 0)
            {
                final byte[] bytes = new byte[payloadLength];
                buffer.getBytes(record + JournalRecord.payloadOffset(buffer, record), bytes);
                PayloadCodec.decode(bytes, JournalRecord.VERSION, cards, command);
            }
            command.merchantScope = scopeLength < 0 ? null : scope(buffer, offset + HEADER_LENGTH, scopeLength);
        }

        private AsciiIdSet scope(final DirectBuffer buffer, final int offset, final int length)
        {
            if (scopeRead.length < length)
            {
                scopeRead = new byte[length];
            }
            buffer.getBytes(offset, scopeRead, 0, length);
            if (lastScope == null || !Arrays.equals(scopeRead, 0, length, lastScopeBytes, 0, lastScopeBytes.length))
            {
                final List<String> ids = new ArrayList<>();
                for (int at = 0; at < length; at += 1 + (scopeRead[at] & 0xFF))
                {
                    ids.add(new String(scopeRead, at + 1, scopeRead[at] & 0xFF, StandardCharsets.US_ASCII));
                }
                lastScope = AsciiIdSet.of(ids, 255);
                lastScopeBytes = Arrays.copyOf(scopeRead, length);
            }
            return lastScope;
        }
    }
}
