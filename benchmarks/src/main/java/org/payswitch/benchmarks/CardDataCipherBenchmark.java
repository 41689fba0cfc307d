package org.payswitch.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.core.crypto.CardData;
import org.payswitch.core.crypto.CardDataCipher;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.crypto.KeyEncryptionKeys;

/**
 * The price of card data encryption at rest per journal record, on one thread: {@code seal}
 * encrypts a demo card's PAN, length and expiry into the 41-byte AES-256-GCM field a record
 * would carry (what the journal stage would do per authorization); {@code open} decrypts and
 * verifies such a field (what recovery would do per record). Keys as the switch makes them: a
 * key-encryption key file and a data key ring in a temporary folder, deleted after the trial.
 * <p>Checks its answers after each iteration: every opened field gave back the
 * card that was sealed, and sealing wrote a field that opens to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CardDataCipherBenchmark extends SwitchFork
{
    private static final long PAN = 518888000000000L;
    private static final int PAN_LENGTH = 16;
    private static final int EXPIRY = 2812;

    private Path folder;
    private CardDataCipher cipher;
    private final UnsafeBuffer field = new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]);
    private final UnsafeBuffer sealedOnce = new UnsafeBuffer(new byte[CardDataCipher.SEALED_LENGTH]);
    private final CardData out = new CardData();
    private long opened;
    private long wrong;

    @Setup(Level.Trial)
    public void makeKeys() throws IOException
    {
        folder = Files.createTempDirectory("payswitch-cipher-bench");
        final SecureRandom random = new SecureRandom();
        KeyEncryptionKeys.create(folder.resolve("kek"), random);
        cipher = new CardDataCipher(DataKeyRing.openForWriting(folder.resolve("keys"),
            KeyEncryptionKeys.load(folder.resolve("kek")), System.currentTimeMillis(), random));
        cipher.seal(PAN, PAN_LENGTH, EXPIRY, sealedOnce, 0);
    }

    @Benchmark
    public int seal()
    {
        cipher.seal(PAN, PAN_LENGTH, EXPIRY, field, 0);
        return field.getByte(CardDataCipher.SEALED_LENGTH - 1);
    }

    @Benchmark
    public long open()
    {
        if (cipher.open(sealedOnce, 0, out) && out.pan == PAN)
        {
            opened++;
        }
        else
        {
            wrong++;
        }
        return out.pan;
    }

    /** Every field opened gave the card back; the last sealed field opens to it too. */
    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        final CardData last = new CardData();
        if (wrong != 0 || (field.getInt(0) != 0 && !(cipher.open(field, 0, last) && last.pan == PAN &&
            last.panLength == PAN_LENGTH && last.expiry == EXPIRY)))
        {
            throw new IllegalStateException("card data did not open to the card sealed (" + wrong + " of " +
                (opened + wrong) + " opens wrong)");
        }
    }

    @TearDown(Level.Trial)
    public void deleteKeys()
    {
        try
        {
            TempFolders.delete(folder);
        }
        catch (final UncheckedIOException e)
        {
            throw new IllegalStateException("cannot delete " + folder, e);
        }
    }
}
