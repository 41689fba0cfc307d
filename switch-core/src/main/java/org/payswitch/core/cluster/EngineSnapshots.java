package org.payswitch.core.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.payswitch.core.crypto.ClusterSecret;
import org.payswitch.core.crypto.SealedStream;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.snapshot.SnapshotStore;
import org.payswitch.core.state.SnapshotImage;
import org.payswitch.core.state.SnapshotInput;

/**
 * The engine's state in an Aeron Cluster snapshot: the engine's own snapshot format
 * ({@link SnapshotStore#capture}), sealed as a snapshot file's body is ({@link SealedStream}, under
 * a key of the cluster's secret drawn for this snapshot), in messages of at most {@value #CHUNK}
 * bytes. Aeron archives the snapshot and copies it to a member that catches up, so no card data
 * is in clear there. The messages, each starting with its kind:
 * <pre>
 *  HEADER  kind, magic, version, salt (the snapshot key's and the sealed stream's id),
 *          audit records journaled so far, plain length, plain CRC-32C
 *  BODY    kind, then bytes of the sealed stream
 *  SENT    kind, count, then (forwarding run, highest sequence executed) pairs: the copies to skip
 *  END     kind
 * </pre>
 */
final class EngineSnapshots
{
    static final int CHUNK = 64 * 1024;
    private static final byte HEADER = 1;
    private static final byte BODY = 2;
    private static final byte END = 3;
    private static final byte SENT = 4;
    private static final int MAGIC = 0x50534353;
    private static final int VERSION = 1;
    private static final int HEADER_LENGTH = 1 + 4 + 4 + 8 + 8 + 8 + 8;

    /** What a loaded snapshot says besides the engine's state. */
    record Loaded(long auditRecords, long salt)
    {
    }

    private EngineSnapshots()
    {
    }

    /**
     * Writes the engine's state and the count of audit records into {@code publication}; on the
     * thread that owns the engine.
     */
    static void write(
        final ExclusivePublication publication, final SwitchEngine engine, final Long2LongHashMap executedUpTo,
        final long auditRecords, final ClusterSecret secret, final long salt, final IdleStrategy idle)
    {
        try (SnapshotImage image = new SnapshotImage())
        {
            SnapshotStore.capture(engine, salt, image);
            final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
            int at = 0;
            header.putByte(at, HEADER);
            header.putInt(at += 1, MAGIC);
            header.putInt(at += 4, VERSION);
            header.putLong(at += 4, salt);
            header.putLong(at += 8, auditRecords);
            header.putLong(at += 8, image.length());
            header.putLong(at + 8, image.crc32c());
            offer(publication, header, HEADER_LENGTH, idle);
            final PublicationChannel body = new PublicationChannel(publication, idle);
            try (WritableByteChannel sealing = SealedStream.sealing(body, secret.ringFor(ClusterSecret.SNAPSHOT, salt), salt))
            {
                image.writeTo(sealing);
            }
            final UnsafeBuffer sent = new UnsafeBuffer(new byte[1 + 4 + executedUpTo.size() * 2 * Long.BYTES]);
            sent.putByte(0, SENT);
            sent.putInt(1, executedUpTo.size());
            final int[] next = {5};
            executedUpTo.forEachLong((run, sequence) ->
            {
                sent.putLong(next[0], run);
                sent.putLong(next[0] + Long.BYTES, sequence);
                next[0] += 2 * Long.BYTES;
            });
            offer(publication, sent, sent.capacity(), idle);
            final UnsafeBuffer end = new UnsafeBuffer(new byte[] {END});
            offer(publication, end, 1, idle);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot write the engine's state into the cluster's snapshot", e);
        }
    }

    /**
     * Replaces the engine's state with the snapshot in {@code image}: the sealed body must open
     * under the cluster's secret and match its length and checksum, else the member refuses to start.
     */
    static Loaded load(final Image image, final SwitchEngine engine, final Long2LongHashMap executedUpTo,
        final ClusterSecret secret, final IdleStrategy idle)
    {
        final ImageChannel channel = new ImageChannel(image, idle);
        final DirectBuffer header = channel.header();
        int at = 1;
        if (header.getInt(at) != MAGIC || header.getInt(at += 4) != VERSION)
        {
            throw new IllegalStateException("the cluster's snapshot is not a payment switch snapshot of version " + VERSION);
        }
        final long salt = header.getLong(at += 4);
        final long auditRecords = header.getLong(at += 8);
        final long length = header.getLong(at += 8);
        final long crc = header.getLong(at + 8);
        final SnapshotInput in = new SnapshotInput(SealedStream.opening(channel, secret.ringFor(ClusterSecret.SNAPSHOT, salt), salt));
        try
        {
            engine.readSnapshot(in);
        }
        catch (final UncheckedIOException e)
        {
            throw new IllegalStateException("the cluster's snapshot fails its checksum (a GCM tag: another cluster's " +
                "secret?) or ends early: " + e.getCause().getMessage(), e);
        }
        if (in.finish() != length || in.crc32c() != crc)
        {
            throw new IllegalStateException("the cluster's snapshot: length or checksum differs from its header");
        }
        final DirectBuffer sent = channel.sent();
        executedUpTo.clear();
        for (int i = 0, pair = 4; i < sent.getInt(0); i++, pair += 2 * Long.BYTES)
        {
            executedUpTo.put(sent.getLong(pair), sent.getLong(pair + Long.BYTES));
        }
        return new Loaded(auditRecords, salt);
    }

    private static void offer(final ExclusivePublication publication, final DirectBuffer buffer, final int length,
        final IdleStrategy idle)
    {
        idle.reset();
        long result;
        while ((result = publication.offer(buffer, 0, length)) < 0)
        {
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("the snapshot publication refused a message: " + Publication.errorString(result));
            }
            idle.idle();
        }
    }

    /** The sealed stream's bytes, offered as BODY messages of at most {@value #CHUNK} bytes. */
    private static final class PublicationChannel implements WritableByteChannel
    {
        private final ExclusivePublication publication;
        private final IdleStrategy idle;
        private final UnsafeBuffer message = new UnsafeBuffer(ByteBuffer.allocateDirect(CHUNK + 1));

        PublicationChannel(final ExclusivePublication publication, final IdleStrategy idle)
        {
            this.publication = publication;
            this.idle = idle;
            message.putByte(0, BODY);
        }

        @Override
        public int write(final ByteBuffer source)
        {
            final int written = source.remaining();
            while (source.hasRemaining())
            {
                final int length = Math.min(CHUNK, source.remaining());
                message.putBytes(1, source, source.position(), length);
                source.position(source.position() + length);
                offer(publication, message, length + 1, idle);
            }
            return written;
        }

        @Override
        public boolean isOpen()
        {
            return true;
        }

        @Override
        public void close()
        {
        }
    }

    /** Reads the BODY messages of a snapshot image as one stream, polling the image as it goes. */
    private static final class ImageChannel implements ReadableByteChannel
    {
        private final Image image;
        private final IdleStrategy idle;
        private final FragmentHandler assembler = new FragmentAssembler(this::onMessage);
        private final UnsafeBuffer pending = new UnsafeBuffer(new byte[Math.max(CHUNK, HEADER_LENGTH)]);
        private int pendingLength;
        private int pendingOffset;
        private byte kind;

        ImageChannel(final Image image, final IdleStrategy idle)
        {
            this.image = image;
            this.idle = idle;
        }

        /** The SENT message that follows the body (read past the body's end if the sealed stream stopped short of it), then END. */
        DirectBuffer sent()
        {
            while (kind == BODY)
            {
                if (pendingOffset != pendingLength)
                {
                    throw new IllegalStateException("the cluster's snapshot has bytes after its sealed body");
                }
                next();
            }
            if (kind != SENT)
            {
                throw new IllegalStateException("the cluster's snapshot has no SENT message after its body");
            }
            final UnsafeBuffer sent = new UnsafeBuffer(new byte[pendingLength]);
            sent.putBytes(0, pending, 0, pendingLength);
            next();
            if (kind != END)
            {
                throw new IllegalStateException("the cluster's snapshot does not end with END");
            }
            return sent;
        }

        DirectBuffer header()
        {
            next();
            if (kind != HEADER)
            {
                throw new IllegalStateException("the cluster's snapshot does not start with its header");
            }
            final UnsafeBuffer header = new UnsafeBuffer(new byte[pendingLength]);
            header.putBytes(0, pending, 0, pendingLength);
            pendingOffset = pendingLength;
            return header;
        }

        @Override
        public int read(final ByteBuffer target)
        {
            if (pendingOffset == pendingLength)
            {
                next();
                if (kind == SENT)
                {
                    return -1;
                }
                if (kind != BODY)
                {
                    throw new IllegalStateException("the cluster's snapshot has a message of unknown kind " + kind);
                }
            }
            final int length = Math.min(target.remaining(), pendingLength - pendingOffset);
            pending.getBytes(pendingOffset, target, target.position(), length);
            target.position(target.position() + length);
            pendingOffset += length;
            return length;
        }

        /** Polls until the next whole message is in {@code pending}. */
        private void next()
        {
            pendingLength = -1;
            idle.reset();
            while (pendingLength < 0)
            {
                if (image.isClosed() || image.isEndOfStream())
                {
                    throw new IllegalStateException("the cluster's snapshot ended before its END message");
                }
                idle.idle(image.poll(assembler, 1));
            }
        }

        /** Keeps a HEADER whole (its fields are read at their offsets), a BODY without its kind. */
        private void onMessage(final DirectBuffer buffer, final int offset, final int length,
            final io.aeron.logbuffer.Header header)
        {
            kind = buffer.getByte(offset);
            final int skip = kind == HEADER ? 0 : 1;
            pending.putBytes(0, buffer, offset + skip, length - skip);
            pendingLength = length - skip;
            pendingOffset = 0;
        }

        @Override
        public boolean isOpen()
        {
            return true;
        }

        @Override
        public void close()
        {
        }
    }
}
