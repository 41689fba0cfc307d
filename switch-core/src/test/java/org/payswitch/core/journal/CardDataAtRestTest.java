package org.payswitch.core.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.agrona.collections.Int2ObjectHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.KeyEncryptionKeys;
import org.payswitch.core.crypto.KeyFileException;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.snapshot.SnapshotStore;
import org.payswitch.core.snapshot.SnapshotWriter;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Card data unreadable at rest (PCI DSS 3.5.1), attacked: a seeded run of demo cards, operator
 * cards of every PAN length, authorizations of cards on file (with and without the expiry),
 * authorizations with another expiry (54) and of PANs not on file (14), retries, card status
 * changes and two snapshots, journaled and snapshotted as the switch does; then every journal and
 * snapshot file is searched for every PAN and expiry in every form the earlier formats held them.
 * The same commands written in the version 3 format are searched too, so the search is shown to
 * find what is there. Recovery gives the live state hash; a wrong or missing key file refuses it,
 * named; a version 3 journal still replays, and goes on in version 4.
 */
class CardDataAtRestTest
{
    private static final int DEMO_CARDS = 200;
    private static final int OPERATOR_CARDS = 60;
    private static final int AUTHORIZATIONS = 3_000;

    @TempDir
    Path root;

    private Path dataDir;
    private Path keyFile;
    private CardKeys keys;
    private JournalConfig journal;
    private SnapshotStore snapshots;
    private JournalConfig oldJournal;
    private SwitchEngine live;
    private final List<CardDefinition> operatorCards = new ArrayList<>();
    private final Set<Long> unknownPans = new LinkedHashSet<>();
    private final Set<Integer> otherExpiries = new LinkedHashSet<>();

    @BeforeEach
    void runTheSwitchOnCards()
    {
        dataDir = root.resolve("data");
        keyFile = root.resolve("keys-outside").resolve("card-keys");
        KeyEncryptionKeys.create(keyFile, new SecureRandom());
        keys = CardKeys.of(keyFile, dataDir);
        journal = JournalConfig.in(dataDir, keys);
        snapshots = new SnapshotStore(dataDir.resolve("snapshots"), keys);
        oldJournal = JournalConfig.in(root.resolve("old-data"), CardKeys.of(keyFile, root.resolve("old-data")));
        live = engine();
        run(new SplittableRandom(351));
    }

    @Test
    void shouldLeaveNoPanAndNoExpiryInTheJournalNorTheSnapshots()
    {
        final Patterns forms = new Patterns(forms());
        final List<Path> files = files(dataDir);
        assertThat(files).anyMatch(f -> f.toString().endsWith(".cq4")).anyMatch(f -> f.toString().endsWith(".bin"));

        for (final Path file : files)
        {
            assertThat(forms.foundIn(read(file))).as("PAN and expiry forms found in %s", file).isEmpty();
        }
    }

    @Test
    void shouldFindThePansAndExpiriesInTheVersion3FormatWithTheSameSearch()
    {
        final List<byte[]> cards = new ArrayList<>();
        operatorCards.forEach(card -> cards.add(ByteBuffer.allocate(13).putLong(card.pan())
            .put((byte)card.panLength()).putInt(card.expiry()).array()));
        unknownPans.forEach(pan -> cards.add(littleEndian(pan)));
        final Patterns patterns = new Patterns(cards);
        final Set<byte[]> found = new java.util.HashSet<>();
        for (final Path file : files(oldJournal.directory()))
        {
            found.addAll(patterns.foundIn(read(file)));
        }
        assertThat(found).as("operator cards and unknown PANs found in clear in a version 3 journal")
            .hasSize(OPERATOR_CARDS + unknownPans.size());
        assertThat(new Patterns(forms()).foundIn(read(files(oldJournal.directory()).stream()
            .filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow()))).isNotEmpty();
    }

    @Test
    void shouldRecoverTheLiveStateFromSnapshotAndJournalAndFromTheJournalAlone()
    {
        final SwitchEngine fromSnapshot = engine();
        final Recovery.Result result = Recovery.recover(journal, snapshots, new CommandExecutor(fromSnapshot, DemoData::load));
        final SwitchEngine fromJournal = engine();
        JournalReplayer.replay(journal, new CommandExecutor(fromJournal, DemoData::load));

        assertThat(result.snapshotId()).isEqualTo(2);
        assertThat(fromSnapshot.stateHash()).isEqualTo(live.stateHash());
        assertThat(fromJournal.stateHash()).isEqualTo(live.stateHash());
        assertThat(fromJournal.cardCount()).isEqualTo(DEMO_CARDS + OPERATOR_CARDS);
    }

    @Test
    void shouldRefuseRecoveryWithAWrongOrMissingKeyFileNamingIt()
    {
        final Path other = root.resolve("other-card-keys");
        KeyEncryptionKeys.create(other, new SecureRandom());
        assertThatThrownBy(() -> recoverWith(CardKeys.of(other, dataDir)))
            .isInstanceOf(KeyFileException.class).hasMessageContaining(other.toString());

        final Path absent = root.resolve("absent-card-keys");
        assertThatThrownBy(() -> recoverWith(CardKeys.of(absent, dataDir)))
            .isInstanceOf(KeyFileException.class).hasMessageContaining(absent.toString());

        assertThatThrownBy(() -> recoverWith(CardKeys.withoutKeyFile(dataDir)))
            .isInstanceOf(KeyFileException.class).hasMessageContaining("--card-key-file");

        final SwitchEngine engine = engine();
        assertThatThrownBy(() -> new SnapshotStore(dataDir.resolve("snapshots"), CardKeys.of(other, dataDir))
            .read(2, engine)).isInstanceOf(KeyFileException.class).hasMessageContaining(other.toString());
    }

    @Test
    void shouldReplayAVersion3JournalAndGoOnInVersion4()
    {
        final SwitchEngine fromOld = engine();
        JournalReplayer.replay(oldJournal, new CommandExecutor(fromOld, DemoData::load));
        assertThat(fromOld.stateHash()).isEqualTo(live.stateHash());

        final CommandExecutor executor = new CommandExecutor(fromOld, DemoData::load);
        final SwitchCommand command = new SwitchCommand();
        try (JournalWriter writer = new JournalWriter(oldJournal))
        {
            for (int i = 0; i < 500; i++)
            {
                authorization(command, 352, AUTHORIZATIONS + i);
                executor.execute(command);
                writer.append(command);
            }
        }
        final SwitchEngine again = engine();
        JournalReplayer.replay(oldJournal, new CommandExecutor(again, DemoData::load));
        assertThat(again.stateHash()).isEqualTo(fromOld.stateHash());
        assertThat(again.transactionCount()).isEqualTo(fromOld.transactionCount())
            .isGreaterThan(live.transactionCount() + 400);
    }

    @Test
    void shouldJournalACardOnFileWithoutAllocatingWhereSealingAllocates()
    {
        final SwitchEngine engine = engine();
        final CommandExecutor executor = new CommandExecutor(engine, DemoData::load);
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = CommandType.LOAD_DEMO_DATA;
        command.amount = DEMO_CARDS;
        command.timestamp = RandomWorkload.START;
        executor.execute(command);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        try (JournalWriter writer = new JournalWriter(JournalConfig.in(root.resolve("hot"), keys)))
        {
            onFile(command, 0);
            executor.execute(command);
            assertThat(command.cardOnFile).isNotEqualTo(SwitchCommand.NOT_ON_FILE);
            for (int i = 0; i < 20_000; i++)
            {
                writer.append(command);
            }
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 20_000; i++)
            {
                writer.append(command);
            }
            final long onFile = threads.getThreadAllocatedBytes(thread) - before;

            command.cardOnFile = SwitchCommand.NOT_ON_FILE;
            for (int i = 0; i < 2_000; i++)
            {
                writer.append(command);
            }
            final long sealedBefore = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 2_000; i++)
            {
                writer.append(command);
            }
            final long sealed = threads.getThreadAllocatedBytes(thread) - sealedBefore;

            assertThat(onFile).as("bytes allocated by 20 000 appends of a card on file").isLessThan(20_000);
            assertThat(sealed).as("bytes allocated by 2 000 appends sealing the PAN (the cipher's)")
                .isGreaterThan(2_000L * 100);
        }
    }

    private void recoverWith(final CardKeys other)
    {
        Recovery.recover(JournalConfig.in(dataDir, other), new SnapshotStore(dataDir.resolve("snapshots"), other),
            new CommandExecutor(engine(), DemoData::load));
    }

    /** The demo data, the operator cards, the authorizations and two snapshots, journaled in version 4 and in version 3. */
    private void run(final SplittableRandom random)
    {
        final SwitchCommand command = new SwitchCommand();
        try (SnapshotWriter background = SnapshotWriter.background(snapshots);
            JournalWriter writer = new JournalWriter(journal);
            Version3Records old = new Version3Records(oldJournal))
        {
            final CommandExecutor executor = new CommandExecutor(live, DemoData::load, background::take);
            command.reset();
            command.type = CommandType.LOAD_DEMO_DATA;
            command.amount = DEMO_CARDS;
            command.timestamp = RandomWorkload.START;
            apply(executor, writer, old, command);
            for (int i = 0; i < OPERATOR_CARDS; i++)
            {
                final int length = 12 + i % 8;
                final CardDefinition card = new CardDefinition(luhnValid(random, length), length,
                    (27 + random.nextInt(13)) * 100 + 1 + random.nextInt(12), CardStatus.ACTIVE, DemoData.CNY,
                    DemoData.CREDIT_LIMIT, Money.NO_LIMIT, Money.NO_LIMIT);
                operatorCards.add(card);
                command.reset();
                command.type = CommandType.UPSERT_CARD;
                command.timestamp = RandomWorkload.START + i;
                command.cardDefinition = card;
                apply(executor, writer, old, command);
                assertThat(command.responseCode).as(String.valueOf(command.error)).isEqualTo(ResponseCode.APPROVED);
            }
            for (int i = 0; i < AUTHORIZATIONS; i++)
            {
                if (i == AUTHORIZATIONS / 3 || i == AUTHORIZATIONS - 1)
                {
                    command.reset();
                    command.type = CommandType.TAKE_SNAPSHOT;
                    command.timestamp = live.eventTime();
                    command.amount = i == AUTHORIZATIONS - 1 ? 2 : 1;
                    apply(executor, writer, old, command);
                }
                if (i % 500 == 250)
                {
                    final CardDefinition card = operatorCards.get(random.nextInt(OPERATOR_CARDS));
                    command.reset();
                    command.type = CommandType.SET_CARD_STATUS;
                    command.timestamp = live.eventTime();
                    command.pan = card.pan();
                    command.panLength = card.panLength();
                    command.cardStatus = i % 1000 == 250 ? CardStatus.BLOCKED : CardStatus.ACTIVE;
                    apply(executor, writer, old, command);
                }
                authorization(command, 351, i);
                apply(executor, writer, old, command);
            }
        }
        assertThat(snapshots.ids()).containsExactly(2L, 1L);
    }

    private static void apply(final CommandExecutor executor, final JournalWriter writer, final Version3Records old,
        final SwitchCommand command)
    {
        executor.execute(command);
        writer.append(command);
        old.append(command, true);
    }

    /**
     * Authorization {@code i} of the run seeded {@code seed}, drawn from its own seeded random so
     * that a retry draws an earlier one again: a card on file (demo or operator's) with its expiry
     * or none, another expiry, a PAN not on file, or a retry.
     */
    private void authorization(final SwitchCommand command, final long seed, final int i)
    {
        final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        final int kind = random.nextInt(100);
        if (kind < 5 && i > 0)
        {
            authorization(command, seed, random.nextInt(i));
            return;
        }
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = RandomWorkload.START + 100_000 + i * 7L;
        command.merchantId.set(DemoData.merchantId(random.nextInt(DemoData.MERCHANTS)));
        command.orderId.set("CARD-" + i);
        command.amount = 10_000 + random.nextInt(490_000);
        command.currency = DemoData.CNY;
        command.capture = random.nextInt(10) == 0;
        if (kind < 50)
        {
            command.pan = DemoData.pan(random.nextInt(DEMO_CARDS));
            command.panLength = 16;
            command.expiry = random.nextBoolean() ? DemoData.EXPIRY : SwitchCommand.NO_EXPIRY;
        }
        else if (kind < 85)
        {
            final CardDefinition card = operatorCards.get(random.nextInt(OPERATOR_CARDS));
            command.pan = card.pan();
            command.panLength = card.panLength();
            command.expiry = kind < 78 ? card.expiry() : otherExpiry(card.expiry());
        }
        else
        {
            command.panLength = 12 + random.nextInt(8);
            command.pan = luhnValid(random, command.panLength);
            command.expiry = 3101;
            unknownPans.add(command.pan);
        }
    }

    private int otherExpiry(final int expiry)
    {
        final int other = expiry % 100 == 12 ? expiry - 11 : expiry + 1;
        otherExpiries.add(other);
        return other;
    }

    private void onFile(final SwitchCommand command, final int i)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = RandomWorkload.START + 1;
        command.merchantId.set(DemoData.merchantId(i));
        command.orderId.set("HOT-" + i);
        command.amount = 10_000;
        command.currency = DemoData.CNY;
        command.pan = DemoData.pan(i);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
    }

    /**
     * Every PAN as ASCII digits, as a little- and big-endian {@code long} (version 3 records and
     * payloads, the card book's and transactions' columns in snapshots), in packed BCD padded left
     * and right (ISO 8583 DE 2); every expiry in the forms it took beside its neighbours: the
     * version 3 record (expiry, currency), the card definition payload (PAN, length, expiry), the
     * card book's packed word in snapshots, and the sealed field's own plaintext.
     */
    private List<byte[]> forms()
    {
        final List<byte[]> forms = new ArrayList<>();
        final List<long[]> cards = new ArrayList<>();
        for (int i = 0; i < DEMO_CARDS; i++)
        {
            cards.add(new long[] {DemoData.pan(i), 16, DemoData.EXPIRY});
        }
        operatorCards.forEach(c -> cards.add(new long[] {c.pan(), c.panLength(), c.expiry()}));
        unknownPans.forEach(p -> cards.add(new long[] {p, digits(p), 3101}));
        final Set<Integer> expiries = new LinkedHashSet<>(otherExpiries);
        for (final long[] card : cards)
        {
            final long pan = card[0];
            final int length = (int)card[1];
            final int expiry = (int)card[2];
            expiries.add(expiry);
            forms.add(Pan.toDigits(pan, length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            forms.add(littleEndian(pan));
            forms.add(ByteBuffer.allocate(8).putLong(pan).array());
            forms.add(bcd("0".repeat(length % 2) + Pan.toDigits(pan, length)));
            forms.add(bcd(Pan.toDigits(pan, length) + "0".repeat(length % 2)));
            forms.add(ByteBuffer.allocate(13).putLong(pan).put((byte)length).putInt(expiry).array());
            forms.add(ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN).putLong(pan).put((byte)length)
                .putInt(expiry).array());
            forms.add(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(
                (length & 0xFFL) | (expiry & 0xFFFFL) << 8 | (long)CardStatus.ACTIVE.code() << 24 |
                (DemoData.CNY & 0xFFFFL) << 32).array());
        }
        for (final int expiry : expiries)
        {
            forms.add(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(expiry).putInt(DemoData.CNY).array());
        }
        return forms;
    }

    private static byte[] littleEndian(final long value)
    {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static byte[] bcd(final String digits)
    {
        final byte[] packed = new byte[digits.length() / 2];
        for (int i = 0; i < packed.length; i++)
        {
            packed[i] = (byte)((digits.charAt(2 * i) - '0') << 4 | (digits.charAt(2 * i + 1) - '0'));
        }
        return packed;
    }

    private static int digits(final long pan)
    {
        return Long.toUnsignedString(pan).length();
    }

    private static long luhnValid(final SplittableRandom random, final int length)
    {
        final long low = pow10(length - 2);
        final long payload = low + random.nextLong(low * 8);
        return payload * 10 + Pan.luhnCheckDigit(payload, length - 1);
    }

    private static long pow10(final int n)
    {
        long value = 1;
        for (int i = 0; i < n; i++)
        {
            value *= 10;
        }
        return value;
    }

    private static SwitchEngine engine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(1_000, 8_192));
    }

    private static List<Path> files(final Path folder)
    {
        try (Stream<Path> paths = Files.walk(folder))
        {
            return paths.filter(Files::isRegularFile).toList();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(final Path file)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer bytes = ByteBuffer.allocate((int)channel.size());
            while (bytes.hasRemaining() && channel.read(bytes) >= 0)
            {
                continue;
            }
            return bytes.array();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Byte strings of at least 4 bytes, found in a file by their first 4 bytes (an Agrona map from
     * that prefix to the strings that start with it): one map probe per position of the file.
     */
    private static final class Patterns
    {
        private final Int2ObjectHashMap<List<byte[]>> byPrefix = new Int2ObjectHashMap<>();

        Patterns(final List<byte[]> patterns)
        {
            for (final byte[] pattern : patterns)
            {
                byPrefix.computeIfAbsent(prefix(pattern, 0), k -> new ArrayList<>()).add(pattern);
            }
        }

        /** The patterns that occur in {@code bytes}, each once. */
        Set<byte[]> foundIn(final byte[] bytes)
        {
            final Set<byte[]> found = new LinkedHashSet<>();
            for (int i = 0; i + 4 <= bytes.length; i++)
            {
                final List<byte[]> candidates = byPrefix.get(prefix(bytes, i));
                if (candidates != null)
                {
                    for (final byte[] candidate : candidates)
                    {
                        if (i + candidate.length <= bytes.length &&
                            java.util.Arrays.equals(bytes, i, i + candidate.length, candidate, 0, candidate.length))
                        {
                            found.add(candidate);
                        }
                    }
                }
            }
            return found;
        }

        private static int prefix(final byte[] bytes, final int at)
        {
            return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16 | bytes[at + 3] << 24;
        }
    }
}
