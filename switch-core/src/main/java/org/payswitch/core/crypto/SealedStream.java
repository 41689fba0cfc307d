package org.payswitch.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A whole file's body (a snapshot's) encrypted with AES-256-GCM in chunks of at most
 * {@value #CHUNK} bytes, so that a reader never holds more than one chunk and checks each before
 * using it (the JDK's GCM releases no plaintext of a message before its tag is checked). Each
 * chunk on disk:
 * <pre>
 *  0  plain length   int, little-endian
 *  4  last           byte: 1 on the stream's final chunk
 *  5  data key id    int     \ the 96-bit nonce
 *  9  nonce counter  long    /
 * 17  ciphertext, then the 16-byte tag
 * </pre>
 * The associated data is the stream's id (the snapshot's), the chunk's index and the last flag,
 * so chunks cannot be reordered, moved between streams, dropped from the end or cut short
 * unnoticed. Nonces come from the ring's stream counter, apart from the journal's
 * ({@link DataKeyRing#nextStreamNonce}).
 */
public final class SealedStream
{
    /** Plain bytes per chunk. */
    public static final int CHUNK = 1 << 20;
    private static final int HEADER = 17;
    private static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = 12;

    private SealedStream()
    {
    }

    /** A channel that seals what is written to it into {@code out}; close it to write the final chunk. */
    public static WritableByteChannel sealing(final WritableByteChannel out, final DataKeyRing ring, final long streamId)
    {
        return new Sealing(out, ring, streamId);
    }

    /** A channel that reads the plain bytes of a stream sealed by {@link #sealing} from {@code in}. */
    public static ReadableByteChannel opening(final ReadableByteChannel in, final DataKeyRing ring, final long streamId)
    {
        return new Opening(in, ring, streamId);
    }

    private static Cipher gcm()
    {
        try
        {
            return Cipher.getInstance("AES/GCM/NoPadding");
        }
        catch (final GeneralSecurityException e)
        {
            throw new KeyFileException("the JDK offers no AES/GCM/NoPadding: " + e.getMessage(), e);
        }
    }

    private static byte[] associatedData(final long streamId, final long index, final boolean last)
    {
        return ByteBuffer.allocate(17).order(ByteOrder.LITTLE_ENDIAN).putLong(streamId).putLong(index)
            .put((byte)(last ? 1 : 0)).array();
    }

    private static final class Sealing implements WritableByteChannel
    {
        private final WritableByteChannel out;
        private final DataKeyRing ring;
        private final long streamId;
        private final Cipher cipher = gcm();
        private final ByteBuffer plain = ByteBuffer.allocate(CHUNK);
        private final ByteBuffer sealed = ByteBuffer.allocate(HEADER + CHUNK + TAG_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private long index;
        private boolean open = true;

        Sealing(final WritableByteChannel out, final DataKeyRing ring, final long streamId)
        {
            this.out = out;
            this.ring = ring;
            this.streamId = streamId;
        }

        @Override
        public int write(final ByteBuffer source) throws IOException
        {
            final int count = source.remaining();
            while (source.hasRemaining())
            {
                if (!plain.hasRemaining())
                {
                    seal(false);
                }
                final int n = Math.min(plain.remaining(), source.remaining());
                final int limit = source.limit();
                source.limit(source.position() + n);
                plain.put(source);
                source.limit(limit);
            }
            return count;
        }

        @Override
        public boolean isOpen()
        {
            return open;
        }

        @Override
        public void close() throws IOException
        {
            if (open)
            {
                seal(true);
                open = false;
            }
        }

        private void seal(final boolean last) throws IOException
        {
            plain.flip();
            final int keyId = ring.activeId();
            final long counter = ring.nextStreamNonce();
            sealed.clear();
            sealed.putInt(plain.remaining()).put((byte)(last ? 1 : 0)).putInt(keyId).putLong(counter);
            final byte[] nonce = new byte[NONCE_BYTES];
            sealed.get(5, nonce);
            try
            {
                cipher.init(Cipher.ENCRYPT_MODE, ring.key(keyId), new GCMParameterSpec(TAG_BYTES * 8, nonce));
                cipher.updateAAD(associatedData(streamId, index++, last));
                cipher.doFinal(plain, sealed);
            }
            catch (final GeneralSecurityException e)
            {
                throw new IOException("AES-GCM refused to seal chunk " + (index - 1) + " of stream " + streamId, e);
            }
            sealed.flip();
            while (sealed.hasRemaining())
            {
                out.write(sealed);
            }
            plain.clear();
        }
    }

    private static final class Opening implements ReadableByteChannel
    {
        private final ReadableByteChannel in;
        private final DataKeyRing ring;
        private final long streamId;
        private final Cipher cipher = gcm();
        private final ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        private final ByteBuffer sealed = ByteBuffer.allocate(CHUNK + TAG_BYTES);
        private final ByteBuffer plain = ByteBuffer.allocate(CHUNK + TAG_BYTES);
        private long index;
        private boolean last;
        private boolean open = true;

        Opening(final ReadableByteChannel in, final DataKeyRing ring, final long streamId)
        {
            this.in = in;
            this.ring = ring;
            this.streamId = streamId;
            plain.limit(0);
        }

        @Override
        public int read(final ByteBuffer target) throws IOException
        {
            while (!plain.hasRemaining())
            {
                if (last)
                {
                    return -1;
                }
                openNext();
            }
            final int n = Math.min(plain.remaining(), target.remaining());
            final int limit = plain.limit();
            plain.limit(plain.position() + n);
            target.put(plain);
            plain.limit(limit);
            return n;
        }

        @Override
        public boolean isOpen()
        {
            return open;
        }

        @Override
        public void close() throws IOException
        {
            open = false;
            in.close();
        }

        private void openNext() throws IOException
        {
            header.clear();
            if (!fill(header))
            {
                throw new IOException("sealed stream " + streamId + " ends before its final chunk (chunk " + index + ")");
            }
            header.flip();
            final int length = header.getInt();
            final boolean isLast = header.get() == 1;
            final int keyId = header.getInt();
            final SecretKey key = ring.key(keyId);
            if (length < 0 || length > CHUNK)
            {
                throw new IOException("sealed stream " + streamId + " chunk " + index + ": bad length " + length);
            }
            if (key == null)
            {
                throw new IOException("sealed stream " + streamId + " chunk " + index + " names data key " + keyId +
                    ", which the data key ring does not hold");
            }
            sealed.clear().limit(length + TAG_BYTES);
            if (!fill(sealed))
            {
                throw new IOException("sealed stream " + streamId + " is cut short in chunk " + index);
            }
            sealed.flip();
            final byte[] nonce = new byte[NONCE_BYTES];
            header.get(5, nonce);
            plain.clear();
            try
            {
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
                cipher.updateAAD(associatedData(streamId, index, isLast));
                cipher.doFinal(sealed, plain);
            }
            catch (final GeneralSecurityException e)
            {
                throw new IOException("sealed stream " + streamId + " chunk " + index +
                    " does not verify: altered, misplaced or of another key", e);
            }
            plain.flip();
            index++;
            last = isLast;
        }

        private boolean fill(final ByteBuffer buffer) throws IOException
        {
            while (buffer.hasRemaining())
            {
                if (in.read(buffer) < 0)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
