package org.payswitch.core.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.crypto.SecretKey;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.testing.FixedRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The secret a cluster's members share ({@link ClusterSecret}): created once, 32 random bytes in a
 * file of mode 0600, read back the same by every later open, and by every one of two members that
 * race to create it; a file of another length refused. The keys derived from it are the same for
 * the same label and salt on every member, and differ by label and by salt; the one-key ring of a
 * sealer ({@link DataKeyRing#ofOne}) seals under a non-zero key id what another member's ring of
 * the same label and salt opens.
 */
class ClusterSecretTest
{
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final int RACES = 50;

    @TempDir
    Path folder;

    @Test
    void shouldCreateAMissingSecretOfThirtyTwoBytesReadableByItsOwnerOnly() throws IOException
    {
        final Path file = folder.resolve("cluster.key");

        final ClusterSecret created = ClusterSecret.openOrCreate(file, new SecureRandom());

        assertThat(Files.size(file)).isEqualTo(ClusterSecret.BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(file)).isNotEqualTo(new byte[ClusterSecret.BYTES]);
        assertThat(leftovers()).containsExactly(file);
        assertThat(created.keyFor(ClusterSecret.LOG, 7).getEncoded())
            .isEqualTo(ClusterSecret.of(Files.readAllBytes(file)).keyFor(ClusterSecret.LOG, 7).getEncoded());
    }

    @Test
    void shouldReadTheSameSecretOnEveryLaterOpen() throws IOException
    {
        final Path file = folder.resolve("cluster.key");
        final ClusterSecret first = ClusterSecret.openOrCreate(file, new FixedRandom(1));
        final byte[] bytes = Files.readAllBytes(file);

        final ClusterSecret second = ClusterSecret.openOrCreate(file, new FixedRandom(2));

        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(second.keyFor(ClusterSecret.LOG, 42).getEncoded()).isEqualTo(first.keyFor(ClusterSecret.LOG, 42).getEncoded());
        assertThat(second.keyFor(ClusterSecret.SNAPSHOT, -1).getEncoded())
            .isEqualTo(first.keyFor(ClusterSecret.SNAPSHOT, -1).getEncoded());
    }

    @Test
    void shouldCreateTheSecretsMissingFolderForItsOwnerOnly() throws IOException
    {
        final Path file = folder.resolve("secrets").resolve("cluster.key");

        ClusterSecret.openOrCreate(file, new SecureRandom());

        assertThat(Files.size(file)).isEqualTo(ClusterSecret.BYTES);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void shouldGiveBothMembersRacingToCreateTheSecretTheSameOne() throws Exception
    {
        final ExecutorService members = Executors.newFixedThreadPool(2);
        try
        {
            for (int race = 0; race < RACES; race++)
            {
                final Path file = folder.resolve("race-" + race).resolve("cluster.key");
                Files.createDirectories(file.getParent());
                final CyclicBarrier start = new CyclicBarrier(2);
                final List<Future<ClusterSecret>> opened = new ArrayList<>();
                for (int member = 0; member < 2; member++)
                {
                    opened.add(members.submit(() ->
                    {
                        start.await(10, TimeUnit.SECONDS);
                        return ClusterSecret.openOrCreate(file, new SecureRandom());
                    }));
                }
                final ClusterSecret first = opened.get(0).get(10, TimeUnit.SECONDS);
                final ClusterSecret second = opened.get(1).get(10, TimeUnit.SECONDS);
                final ClusterSecret onDisk = ClusterSecret.of(Files.readAllBytes(file));

                assertThat(first.keyFor(ClusterSecret.LOG, race).getEncoded()).as("race %d", race)
                    .isEqualTo(second.keyFor(ClusterSecret.LOG, race).getEncoded())
                    .isEqualTo(onDisk.keyFor(ClusterSecret.LOG, race).getEncoded());
                try (Stream<Path> files = Files.list(file.getParent()))
                {
                    assertThat(files.toList()).as("race %d: files left", race).containsExactly(file);
                }
            }
        }
        finally
        {
            members.shutdownNow();
            assertThat(members.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void shouldRefuseASecretFileOfAnotherLengthNamingIt() throws IOException
    {
        for (final int length : new int[] {0, 16, ClusterSecret.BYTES - 1, ClusterSecret.BYTES + 1, 64})
        {
            final Path file = folder.resolve("secret-of-" + length);
            Files.write(file, new byte[length]);

            assertThatThrownBy(() -> ClusterSecret.openOrCreate(file, new SecureRandom())).as("%d bytes", length)
                .isInstanceOf(KeyFileException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("32 bytes expected, found " + length);
            assertThat(Files.size(file)).isEqualTo(length);
        }
    }

    @Test
    void shouldRefuseASecretOfAnotherLengthInMemory()
    {
        assertThatThrownBy(() -> ClusterSecret.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClusterSecret.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepItsOwnCopyOfTheBytesItWasGiven()
    {
        final byte[] bytes = SECRET.clone();
        final ClusterSecret secret = ClusterSecret.of(bytes);
        final byte[] before = secret.keyFor(ClusterSecret.LOG, 1).getEncoded();

        bytes[0] ^= 1;

        assertThat(secret.keyFor(ClusterSecret.LOG, 1).getEncoded()).isEqualTo(before);
    }

    @Test
    void shouldDeriveTheSameKeyForTheSameLabelAndSaltOnEveryMember()
    {
        final ClusterSecret one = ClusterSecret.of(SECRET);
        final ClusterSecret other = ClusterSecret.of(SECRET.clone());

        for (final long salt : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x1234_5678_9abc_def0L})
        {
            final SecretKey key = one.keyFor(ClusterSecret.LOG, salt);
            assertThat(key.getAlgorithm()).isEqualTo("AES");
            assertThat(key.getEncoded()).hasSize(DataKeyRing.KEY_BYTES);
            assertThat(one.keyFor(ClusterSecret.LOG, salt).getEncoded()).isEqualTo(key.getEncoded());
            assertThat(other.keyFor(ClusterSecret.LOG, salt).getEncoded()).isEqualTo(key.getEncoded());
        }
    }

    @Test
    void shouldDeriveAnotherKeyForAnotherLabelSaltOrSecret()
    {
        final ClusterSecret secret = ClusterSecret.of(SECRET);
        final byte[] otherBytes = SECRET.clone();
        otherBytes[31] ^= 1;
        final byte[] log = secret.keyFor(ClusterSecret.LOG, 1).getEncoded();

        assertThat(secret.keyFor(ClusterSecret.SNAPSHOT, 1).getEncoded()).isNotEqualTo(log);
        assertThat(secret.keyFor(ClusterSecret.LOG, 2).getEncoded()).isNotEqualTo(log);
        assertThat(secret.keyFor(ClusterSecret.LOG, 1L | 1L << 40).getEncoded()).as("salts alike in their low bits")
            .isNotEqualTo(log);
        assertThat(secret.keyFor(ClusterSecret.LOG, 1L << 56 | 1).getEncoded()).isNotEqualTo(log);
        assertThat(ClusterSecret.of(otherBytes).keyFor(ClusterSecret.LOG, 1).getEncoded()).isNotEqualTo(log);
    }

    @Test
    void shouldGiveASealerARingOfItsOneKeyUnderANonZeroId()
    {
        final ClusterSecret secret = ClusterSecret.of(SECRET);

        for (final long salt : new long[] {0, 1, 2, 1L << 31, -1, Long.MIN_VALUE, 0x7fff_ffff_0000_0000L, 0xdead_beefL})
        {
            final DataKeyRing ring = secret.ringFor(ClusterSecret.LOG, salt);

            assertThat(ring.activeId()).as("salt %x", salt).isNotZero()
                .isEqualTo((int)(salt & Integer.MAX_VALUE) | 1);
            assertThat(ring.size()).isEqualTo(1);
            assertThat(ring.key(ring.activeId()).getEncoded()).isEqualTo(secret.keyFor(ClusterSecret.LOG, salt).getEncoded());
        }
    }

    @Test
    void shouldOpenOnAnotherMemberWhatOneMembersRingSealed()
    {
        final long salt = 0x5eed_1234_abcdL;
        final CardDataCipher sealer = new CardDataCipher(ClusterSecret.of(SECRET).ringFor(ClusterSecret.LOG, salt));
        final UnsafeBuffer field = new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]);
        sealer.seal(6_222_600_000_000_017L, 16, 3012, field, 0);

        final CardData opened = new CardData();
        assertThat(new CardDataCipher(ClusterSecret.of(SECRET.clone()).ringFor(ClusterSecret.LOG, salt)).open(field, 0, opened))
            .isTrue();
        assertThat(opened.pan).isEqualTo(6_222_600_000_000_017L);
        assertThat(opened.panLength).isEqualTo(16);
        assertThat(opened.expiry).isEqualTo(3012);
        assertThat(new CardDataCipher(ClusterSecret.of(SECRET).ringFor(ClusterSecret.SNAPSHOT, salt))
            .open(field, 0, new CardData())).as("the snapshot key of the same salt").isFalse();
    }

    @Test
    void shouldRefuseKeyIdZeroForARingOfOne()
    {
        final SecretKey key = ClusterSecret.of(SECRET).keyFor(ClusterSecret.LOG, 1);

        assertThatThrownBy(() -> DataKeyRing.ofOne(DataKeyRing.NO_KEY, key)).isInstanceOf(IllegalArgumentException.class);
        final DataKeyRing ring = DataKeyRing.ofOne(7, key);
        assertThat(ring.activeId()).isEqualTo(7);
        assertThat(ring.key(7)).isSameAs(key);
        assertThat(ring.key(8)).isNull();
    }

    private List<Path> leftovers() throws IOException
    {
        try (Stream<Path> files = Files.list(folder))
        {
            return files.toList();
        }
    }
}
