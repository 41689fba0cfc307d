package org.payswitch.gateway.iso;

import io.netty.buffer.ByteBuf;

/**
 * Writes one ISO 8583:1987 binary message (ISO87BPackager layout) with its 2-byte big-endian
 * length in front: MTI, bitmap, then fields, which the caller must add in ascending order. The
 * bitmap and length are filled in by {@link #end()}. Reusable; allocates nothing. Public for
 * the tools (the load generator writes requests with it).
 */
public final class IsoWriter
{
    private ByteBuf out;
    private int frameStart;
    private int bitmapAt;
    private final byte[] bitmap = new byte[16];
    private boolean secondary;

    /** Starts a message of type {@code mti} (e.g. 110) at the end of {@code buffer}. */
    public IsoWriter begin(final ByteBuf buffer, final int mti, final boolean withSecondaryBitmap)
    {
        out = buffer;
        secondary = withSecondaryBitmap;
        java.util.Arrays.fill(bitmap, (byte)0);
        frameStart = out.writerIndex();
        out.writeShort(0);
        writeBcd(mti, 4);
        bitmapAt = out.writerIndex();
        out.writeZero(secondary ? 16 : 8);
        if (secondary)
        {
            bitmap[0] |= (byte)0x80;
        }
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
        final int at = out.writerIndex();
        out.writeZero((digitCount + 1) / 2);
        long rest = digits;
        for (int i = digitCount - 1; i >= 0; i--)
        {
            final int digit = (int)Long.remainderUnsigned(rest, 10);
            rest = Long.divideUnsigned(rest, 10);
            final int index = at + i / 2;
            out.setByte(index, out.getByte(index) | (i % 2 == 0 ? digit << 4 : digit));
        }
        return this;
    }

    /** A fixed ASCII field, right-padded with spaces to its length. */
    public IsoWriter ascii(final int field, final CharSequence value)
    {
        mark(field);
        final int width = IsoFields.LENGTH[field];
        for (int i = 0; i < width; i++)
        {
            out.writeByte(i < value.length() ? value.charAt(i) : ' ');
        }
        return this;
    }

    /** An LLLCHAR field. */
    public IsoWriter lllAscii(final int field, final byte[] value, final int length)
    {
        mark(field);
        writeBcd(length, 4);
        out.writeBytes(value, 0, length);
        return this;
    }

    /** A field copied byte for byte from a received message. */
    public IsoWriter echo(final int field, final IsoMessage from)
    {
        if (from.has(field))
        {
            mark(field);
            from.copyEncoded(field, out);
        }
        return this;
    }

    /** A field the request's {@link IsoEcho} kept, byte for byte. */
    public IsoWriter echo(final int field, final IsoEcho from)
    {
        if (from.has(field))
        {
            mark(field);
            from.writeTo(field, out);
        }
        return this;
    }

    /** Fills in the bitmap and the frame length. */
    public void end()
    {
        out.setBytes(bitmapAt, bitmap, 0, secondary ? 16 : 8);
        out.setShort(frameStart, out.writerIndex() - frameStart - 2);
    }

    private void mark(final int field)
    {
        final int bit = field - 1;
        bitmap[bit / 8] |= (byte)(0x80 >>> (bit % 8));
    }

    private void writeBcd(final long value, final int digits)
    {
        final int bytes = (digits + 1) / 2;
        long rest = value;
        final int at = out.writerIndex();
        out.writeZero(bytes);
        for (int i = bytes - 1; i >= 0; i--)
        {
            final int low = (int)(rest % 10);
            rest /= 10;
            final int high = (int)(rest % 10);
            rest /= 10;
            out.setByte(at + i, (high << 4) | low);
        }
    }
}
