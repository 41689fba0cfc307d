package org.payswitch.core.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The CRC-32C of a journal record ({@code java.util.zip.CRC32C}, a JIT intrinsic), written in the
 * record's last 4 bytes and checked on every read. The writer computes it over the record where it
 * was encoded (its own direct buffer: no copy, no allocation); a reader copies the record from the
 * mapped file into one reused direct buffer first, because {@code CRC32C} reads memory only
 * through a {@link ByteBuffer}. One instance per thread.
 */
final class RecordChecksum
{
    /** Bytes of the checksum at the end of a version 3 record. */
    static final int LENGTH = 4;

    private final CRC32C crc = new CRC32C();
    private final ByteBuffer scratch;
    private final UnsafeBuffer scratchView;

    /** @param maxRecord the longest record a reader copies; 0 for a writer, which checksums in place */
    RecordChecksum(final int maxRecord)
    {
        scratch = maxRecord > 0 ? ByteBuffer.allocateDirect(maxRecord) : null;
        scratchView = scratch == null ? null : new UnsafeBuffer(scratch);
    }

    /**
     * Writes the checksum of the {@code length} bytes at the start of {@code direct} (which
     * {@code record} wraps) after them; returns the record's length with its checksum.
     */
    int seal(final ByteBuffer direct, final MutableDirectBuffer record, final int length)
    {
        record.putInt(length, of(direct, length), ByteOrder.LITTLE_ENDIAN);
        return length + LENGTH;
    }

    /**
     * True when the {@code length} bytes at {@code offset} of {@code view} (checksum included)
     * end with the checksum of what precedes it.
     */
    boolean verify(final DirectBuffer view, final int offset, final int length)
    {
        if (length < LENGTH || length > scratch.capacity())
        {
            return false;
        }
        final int body = length - LENGTH;
        view.getBytes(offset, scratchView, 0, body);
        return of(scratch, body) == view.getInt(offset + body, ByteOrder.LITTLE_ENDIAN);
    }

    private int of(final ByteBuffer direct, final int length)
    {
        direct.limit(length).position(0);
        crc.reset();
        crc.update(direct);
        return (int)crc.getValue();
    }
}
