package org.payswitch.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot body sealed in chunks: read back whole, and refused when cut, reordered or moved. */
class SealedStreamTest
{
    private static final long STREAM = 42;
    private static final int CHUNK_ON_DISK = 17 + SealedStream.CHUNK + 16;

    @TempDir
    Path folder;

    private DataKeyRing ring;
    private final byte[] body = new byte[SealedStream.CHUNK * 2 + 12_345];

    @BeforeEach
    void keys()
    {
        final SecureRandom random = new SecureRandom();
        KeyEncryptionKeys.create(folder.resolve("kek"), random);
        ring = DataKeyRing.openForWriting(folder.resolve("keys"), KeyEncryptionKeys.load(folder.resolve("kek")), 1L, random);
        new Random(7).nextBytes(body);
    }

    @Test
    void readsBackWhatWasWrittenInPiecesOfAnySize() throws IOException
    {
        final byte[] sealed = seal(body, STREAM);
        assertThat(sealed.length).isEqualTo(body.length + 3 * (17 + 16));
        assertThat(indexOf(sealed, Arrays.copyOfRange(body, 1_000, 1_016))).isEqualTo(-1);
        assertThat(open(sealed, STREAM, 777)).isEqualTo(body);
    }

    @Test
    void anEmptyStreamIsOneFinalChunk() throws IOException
    {
        assertThat(open(seal(new byte[0], STREAM), STREAM, 10)).isEmpty();
    }

    @Test
    void refusesAStreamWithoutItsFinalChunk() throws IOException
    {
        final byte[] sealed = seal(body, STREAM);
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, 2 * CHUNK_ON_DISK), STREAM, 4096))
            .isInstanceOf(IOException.class).hasMessageContaining("ends before its final chunk");
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, sealed.length - 1), STREAM, 4096))
            .isInstanceOf(IOException.class).hasMessageContaining("cut short");
    }

    @Test
    void refusesReorderedChunksAlteredBytesAndAnotherStreamsBody() throws IOException
    {
        final byte[] sealed = seal(body, STREAM);
        final byte[] swapped = sealed.clone();
        System.arraycopy(sealed, 0, swapped, CHUNK_ON_DISK, CHUNK_ON_DISK);
        System.arraycopy(sealed, CHUNK_ON_DISK, swapped, 0, CHUNK_ON_DISK);
        assertThatThrownBy(() -> open(swapped, STREAM, 4096)).hasMessageContaining("does not verify");

        final byte[] altered = sealed.clone();
        altered[CHUNK_ON_DISK + 100] ^= 1;
        assertThatThrownBy(() -> open(altered, STREAM, 4096)).hasMessageContaining("chunk 1 does not verify");

        assertThatThrownBy(() -> open(sealed, STREAM + 1, 4096)).hasMessageContaining("does not verify");
    }

    private byte[] seal(final byte[] plain, final long stream) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (WritableByteChannel channel = SealedStream.sealing(Channels.newChannel(bytes), ring, stream))
        {
            int at = 0;
            final Random sizes = new Random(3);
            while (at < plain.length)
            {
                final int n = Math.min(plain.length - at, 1 + sizes.nextInt(300_000));
                channel.write(ByteBuffer.wrap(plain, at, n));
                at += n;
            }
        }
        return bytes.toByteArray();
    }

    private byte[] open(final byte[] sealed, final long stream, final int readSize) throws IOException
    {
        final ByteArrayOutputStream plain = new ByteArrayOutputStream();
        try (ReadableByteChannel channel =
            SealedStream.opening(Channels.newChannel(new ByteArrayInputStream(sealed)), ring, stream))
        {
            final ByteBuffer buffer = ByteBuffer.allocate(readSize);
            while (channel.read(buffer) >= 0)
            {
                buffer.flip();
                plain.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
        }
        return plain.toByteArray();
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length))
            {
                return i;
            }
        }
        return -1;
    }
}
