package org.payswitch.core.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret the members of one cluster share, from which every key that seals card data in the
 * cluster's log and snapshots is derived: the log and the snapshots are replicated to every
 * member, so their card data must open on every member, and Aeron writes them to disk, so it must
 * not be in clear there.
 * <p>Each sealer (one run of one member's forwarder, one snapshot) draws a random 64-bit salt
 * and seals under the key HMAC-SHA256(secret, label, salt); the salt travels beside what it sealed,
 * so a reader derives the same key. A key is therefore used by one sealer only, whose counter
 * never repeats a nonce under it ({@link CardDataCipher}, {@link SealedStream}).
 * <p>The secret is {@value #BYTES} random bytes in a file of mode 0600 ({@link #openOrCreate}):
 * the first member to start on a machine creates it, the others read it; members on other
 * machines need a copy of it (docs/operations.md, "Running a cluster").
 */
public final class ClusterSecret
{
    /** Bytes of the secret. */
    public static final int BYTES = 32;
    /** What the keys of the cluster's log seal: the card data of each forwarded command. */
    public static final String LOG = "log";
    /** What the keys of the cluster's snapshots seal: the engine's state. */
    public static final String SNAPSHOT = "snapshot";
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec secret;

    private ClusterSecret(final byte[] secret)
    {
        this.secret = new SecretKeySpec(secret, HMAC);
    }

    /** The secret in {@code file}, created with fresh random bytes when there is none yet. */
    public static ClusterSecret openOrCreate(final Path file, final SecureRandom random)
    {
        try
        {
            if (!Files.exists(file))
            {
                final byte[] fresh = new byte[BYTES];
                random.nextBytes(fresh);
                final Path parent = file.toAbsolutePath().getParent();
                if (parent != null)
                {
                    SecureFiles.createPrivateFolder(parent);
                }
                createOnce(file, fresh, random);
            }
            final byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != BYTES)
            {
                throw new KeyFileException("cluster secret " + file + ": " + BYTES + " bytes expected, found " +
                    bytes.length + " (a file being written by another member, or not a cluster secret)");
            }
            return new ClusterSecret(bytes);
        }
        catch (final IOException e)
        {
            throw new KeyFileException("cluster secret " + file + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code bytes} as {@code file} unless another member got there first: written whole to a
     * file of its own, then linked in under the name, which fails if the name exists (a rename
     * would replace it, and two members would then hold two secrets).
     */
    private static void createOnce(final Path file, final byte[] bytes, final SecureRandom random) throws IOException
    {
        final Path own = file.resolveSibling(file.getFileName() + "." + Long.toHexString(random.nextLong()) + ".new");
        SecureFiles.replacePrivate(own, bytes);
        try
        {
            Files.createLink(file, own);
        }
        catch (final FileAlreadyExistsException e)
        {
            // another member created it first: everyone reads that one
        }
        finally
        {
            Files.deleteIfExists(own);
        }
    }

    /** The secret itself, for tests that build a cluster in memory. */
    public static ClusterSecret of(final byte[] secret)
    {
        if (secret.length != BYTES)
        {
            throw new IllegalArgumentException("a cluster secret has " + BYTES + " bytes");
        }
        return new ClusterSecret(secret.clone());
    }

    /** The AES-256 key of the sealer that drew {@code salt} for {@code label} ("log", "snapshot"). */
    public SecretKey keyFor(final String label, final long salt)
    {
        try
        {
            final Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            mac.update(label.getBytes(StandardCharsets.US_ASCII));
            mac.update(ByteBuffer.allocate(Long.BYTES).putLong(salt).array());
            final byte[] key = mac.doFinal();
            final SecretKey derived = new SecretKeySpec(key, "AES");
            Arrays.fill(key, (byte)0);
            return derived;
        }
        catch (final GeneralSecurityException e)
        {
            throw new KeyFileException("the JDK offers no " + HMAC + ": " + e.getMessage(), e);
        }
    }

    /**
     * A one-key ring for the sealer that drew {@code salt}: its key id is the salt's low 31 bits
     * (never 0), written into each sealed field; the key itself comes from the whole salt.
     */
    public DataKeyRing ringFor(final String label, final long salt)
    {
        final int id = (int)(salt & Integer.MAX_VALUE) | 1;
        return DataKeyRing.ofOne(id, keyFor(label, salt));
    }
}
