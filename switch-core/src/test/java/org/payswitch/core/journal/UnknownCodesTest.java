package org.payswitch.core.journal;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.CardStatus;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.testing.CommandArguments;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.EngineFixture;
import org.payswitch.core.testing.FixtureKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A record holding a code no constant of this build has (docs/journal.md, "Format codes"), its
 * checksum right (as a record of a build with other codes would be), is refused by the readers'
 * check like a damaged record, naming the code; replay stops on it with the queue file and index.
 */
class UnknownCodesTest
{
    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private JournalCards cards;
    private final SwitchCommand command = new SwitchCommand();
    private final ByteBuffer direct = ByteBuffer.allocateDirect(JournalWriter.MAX_RECORD + RecordChecksum.LENGTH);
    private final UnsafeBuffer record = new UnsafeBuffer(direct);
    private int length;

    @BeforeEach
    void sealUnderTheFixedDataKey()
    {
        cards = JournalCards.forWriting(FixtureKeys.fixedRing(dataDir));
    }

    @Test
    void shouldRefuseACommandTypeCodeNoTypeHas()
    {
        encode(CommandType.EXPIRE_HOLDS, null);
        rewrite(JournalRecord.TYPE_OFFSET, 99);

        assertThat(problem()).isEqualTo("has command type code 99, which no command type of this switch has");
    }

    @Test
    void shouldRefuseAResponseCodeNoCodeHas()
    {
        encode(CommandType.EXPIRE_HOLDS, null);
        rewrite(JournalRecord.RESPONSE_CODE_OFFSET, 17);

        assertThat(problem()).isEqualTo("has response code 17, which no response code of this switch has");
    }

    @Test
    void shouldRefuseACardStatusCodeNoStatusHas()
    {
        command.pan = DemoData.pan(3);
        command.panLength = 16;
        encode(CommandType.SET_CARD_STATUS, CardStatus.LOST);
        rewrite(length - RecordChecksum.LENGTH - 1, 4);

        assertThat(problem()).isEqualTo(
            "has card status code 4 in its payload, which no card status of this switch has");
    }

    @Test
    void shouldRefuseACampaignWhoseOnReversalCodeNoValueHas()
    {
        encode(CommandType.CREATE_CAMPAIGN, DemoData.campaigns().get(0));
        assertThat(problem()).isNull();
        rewrite(length - RecordChecksum.LENGTH - 1, 2);

        assertThat(problem()).isEqualTo("holds a campaign whose on-reversal code no value of this switch has");
    }

    @Test
    void shouldStopReplayAtTheRecordNamingTheQueueFileAndTheCode()
    {
        final JournalConfig journal = JournalConfig.in(dataDir, FixtureKeys.cardKeys(FixtureKeys.fixture(), dataDir));
        encode(CommandType.EXPIRE_HOLDS, null);
        rewrite(JournalRecord.TYPE_OFFSET, 42);
        try (SingleChronicleQueue queue = ChronicleQueues.openForWriting(journal))
        {
            final ExcerptAppender appender = queue.createAppender();
            try (DocumentContext document = appender.writingDocument())
            {
                document.wire().bytes().write(BytesStore.wrap(direct), 0L, (long)length);
            }
        }

        assertThatThrownBy(() -> JournalReplayer.replay(journal,
            new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16)))))
            .isInstanceOf(JournalCorruptException.class)
            .hasMessageContaining("has command type code 42").hasMessageContaining(".cq4");
    }

    private void encode(final CommandType type, final Object payload)
    {
        command.type = type;
        command.timestamp = EngineFixture.SINGLES_DAY;
        CommandArguments.set(command, payload);
        command.responseCode = ResponseCode.APPROVED;
        final byte[] bytes = payload == null ? new byte[0] : PayloadCodec.encode(command, cards);
        length = new RecordChecksum(0).seal(direct, record,
            JournalRecord.encode(command, record, 0, bytes, bytes.length, cards));
    }

    /** Puts {@code value} at {@code index} and writes the checksum again: a record whose bytes are whole. */
    private void rewrite(final int index, final int value)
    {
        record.putByte(index, (byte)value);
        length = new RecordChecksum(0).seal(direct, record, length - RecordChecksum.LENGTH);
    }

    private String problem()
    {
        return JournalRecord.problem(new RecordChecksum(JournalWriter.MAX_RECORD), record, length);
    }
}
