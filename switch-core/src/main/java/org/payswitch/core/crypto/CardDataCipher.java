package org.payswitch.core.crypto;

import java.nio.ByteOrder;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Seals and opens card data (PAN, its length, expiry) with AES-256-GCM from the JDK, into a
 * fixed {@value #SEALED_LENGTH}-byte field of a journal record or snapshot:
 * <pre>
 *  0  data key id   int, little-endian  \  together the 96-bit GCM nonce
 *  4  counter       long, little-endian /
 * 12  ciphertext    13 bytes: PAN (long), PAN length (byte), expiry (int), little-endian
 * 25  tag           16 bytes
 * </pre>
 * The nonce is the data key's id and a counter of this cipher: the data key is made for one run
 * of one process ({@link DataKeyRing#openForWriting}) and this cipher is that run's only sealer,
 * so no nonce repeats under a key. The counter starts at one and the cipher refuses to seal past
 * {@value #MAX_SEALS} (years at the peak). Opening checks the tag: a changed byte, a field
 * moved from another key, or a key the ring does not hold is refused, not decrypted wrongly.
 * <p>One thread: the journal stage seals; recovery and the tools open. Each call builds one
 * {@link GCMParameterSpec} (the JDK's API has no reusable form) and otherwise reuses its arrays.
 */
public final class CardDataCipher
{
    /** Bytes of a sealed card-data field. */
    public static final int SEALED_LENGTH = 41;
    /** Seals one cipher may make under its data key. */
    public static final long MAX_SEALS = 1L << 48;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int NONCE_BYTES = 12;
    private static final int PLAIN_BYTES = 13;
    private static final int TAG_BITS = 128;
    private static final int CIPHERTEXT_OFFSET = NONCE_BYTES;

    private final DataKeyRing ring;
    private final Cipher cipher;
    private final byte[] nonce = new byte[NONCE_BYTES];
    private final byte[] plain = new byte[PLAIN_BYTES + 16];
    private final byte[] sealed = new byte[SEALED_LENGTH];
    private final UnsafeBuffer plainView = new UnsafeBuffer(plain);
    private long counter;

    /** A cipher over {@code ring}: seals with its active data key (when it has one), opens with any of its keys. */
    public CardDataCipher(final DataKeyRing ring)
    {
        this.ring = ring;
        try
        {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        }
        catch (final GeneralSecurityException e)
        {
            throw new KeyFileException("the JDK offers no AES/GCM/NoPadding: " + e.getMessage(), e);
        }
    }

    /**
     * Seals {@code pan}, {@code panLength} and {@code expiry} into {@code buffer} at
     * {@code offset} ({@value #SEALED_LENGTH} bytes).
     *
     * @throws IllegalStateException when the ring was opened for reading or the counter is spent
     */
    public void seal(final long pan, final int panLength, final int expiry, final MutableDirectBuffer buffer,
        final int offset)
    {
        final int keyId = ring.activeId();
        if (keyId == DataKeyRing.NO_KEY || counter >= MAX_SEALS)
        {
            throw new IllegalStateException(keyId == DataKeyRing.NO_KEY ?
                "a data key ring opened for reading cannot seal" : "data key " + keyId + " has sealed its maximum");
        }
        final long count = ++counter;
        writeNonce(keyId, count);
        plainView.putLong(0, pan, ORDER);
        plainView.putByte(8, (byte)panLength);
        plainView.putInt(9, expiry, ORDER);
        try
        {
            cipher.init(Cipher.ENCRYPT_MODE, ring.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.doFinal(plain, 0, PLAIN_BYTES, sealed, CIPHERTEXT_OFFSET);
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("AES-GCM refused to seal under data key " + keyId, e);
        }
        System.arraycopy(nonce, 0, sealed, 0, NONCE_BYTES);
        buffer.putBytes(offset, sealed, 0, SEALED_LENGTH);
    }

    /**
     * Opens the field at {@code offset} of {@code buffer} into {@code out}.
     *
     * @return false, leaving {@code out} unchanged, when the ring has no such data key or the
     *         field was altered (the tag does not verify)
     */
    public boolean open(final DirectBuffer buffer, final int offset, final CardData out)
    {
        buffer.getBytes(offset, sealed, 0, SEALED_LENGTH);
        final SecretKey key = ring.key(buffer.getInt(offset, ORDER));
        if (key == null)
        {
            return false;
        }
        try
        {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.doFinal(sealed, CIPHERTEXT_OFFSET, SEALED_LENGTH - CIPHERTEXT_OFFSET, plain, 0);
        }
        catch (final AEADBadTagException e)
        {
            return false;
        }
        catch (final GeneralSecurityException e)
        {
            throw new IllegalStateException("AES-GCM refused to open a field of data key " + buffer.getInt(offset, ORDER), e);
        }
        out.set(plainView.getLong(0, ORDER), plainView.getByte(8), plainView.getInt(9, ORDER));
        return true;
    }

    /** The data key id a sealed field names (readable without any key). */
    public static int keyIdOf(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset, ORDER);
    }

    private void writeNonce(final int keyId, final long count)
    {
        nonce[0] = (byte)keyId;
        nonce[1] = (byte)(keyId >>> 8);
        nonce[2] = (byte)(keyId >>> 16);
        nonce[3] = (byte)(keyId >>> 24);
        for (int i = 0; i < 8; i++)
        {
            nonce[4 + i] = (byte)(count >>> (8 * i));
        }
    }
}
