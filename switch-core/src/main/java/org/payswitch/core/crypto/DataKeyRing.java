package org.payswitch.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys (DEKs) that encrypt card data in the journal and snapshots, kept in the data
 * folder wrapped under the key-encryption keys ({@link KeyEncryptionKeys}); in clear only in
 * memory. A text file, one line per data key:
 * <pre>
 * dek &lt;id&gt; &lt;kek id&gt; &lt;created, epoch ms&gt; &lt;base64 of the wrapped key&gt;
 * </pre>
 * The switch makes a new data key each time it opens the ring for writing (each start), and
 * writes it durably to the file before the first record it encrypts, so every record names a
 * data key that is on disk. A data key is therefore used by one process only, which is what lets
 * {@link CardDataCipher} count its nonces from zero without ever repeating one. Old data keys
 * stay: records and snapshots made under them keep opening (rotation without rewriting history).
 * Rotating the KEK re-wraps every data key under the new one ({@link #rewrap}); the journal is
 * not touched.
 */
public final class DataKeyRing
{
    /** Bytes of a data key: AES-256. */
    public static final int KEY_BYTES = 32;
    /** The ring's file name inside its folder. */
    public static final String FILE_NAME = "data-keys";
    /** No data key: returned by {@link #activeId} of a ring opened for reading. */
    public static final int NO_KEY = 0;
    /** First nonce counter of sealed streams: above every counter a {@link CardDataCipher} can reach. */
    static final long STREAM_NONCES_FROM = 1L << 62;

    private final Path file;
    private final Map<Integer, Entry> entries;
    private final int activeId;
    /** Nonce counters of sealed streams (snapshots), apart from the journal's {@link CardDataCipher} counter. */
    private final AtomicLong streamNonces = new AtomicLong(STREAM_NONCES_FROM);

    private record Entry(int kekId, long createdMillis, byte[] wrapped, SecretKey key)
    {
    }

    private DataKeyRing(final Path file, final Map<Integer, Entry> entries, final int activeId)
    {
        this.file = file;
        this.entries = entries;
        this.activeId = activeId;
    }

    /**
     * The ring in {@code folder}, with a new data key made, wrapped under the active KEK and
     * written to the file (for the switch, which encrypts). Every existing data key must open
     * with {@code keks}, or the start is refused.
     */
    public static DataKeyRing openForWriting(
        final Path folder, final KeyEncryptionKeys keks, final long nowMillis, final SecureRandom random)
    {
        final Path file = folder.resolve(FILE_NAME);
        final TreeMap<Integer, Entry> entries = read(file, keks);
        final int id = entries.isEmpty() ? 1 : entries.lastKey() + 1;
        final byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        entries.put(id, new Entry(keks.activeId(), nowMillis, keks.wrap(id, key, random), new SecretKeySpec(key, "AES")));
        write(file, entries);
        return new DataKeyRing(file, entries, id);
    }

    /** The ring in {@code folder} as it is, for readers (the tools, recovery checks); makes no key. */
    public static DataKeyRing openForReading(final Path folder, final KeyEncryptionKeys keks)
    {
        final Path file = folder.resolve(FILE_NAME);
        return new DataKeyRing(file, read(file, keks), NO_KEY);
    }

    /**
     * A ring of one data key held only in memory, active for sealing: the cluster's keys, each
     * derived for one sealer ({@link ClusterSecret}), never written to a file.
     */
    public static DataKeyRing ofOne(final int id, final SecretKey key)
    {
        if (id == NO_KEY)
        {
            throw new IllegalArgumentException("data key id " + NO_KEY + " means no key");
        }
        final TreeMap<Integer, Entry> entries = new TreeMap<>();
        entries.put(id, new Entry(0, 0, new byte[0], key));
        return new DataKeyRing(null, entries, id);
    }

    /** Re-wraps every data key under {@code newKeks}' active KEK and rewrites the file; the keys stay the same. */
    public static int rewrap(final Path folder, final KeyEncryptionKeys oldKeks, final KeyEncryptionKeys newKeks,
        final SecureRandom random)
    {
        final Path file = folder.resolve(FILE_NAME);
        final Map<Integer, Entry> entries = read(file, oldKeks);
        final Map<Integer, Entry> rewrapped = new TreeMap<>();
        entries.forEach((id, e) -> rewrapped.put(id, new Entry(newKeks.activeId(), e.createdMillis,
            newKeks.wrap(id, e.key.getEncoded(), random), e.key)));
        write(file, rewrapped);
        return rewrapped.size();
    }

    /** The data key new records are encrypted with, or {@link #NO_KEY} for a reader. */
    public int activeId()
    {
        return activeId;
    }

    /** Data key {@code id}, or null when the ring has none of that id. */
    public SecretKey key(final int id)
    {
        final Entry entry = entries.get(id);
        return entry == null ? null : entry.key;
    }

    /** The next nonce counter for a chunk of a sealed stream under the active key; thread-safe. */
    long nextStreamNonce()
    {
        return streamNonces.getAndIncrement();
    }

    /** How many data keys the ring holds. */
    public int size()
    {
        return entries.size();
    }

    /** The ring's file. */
    public Path file()
    {
        return file;
    }

    private static TreeMap<Integer, Entry> read(final Path file, final KeyEncryptionKeys keks)
    {
        final TreeMap<Integer, Entry> entries = new TreeMap<>();
        if (!Files.exists(file))
        {
            return entries;
        }
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException e)
        {
            throw new KeyFileException("data key ring " + file + " cannot be read: " + e.getMessage(), e);
        }
        for (int n = 0; n < lines.size(); n++)
        {
            final String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] parts = line.split("\\s+");
            if (parts.length != 5 || !"dek".equals(parts[0]))
            {
                throw new KeyFileException("data key ring " + file + " line " + (n + 1) +
                    ": expected 'dek <id> <kek id> <created ms> <base64 wrapped key>'");
            }
            try
            {
                final int id = Integer.parseInt(parts[1]);
                final int kekId = Integer.parseInt(parts[2]);
                final long created = Long.parseLong(parts[3]);
                final byte[] wrapped = Base64.getDecoder().decode(parts[4]);
                final byte[] key = keks.unwrap(kekId, id, wrapped);
                if (id <= 0 || key.length != KEY_BYTES || entries.containsKey(id))
                {
                    throw new KeyFileException("data key ring " + file + " line " + (n + 1) + ": bad or repeated data key " + id);
                }
                entries.put(id, new Entry(kekId, created, wrapped, new SecretKeySpec(key, "AES")));
            }
            catch (final IllegalArgumentException e)
            {
                throw new KeyFileException("data key ring " + file + " line " + (n + 1) + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static void write(final Path file, final Map<Integer, Entry> entries)
    {
        final StringBuilder text = new StringBuilder(
            "# payswitch data keys, wrapped under the key-encryption keys of the key file; do not edit\n");
        entries.forEach((id, e) -> text.append("dek ").append(id).append(' ').append(e.kekId).append(' ')
            .append(e.createdMillis).append(' ').append(Base64.getEncoder().encodeToString(e.wrapped)).append('\n'));
        try
        {
            SecureFiles.replacePrivate(file, text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        catch (final IOException e)
        {
            throw new KeyFileException("data key ring " + file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
