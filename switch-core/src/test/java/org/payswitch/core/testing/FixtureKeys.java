package org.payswitch.core.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.crypto.KeyEncryptionKeys;

/**
 * The TEST-ONLY keys of the format tests (docs/journal.md, "Format codes"): the committed
 * key-encryption key file of the format fixture, and data keys drawn from a {@link FixedRandom}, so
 * that sealed card data is the same bytes in every run. Sealing's nonce is the data key's id and a
 * counter ({@code CardDataCipher}), not random: with a fixed data key a sealed field is fixed too.
 * These keys are public: never use them for anything but tests.
 */
public final class FixtureKeys
{
    /** The classpath folder of the version 4 format fixture. */
    public static final String FIXTURE = "/format/v4";
    /** Seed of the data key and of the nonce that wraps it. */
    public static final long SEED = 20261206;
    /** The data key's creation time written in the ring (epoch ms), fixed rather than the clock's. */
    public static final long CREATED_MILLIS = 1_796_601_600_000L;

    private FixtureKeys()
    {
    }

    /** The committed version 4 fixture folder, as a path (the test classes are a folder). */
    public static Path fixture()
    {
        final URL url = FixtureKeys.class.getResource(FIXTURE);
        if (url == null)
        {
            throw new IllegalStateException("no " + FIXTURE + " on the test classpath");
        }
        try
        {
            return Path.of(url.toURI());
        }
        catch (final URISyntaxException e)
        {
            throw new IllegalStateException(e);
        }
    }

    /** The TEST-ONLY key-encryption key file of a fixture folder. */
    public static Path keyFile(final Path fixture)
    {
        return fixture.resolve("TEST-ONLY-card-keys");
    }

    /** The card keys of {@code dataDir} under the fixture's TEST-ONLY key file. */
    public static CardKeys cardKeys(final Path fixture, final Path dataDir)
    {
        return CardKeys.of(keyFile(fixture), dataDir);
    }

    /**
     * A ring in {@code dataDir} opened for writing with a new data key drawn from
     * {@link FixedRandom}({@link #SEED}), wrapped under the committed TEST-ONLY key: the same data
     * key, hence the same sealed bytes, in every run (when the ring held no key before).
     */
    public static DataKeyRing fixedRing(final Path dataDir)
    {
        return DataKeyRing.openForWriting(CardKeys.ringFolderOf(dataDir),
            KeyEncryptionKeys.load(keyFile(fixture())), CREATED_MILLIS, new FixedRandom(SEED));
    }
}
