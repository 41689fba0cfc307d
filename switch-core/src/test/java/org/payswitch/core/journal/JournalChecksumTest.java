package org.payswitch.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.JournalDamage;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Per-record CRC-32C (journal format version 3): any byte of a record changed on disk, checksum
 * included, is refused by every reader with a message naming the queue file and the record's
 * index; version 2 records (no checksum) are still read; a version 4 record passed off as version
 * 2 is refused by its length.
 */
class JournalChecksumTest
{
    private static final int AUTHORIZATIONS = 1_000;
    private static final int DAMAGED = 500;

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private JournalConfig config;
    private final List<Long> indexes = new ArrayList<>();

    @BeforeEach
    void journalDemoDataAndAuthorizations()
    {
        config = JournalConfig.in(dataDir);
        final CommandExecutor executor = new CommandExecutor(
            new SwitchEngine(EngineConfig.defaults().withExpected(100, AUTHORIZATIONS)), DemoData::load);
        final SwitchCommand command = new SwitchCommand();
        try (JournalWriter writer = new JournalWriter(config))
        {
            command.reset();
            command.type = CommandType.LOAD_DEMO_DATA;
            command.amount = 100;
            command.timestamp = RandomWorkload.START;
            executor.execute(command);
            writer.append(command);
            for (int i = 0; i < AUTHORIZATIONS; i++)
            {
                authorization(command, i);
                executor.execute(command);
                assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
                writer.append(command);
            }
        }
        JournalReader.readAll(config, (buffer, offset, length, index) -> indexes.add(index));
    }

    @Test
    void shouldRefuseEveryChangedByteOfARecordNamingItsFileAndIndex()
    {
        final Path file = JournalDamage.queueFile(config.directory());
        final long start = JournalDamage.find(file, orderId(DAMAGED)) - JournalRecord.ORDER_ID_OFFSET;
        final int length = JournalRecord.FIXED_LENGTH + JournalRecord.CHECKSUM_LENGTH;
        final String index = Long.toHexString(indexes.get(1 + DAMAGED));
        final SplittableRandom random = new SplittableRandom(10);
        for (int at = 0; at < length; at++)
        {
            final long position = start + at;
            final int mask = 1 + random.nextInt(255);
            JournalDamage.flip(file, position, mask);

            final long[] read = new long[1];
            assertThatThrownBy(() -> JournalReader.readAll(config, (buffer, offset, l, i) -> read[0]++))
                .as("byte %d of the record xor %d", position - start, mask)
                .isInstanceOf(JournalCorruptException.class)
                .hasMessageContaining("journal record " + index + " in " + file)
                .hasNoCause();
            assertThat(read[0]).isEqualTo(1 + DAMAGED);
            JournalDamage.flip(file, position, mask);
        }
        assertThat(JournalReader.readAll(config, (buffer, offset, l, i) -> { })).isEqualTo(1 + AUTHORIZATIONS);
    }

    @Test
    void shouldStopRecoveryAtADamagedRecord()
    {
        final Path file = JournalDamage.queueFile(config.directory());
        JournalDamage.flip(file, JournalDamage.find(file, orderId(DAMAGED)), 0x01);

        assertThatThrownBy(() -> JournalReplayer.replay(config,
            new CommandExecutor(
            new SwitchEngine(EngineConfig.defaults().withExpected(100, AUTHORIZATIONS)), DemoData::load)))
            .isInstanceOf(JournalCorruptException.class)
            .hasMessageContaining("fails its CRC-32C checksum");
        assertThatThrownBy(() -> JournalReader.findBackwards(config, (buffer, offset, l, i) -> false))
            .isInstanceOf(JournalCorruptException.class)
            .hasMessageContaining(Long.toHexString(indexes.get(1 + DAMAGED)));
    }

    @Test
    void shouldReadAVersion2RecordAndRefuseAVersion4RecordPassedOffAsOne()
    {
        final SwitchCommand command = authorization(new SwitchCommand(), AUTHORIZATIONS);
        command.responseCode = ResponseCode.APPROVED;
        try (Version3Records old = new Version3Records(config))
        {
            old.append(command, false);
        }

        final List<String> orderIds = new ArrayList<>();
        final List<Long> pans = new ArrayList<>();
        final SwitchCommand read = new SwitchCommand();
        JournalReader.readAll(config, (buffer, offset, l, i) ->
        {
            JournalRecord.decodeRequest(buffer, offset, read, JournalCards.forReading(config.cardKeys()));
            orderIds.add(read.orderId.toString());
            pans.add(read.pan);
        });
        assertThat(orderIds).hasSize(2 + AUTHORIZATIONS).last().isEqualTo(orderId(AUTHORIZATIONS));
        assertThat(pans).last().isEqualTo(command.pan);

        final Path file = JournalDamage.queueFile(config.directory());
        final long start = JournalDamage.find(file, orderId(DAMAGED)) - JournalRecord.ORDER_ID_OFFSET;
        JournalDamage.flip(file, start + JournalRecord.VERSION_OFFSET,
            JournalRecord.VERSION ^ JournalRecord.VERSION_WITHOUT_CHECKSUM);
        assertThatThrownBy(() -> JournalReader.readAll(config, (buffer, offset, l, i) -> { }))
            .isInstanceOf(JournalCorruptException.class)
            .hasMessageContaining("bytes long but says its payload is 0 bytes");
    }

    @Test
    void shouldWriteTheJournalOwnerOnly() throws Exception
    {
        assertThat(Files.getPosixFilePermissions(config.directory())).containsExactlyInAnyOrderElementsOf(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try (var files = Files.list(config.directory()))
        {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.toString()).isEqualTo("rw-------"));
        }
    }

    private static String orderId(final int i)
    {
        return "CHK-" + String.format("%06d", i);
    }

    private static SwitchCommand authorization(final SwitchCommand command, final int i)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = RandomWorkload.START + i;
        command.merchantId.set(DemoData.merchantId(i % 100));
        command.orderId.set(orderId(i));
        command.pan = DemoData.pan(i % 100);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = 10_000 + i;
        command.currency = DemoData.CNY;
        return command;
    }
}
