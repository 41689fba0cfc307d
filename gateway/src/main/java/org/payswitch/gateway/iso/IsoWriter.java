package org.payswitch.gateway.iso;

import java.util.Arrays;

import io.netty.buffer.ByteBuf;

/**
 * Writes one ISO 8583:1987 binary message (ISO87BPackager layout) with its 2-byte big-endian
 * length in front: MTI, bitmap, then fields, which the caller must add in ascending order. The
 * bitmap and length are filled in by {@link #end()}. Reusable; allocates nothing. Public for
 * the tools (the load generator writes requests with it).
 *
 * <p>The message is built in a reused array and copied into the buffer once, by {@link #end()}:
 * writing it byte by byte into a Netty buffer costs an index and reference-count check per byte
 * and a zeroing call per field, which made encoding the reply thread's largest cost of an answer
 * (docs/pipeline.md, "Encoding an answer").
 */
public final class IsoWriter
{
    private static final int LENGTH_BYTES = 2;
    private static final int MTI_BYTES = 2;
    private static final int BITMAP_BYTES = 8;
    /** The BCD byte of 0..99: two digits a lookup instead of two divisions. */
    private static final byte[] BCD_OF = bcdBytes();

    private final byte[] bitmap = new byte[2 * BITMAP_BYTES];
    private byte[] frame = new byte[LENGTH_BYTES + IsoMessage.MAX_LENGTH];
    private ByteBuf out;
    private int position;
    private boolean secondary;

    /** Starts a message of type {@code mti} (e.g. 110), to be appended to {@code buffer} by {@link #end()}. */
    public IsoWriter begin(final ByteBuf buffer, final int mti, final boolean withSecondaryBitmap)
    {
        out = buffer;
        secondary = withSecondaryBitmap;
        Arrays.fill(bitmap, (byte)0);
        if (secondary)
        {
            bitmap[0] |= (byte)0x80;
        }
        position = LENGTH_BYTES;
        writeBcd(mti, 4);
        position += bitmapBytes();
        return this;
    }

    /** A fixed numeric field from a number, BCD, left-padded to the field's digits. */
    public IsoWriter numeric(final int field, final long value)
    {
        mark(field);
        writeBcd(value, IsoFields.LENGTH[field]);
        return this;
    }

    /**
     * An LLVAR numeric field (the PAN, up to 19 digits read as an unsigned number): BCD length,
     * then the digits in BCD from the first nibble, an odd count padded with a 0 nibble at the
     * end, as jPOS's ISO87BPackager packs it and {@link IsoMessage} reads it.
     */
    public IsoWriter llNumeric(final int field, final long digits, final int digitCount)
    {
        mark(field);
        writeBcd(digitCount, 2);
        final int bytes = (digitCount + 1) / 2;
        ensureRoom(bytes);
        final byte[] f = frame;
        final int at = position;
        Arrays.fill(f, at, at + bytes, (byte)0);
        long rest = digits;
        for (int i = digitCount - 1; i >= 0; i--)
        {
            final int digit = (int)Long.remainderUnsigned(rest, 10);
            rest = Long.divideUnsigned(rest, 10);
            f[at + i / 2] |= (byte)(i % 2 == 0 ? digit << 4 : digit);
        }
        position = at + bytes;
        return this;
    }

    /** A fixed ASCII field, right-padded with spaces to its length. */
    public IsoWriter ascii(final int field, final CharSequence value)
    {
        mark(field);
        final int width = IsoFields.LENGTH[field];
        ensureRoom(width);
        final byte[] f = frame;
        final int at = position;
        final int given = Math.min(width, value.length());
        for (int i = 0; i < given; i++)
        {
            f[at + i] = (byte)value.charAt(i);
        }
        Arrays.fill(f, at + given, at + width, (byte)' ');
        position = at + width;
        return this;
    }

    /** An LLLCHAR field. */
    public IsoWriter lllAscii(final int field, final byte[] value, final int length)
    {
        mark(field);
        writeBcd(length, 4);
        ensureRoom(length);
        System.arraycopy(value, 0, frame, position, length);
        position += length;
        return this;
    }

    /** A field copied byte for byte from a received message. */
    public IsoWriter echo(final int field, final IsoMessage from)
    {
        if (from.has(field))
        {
            mark(field);
            ensureRoom(from.encodedLength(field));
            position += from.copyEncoded(field, frame, position);
        }
        return this;
    }

    /** A field the request's {@link IsoEcho} kept, byte for byte. */
    public IsoWriter echo(final int field, final IsoEcho from)
    {
        if (from.has(field))
        {
            mark(field);
            ensureRoom(from.encodedLength(field));
            position += from.copyTo(field, frame, position);
        }
        return this;
    }

    /** Fills in the bitmap and the frame length, and appends the message to the buffer given to {@link #begin}. */
    public void end()
    {
        final byte[] f = frame;
        System.arraycopy(bitmap, 0, f, LENGTH_BYTES + MTI_BYTES, bitmapBytes());
        final int length = position - LENGTH_BYTES;
        f[0] = (byte)(length >>> 8);
        f[1] = (byte)length;
        out.writeBytes(f, 0, position);
        out = null;
    }

    private int bitmapBytes()
    {
        return secondary ? 2 * BITMAP_BYTES : BITMAP_BYTES;
    }

    private void mark(final int field)
    {
        final int bit = field - 1;
        bitmap[bit / 8] |= (byte)(0x80 >>> (bit % 8));
    }

    private void writeBcd(final long value, final int digits)
    {
        final int bytes = (digits + 1) / 2;
        ensureRoom(bytes);
        final byte[] f = frame;
        final int at = position;
        if (value < 0)
        {
            throw new IllegalArgumentException("a numeric ISO 8583 field cannot hold " + value);
        }
        int i = at + bytes - 1;
        long rest = value;
        while (i >= at && rest > Integer.MAX_VALUE)
        {
            final long quotient = rest / 100;
            f[i--] = BCD_OF[(int)(rest - quotient * 100)];
            rest = quotient;
        }
        int small = (int)rest;
        while (i >= at)
        {
            final int quotient = small / 100;
            f[i--] = BCD_OF[small - quotient * 100];
            small = quotient;
        }
        position = at + bytes;
    }

    private static byte[] bcdBytes()
    {
        final byte[] bytes = new byte[100];
        for (int n = 0; n < 100; n++)
        {
            bytes[n] = (byte)((n / 10) << 4 | n % 10);
        }
        return bytes;
    }

    /** Grows the frame for a message past the switch's own maximum (a caller's choice, never on the switch's path). */
    private void ensureRoom(final int bytes)
    {
        if (position + bytes > frame.length)
        {
            frame = Arrays.copyOf(frame, Math.max(2 * frame.length, position + bytes));
        }
    }
}
