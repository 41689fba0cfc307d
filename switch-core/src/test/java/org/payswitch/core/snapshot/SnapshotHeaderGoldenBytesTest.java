package org.payswitch.core.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CardDefinition;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.testing.CommandArguments;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.EngineFixture;
import org.payswitch.core.testing.FixtureKeys;
import org.payswitch.core.testing.GoldenHex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A version 4 snapshot of a small fixed state, written under the TEST-ONLY keys of
 * {@link FixtureKeys} (a fixed data key; the stream's nonces are the ring's counter, so the sealed
 * body is fixed too), and its header compared byte for byte with the one pinned here: magic,
 * version, id, the length and CRC-32C of the rest of the file as on disk, then the plain body's
 * length and CRC-32C. The on-disk CRC covers every byte after the header, so pinning the header
 * pins the whole file; the body's layout is each book's {@code writeSnapshot}, with the codes of
 * docs/journal.md's "Format codes".
 */
class SnapshotHeaderGoldenBytesTest
{
    private static final int HEADER_AND_PLAIN_FIELDS = 8 + 4 + 8 + 8 + 8 + 8 + 8;

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldWriteTheHeaderOfAVersion4SnapshotAsPinned() throws IOException
    {
        final SwitchEngine engine = smallState();
        final SnapshotStore store = new SnapshotStore(dataDir.resolve("snapshots"),
            FixtureKeys.cardKeys(FixtureKeys.fixture(), dataDir), FixtureKeys.fixedRing(dataDir));

        final byte[] file = Files.readAllBytes(store.write(engine, 7));

        final byte[] header = Arrays.copyOf(file, HEADER_AND_PLAIN_FIELDS);
        assertThat(header).as("snapshot header of %d bytes, as pinned:%n%s", file.length, annotated(header))
            .isEqualTo(GoldenHex.parse("""
                31 50 41 4e 53 57 53 50  # magic
                04 00 00 00  # version
                07 00 00 00 00 00 00 00  # snapshot id
                c5 01 00 00 00 00 00 00  # length of the rest, on disk
                f8 07 7e 22 00 00 00 00  # CRC-32C of magic, version and the rest, on disk
                94 01 00 00 00 00 00 00  # plain body's length
                17 cf 2c 9a 00 00 00 00  # plain body's CRC-32C
                """));
        final SwitchEngine restored = new SwitchEngine(EngineConfig.defaults().withExpected(16, 16));
        store.read(7, restored);
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
    }

    /** Two merchants, two cards (one stolen), one approved and one declined authorization. */
    private static SwitchEngine smallState()
    {
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(16, 16));
        final SwitchCommand command = new SwitchCommand();
        operator(engine, command, CommandType.UPSERT_MERCHANT,
            new MerchantDefinition("M00000000000001", "One", 5411, true));
        operator(engine, command, CommandType.UPSERT_MERCHANT,
            new MerchantDefinition("M00000000000002", "Two", 5812, false));
        operator(engine, command, CommandType.UPSERT_CARD,
            new CardDefinition(6_222_600_000_000_048L, 16, 3012, CardStatus.ACTIVE, 156, 5_000_000, 100_000, 200_000));
        operator(engine, command, CommandType.UPSERT_CARD,
            new CardDefinition(4_367_420_000_000_017L, 16, 2911, CardStatus.STOLEN, 156, 1_000_000, 100_000, 200_000));
        authorize(engine, command, "ORDER-1", 6_222_600_000_000_048L, 12_345);
        assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
        authorize(engine, command, "ORDER-2", 4_367_420_000_000_017L, 500);
        assertThat(command.responseCode).isEqualTo(ResponseCode.STOLEN_CARD);
        return engine;
    }

    private static void operator(final SwitchEngine engine, final SwitchCommand command, final CommandType type,
        final Object payload)
    {
        command.reset();
        command.type = type;
        command.timestamp = EngineFixture.SINGLES_DAY;
        CommandArguments.set(command, payload);
        engine.execute(command);
        assertThat(command.responseCode).as("%s %s", type, command.error).isEqualTo(ResponseCode.APPROVED);
    }

    private static void authorize(final SwitchEngine engine, final SwitchCommand command, final String orderId,
        final long pan, final long amount)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = EngineFixture.SINGLES_DAY + 60_000;
        command.merchantId.set("M00000000000001");
        command.orderId.set(orderId);
        command.pan = pan;
        command.panLength = 16;
        command.amount = amount;
        command.currency = 156;
        engine.execute(command);
    }

    private static String annotated(final byte[] header)
    {
        return GoldenHex.line(header, 0, 8, "magic") + GoldenHex.line(header, 8, 12, "version") +
            GoldenHex.line(header, 12, 20, "snapshot id") +
            GoldenHex.line(header, 20, 28, "length of the rest, on disk") +
            GoldenHex.line(header, 28, 36, "CRC-32C of magic, version and the rest, on disk") +
            GoldenHex.line(header, 36, 44, "plain body's length") + GoldenHex.line(header, 44, 52, "plain body's CRC-32C");
    }
}
