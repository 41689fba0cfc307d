package org.payswitch.core.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption keys (KEKs) of the card data at rest, read from a key file that lives
 * outside the data folder (docs/security.md). The file is text, one key per line:
 * <pre>
 * # comments and blank lines are ignored
 * kek 1 &lt;base64 of 32 random bytes&gt;
 * kek 2 &lt;base64 of 32 random bytes&gt;
 * </pre>
 * The last line is the active KEK: it wraps new data keys. Older lines stay so that data keys
 * wrapped under them still open; rotating the KEK is adding a line and re-wrapping the data key
 * ring ({@link DataKeyRing#rewrap}), without touching the journal. A KEK wraps a data key with
 * AES-256-GCM (random 96-bit nonce, the data key's id as associated data), so a wrapped key
 * cannot be moved to another id unnoticed.
 */
public final class KeyEncryptionKeys
{
    /** Bytes of a KEK: AES-256. */
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final Map<Integer, SecretKey> keys;
    private final int activeId;

    private KeyEncryptionKeys(final Path file, final Map<Integer, SecretKey> keys, final int activeId)
    {
        this.file = file;
        this.keys = keys;
        this.activeId = activeId;
    }

    /** The KEKs of {@code file}; a missing, unreadable or malformed file is refused with its line. */
    public static KeyEncryptionKeys load(final Path file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        }
        catch (final IOException e)
        {
            throw new KeyFileException("key file " + file + " cannot be read: " + e.getMessage(), e);
        }
        final Map<Integer, SecretKey> keys = new LinkedHashMap<>();
        int activeId = -1;
        for (int n = 0; n < lines.size(); n++)
        {
            final String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] parts = line.split("\\s+");
            final int id = parts.length == 3 && "kek".equals(parts[0]) ? parseId(parts[1]) : -1;
            final byte[] bytes = id >= 0 ? decode(parts[2]) : null;
            if (bytes == null || bytes.length != KEY_BYTES)
            {
                throw new KeyFileException("key file " + file + " line " + (n + 1) +
                    ": expected 'kek <id> <base64 of " + KEY_BYTES + " bytes>'");
            }
            if (keys.put(id, new SecretKeySpec(bytes, "AES")) != null)
            {
                throw new KeyFileException("key file " + file + " line " + (n + 1) + ": kek " + id + " given twice");
            }
            activeId = id;
        }
        if (activeId < 0)
        {
            throw new KeyFileException("key file " + file + " holds no key-encryption key");
        }
        return new KeyEncryptionKeys(file, keys, activeId);
    }

    /**
     * Writes a new key file holding one fresh KEK (id 1), readable by its owner only; refuses to
     * overwrite. For the demo start and for operators making their first key file.
     */
    public static void create(final Path file, final SecureRandom random)
    {
        append(file, 1, random, true);
    }

    /** Adds a fresh KEK to {@code file} (the next id), which becomes the active one; returns its id. */
    public static int addKey(final Path file, final SecureRandom random)
    {
        final KeyEncryptionKeys current = load(file);
        final int id = current.keys.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        append(file, id, random, false);
        return id;
    }

    /** The key file these keys came from. */
    public Path file()
    {
        return file;
    }

    /** The id of the KEK that wraps new data keys. */
    public int activeId()
    {
        return activeId;
    }

    /** Data key {@code dataKeyId}'s bytes wrapped under the active KEK: nonce, then ciphertext and tag. */
    byte[] wrap(final int dataKeyId, final byte[] dataKey, final SecureRandom random)
    {
        final byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try
        {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(dataKeyId));
            final byte[] sealed = cipher.doFinal(dataKey);
            final byte[] wrapped = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, wrapped, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
            return wrapped;
        }
        catch (final GeneralSecurityException e)
        {
            throw new KeyFileException("cannot wrap data key " + dataKeyId + ": " + e.getMessage(), e);
        }
    }

    /** The data key wrapped under KEK {@code kekId}; refused when that KEK is not in the file or does not open it. */
    byte[] unwrap(final int kekId, final int dataKeyId, final byte[] wrapped)
    {
        final SecretKey kek = keys.get(kekId);
        if (kek == null)
        {
            throw new KeyFileException("data key " + dataKeyId + " is wrapped under kek " + kekId +
                ", which key file " + file + " does not hold");
        }
        try
        {
            final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(dataKeyId));
            return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        }
        catch (final GeneralSecurityException e)
        {
            throw new KeyFileException("kek " + kekId + " of key file " + file + " does not open data key " +
                dataKeyId + " (a different key file, or a damaged key ring)", e);
        }
    }

    private static void append(final Path file, final int id, final SecureRandom random, final boolean create)
    {
        final byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        final String line = "kek " + id + " " + Base64.getEncoder().encodeToString(key) + "\n";
        try
        {
            final List<String> lines = new ArrayList<>();
            if (create)
            {
                lines.add("# payswitch key-encryption keys: the last one wraps new data keys. Keep this file");
                lines.add("# outside the data folder, readable by the switch's user only, and backed up apart.");
            }
            final StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l).append('\n'));
            text.append(line);
            if (create)
            {
                SecureFiles.createPrivateFile(file, text.toString().getBytes(StandardCharsets.US_ASCII));
            }
            else
            {
                SecureFiles.appendPrivate(file, text.toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        catch (final IOException e)
        {
            throw new KeyFileException("key file " + file + " cannot be written: " + e.getMessage(), e);
        }
    }

    private static byte[] associatedData(final int dataKeyId)
    {
        return ("payswitch-data-key:" + dataKeyId).getBytes(StandardCharsets.US_ASCII);
    }

    private static int parseId(final String text)
    {
        try
        {
            final int id = Integer.parseInt(text);
            return id > 0 ? id : -1;
        }
        catch (final NumberFormatException e)
        {
            return -1;
        }
    }

    private static byte[] decode(final String text)
    {
        try
        {
            return Base64.getDecoder().decode(text);
        }
        catch (final IllegalArgumentException e)
        {
            return null;
        }
    }
}
