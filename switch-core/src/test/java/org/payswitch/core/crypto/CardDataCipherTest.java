package org.payswitch.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Card data sealed with AES-GCM under data keys wrapped by key-encryption keys: opened, refused when altered, rotated. */
class CardDataCipherTest
{
    private static final long PAN = 6222020000000000009L / 1000;
    private static final int PAN_LENGTH = 16;
    private static final int EXPIRY = 2812;

    @TempDir
    Path folder;

    private final SecureRandom random = new SecureRandom();

    @Test
    void opensWhatItSealedAndTheFieldHoldsNoDigitsInClear()
    {
        final CardDataCipher cipher = new CardDataCipher(ring());
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        cipher.seal(PAN, PAN_LENGTH, EXPIRY, buffer, 7);

        final CardData out = new CardData();
        assertThat(cipher.open(buffer, 7, out)).isTrue();
        assertThat(out.pan).isEqualTo(PAN);
        assertThat(out.panLength).isEqualTo(PAN_LENGTH);
        assertThat(out.expiry).isEqualTo(EXPIRY);
        assertThat(indexOf(buffer, PAN)).isEqualTo(-1);
    }

    @Test
    void everyAlteredByteIsRefused()
    {
        final CardDataCipher cipher = new CardDataCipher(ring());
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]);
        cipher.seal(PAN, PAN_LENGTH, EXPIRY, buffer, 0);
        for (int i = 0; i < CardDataCipher.SEALED_LENGTH; i++)
        {
            buffer.putByte(i, (byte)(buffer.getByte(i) ^ 0x01));
            final CardData out = new CardData().set(-1, -1, -1);
            assertThat(cipher.open(buffer, 0, out)).as("byte %d flipped", i).isFalse();
            assertThat(out.pan).isEqualTo(-1);
            buffer.putByte(i, (byte)(buffer.getByte(i) ^ 0x01));
        }
        assertThat(cipher.open(buffer, 0, new CardData())).isTrue();
    }

    @Test
    void noNonceRepeatsAndTheSameCardSealsDifferentlyEachTime()
    {
        final CardDataCipher cipher = new CardDataCipher(ring());
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]);
        final Set<String> nonces = new HashSet<>();
        final Set<String> fields = new HashSet<>();
        for (int i = 0; i < 1_000; i++)
        {
            cipher.seal(PAN, PAN_LENGTH, EXPIRY, buffer, 0);
            final byte[] bytes = new byte[CardDataCipher.SEALED_LENGTH];
            buffer.getBytes(0, bytes);
            nonces.add(HexFormat.of().formatHex(bytes, 0, 12));
            fields.add(HexFormat.of().formatHex(bytes));
        }
        assertThat(nonces).hasSize(1_000);
        assertThat(fields).hasSize(1_000);
    }

    @Test
    void eachStartMakesANewDataKeyAndOldFieldsStillOpen()
    {
        final Path kekFile = folder.resolve("kek");
        KeyEncryptionKeys.create(kekFile, random);
        final DataKeyRing first = DataKeyRing.openForWriting(folder.resolve("keys"), KeyEncryptionKeys.load(kekFile), 1L, random);
        final UnsafeBuffer old = new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]);
        new CardDataCipher(first).seal(PAN, PAN_LENGTH, EXPIRY, old, 0);

        final DataKeyRing second = DataKeyRing.openForWriting(folder.resolve("keys"), KeyEncryptionKeys.load(kekFile), 2L, random);
        assertThat(second.activeId()).isEqualTo(first.activeId() + 1);
        assertThat(second.size()).isEqualTo(2);
        final CardData out = new CardData();
        assertThat(new CardDataCipher(second).open(old, 0, out)).isTrue();
        assertThat(out.pan).isEqualTo(PAN);
        assertThat(CardDataCipher.keyIdOf(old, 0)).isEqualTo(first.activeId());
    }

    @Test
    void rotatingTheKeyEncryptionKeyRewrapsTheRingAndTheJournalsFieldsStillOpen()
    {
        final Path kekFile = folder.resolve("kek");
        final Path keys = folder.resolve("keys");
        KeyEncryptionKeys.create(kekFile, random);
        final KeyEncryptionKeys before = KeyEncryptionKeys.load(kekFile);
        final UnsafeBuffer field = new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]);
        new CardDataCipher(DataKeyRing.openForWriting(keys, before, 1L, random)).seal(PAN, PAN_LENGTH, EXPIRY, field, 0);

        assertThat(KeyEncryptionKeys.addKey(kekFile, random)).isEqualTo(2);
        final KeyEncryptionKeys after = KeyEncryptionKeys.load(kekFile);
        assertThat(DataKeyRing.rewrap(keys, before, after, random)).isEqualTo(1);

        final Path onlyNewKek = folder.resolve("kek-2-only");
        writeOnlyLastKey(kekFile, onlyNewKek);
        final DataKeyRing reader = DataKeyRing.openForReading(keys, KeyEncryptionKeys.load(onlyNewKek));
        final CardData out = new CardData();
        assertThat(new CardDataCipher(reader).open(field, 0, out)).isTrue();
        assertThat(out.expiry).isEqualTo(EXPIRY);
    }

    @Test
    void aDifferentKeyFileIsRefusedWithTheFileNamed()
    {
        final Path kekFile = folder.resolve("kek");
        final Path other = folder.resolve("other-kek");
        KeyEncryptionKeys.create(kekFile, random);
        KeyEncryptionKeys.create(other, random);
        DataKeyRing.openForWriting(folder.resolve("keys"), KeyEncryptionKeys.load(kekFile), 1L, random);

        assertThatThrownBy(() -> DataKeyRing.openForReading(folder.resolve("keys"), KeyEncryptionKeys.load(other)))
            .isInstanceOf(KeyFileException.class)
            .hasMessageContaining(other.toString())
            .hasMessageContaining("does not open data key 1");
    }

    @Test
    void aRingOpenedForReadingCannotSeal()
    {
        final Path kekFile = folder.resolve("kek");
        KeyEncryptionKeys.create(kekFile, random);
        final DataKeyRing reader = DataKeyRing.openForReading(folder.resolve("keys"), KeyEncryptionKeys.load(kekFile));
        assertThatThrownBy(() -> new CardDataCipher(reader).seal(PAN, PAN_LENGTH, EXPIRY,
            new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]), 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keyFilesAndTheRingAreReadableByTheirOwnerOnly() throws IOException
    {
        final Path kekFile = folder.resolve("secrets").resolve("kek");
        KeyEncryptionKeys.create(kekFile, random);
        final DataKeyRing ring = DataKeyRing.openForWriting(folder.resolve("keys"), KeyEncryptionKeys.load(kekFile), 1L, random);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kekFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ring.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ring.file().getParent())))
            .isEqualTo("rwx------");
        assertThatThrownBy(() -> KeyEncryptionKeys.create(kekFile, random)).isInstanceOf(KeyFileException.class);
    }

    @Test
    void malformedKeyFilesAreRefusedWithTheirLine() throws IOException
    {
        final Path kekFile = folder.resolve("kek");
        Files.writeString(kekFile, "# keys\nkek 1 not-base64!\n");
        assertThatThrownBy(() -> KeyEncryptionKeys.load(kekFile)).isInstanceOf(KeyFileException.class)
            .hasMessageContaining("line 2");
        Files.writeString(kekFile, "# nothing\n");
        assertThatThrownBy(() -> KeyEncryptionKeys.load(kekFile)).hasMessageContaining("holds no key-encryption key");
        assertThatThrownBy(() -> KeyEncryptionKeys.load(folder.resolve("missing"))).hasMessageContaining("cannot be read");
    }

    private DataKeyRing ring()
    {
        final Path kekFile = folder.resolve("kek");
        KeyEncryptionKeys.create(kekFile, random);
        return DataKeyRing.openForWriting(folder.resolve("keys"), KeyEncryptionKeys.load(kekFile), 1L, random);
    }

    private static void writeOnlyLastKey(final Path from, final Path to)
    {
        try
        {
            final List<String> lines = Files.readAllLines(from);
            Files.writeString(to, lines.get(lines.size() - 1) + "\n");
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(final UnsafeBuffer buffer, final long pan)
    {
        for (int i = 0; i + 8 <= buffer.capacity(); i++)
        {
            if (buffer.getLong(i, ByteOrder.LITTLE_ENDIAN) == pan ||
                buffer.getLong(i, ByteOrder.BIG_ENDIAN) == pan)
            {
                return i;
            }
        }
        return -1;
    }
}
