package org.payswitch.core.journal;

import java.nio.file.Path;
import java.util.function.Consumer;

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
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recovery applies journaled authorizations from their recorded decision; a decision that does
 * not fit the state being rebuilt must stop recovery, never be applied half or differently.
 */
class JournalReplayerTest
{
    private static final int AUTHORIZATIONS = 100;

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldApplyRecordedDecisionsInBatchesToTheSameState()
    {
        final SwitchEngine live = journal(last -> { });

        final SwitchEngine recovered = newEngine();
        final long replayed = JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(recovered, DemoData::load));

        assertThat(replayed).isEqualTo(1 + AUTHORIZATIONS + 1);
        assertThat(recovered.transactionCount()).isEqualTo(live.transactionCount()).isEqualTo(AUTHORIZATIONS);
        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
    }

    @Test
    void shouldStopAtATransactionIdOutOfSequence()
    {
        journal(last -> last.transaction.transactionId += 5);

        assertThatThrownBy(() -> JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(newEngine(), DemoData::load)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not fit the recovered state");
    }

    @Test
    void shouldStopAtARetryAnswerNamingATransactionOfAnotherKey()
    {
        journal(last -> { }, retry ->
        {
            assertThat(retry.transaction.transactionId).as("the retry's answer names the first transaction").isEqualTo(1);
            retry.transaction.transactionId = 2;
        });

        assertThatThrownBy(() -> JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(newEngine(), DemoData::load)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not fit the recovered state");
    }

    @Test
    void shouldStopAtAnApprovalForACardNotOnFile()
    {
        journal(last ->
        {
            last.pan = DemoData.pan(999_999);
            last.cardOnFile = SwitchCommand.NOT_ON_FILE;
        });

        assertThatThrownBy(() -> JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(newEngine(), DemoData::load)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not fit the recovered state");
    }

    @Test
    void shouldStopAtACardNumberWhosePanIsNotTheOneRecorded()
    {
        journal(last -> last.pan = DemoData.pan(999_999));

        assertThatThrownBy(() -> JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(newEngine(), DemoData::load)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("does not fit the recovered state");
    }

    @Test
    void shouldStopAtADiscountFromACampaignThatDoesNotExist()
    {
        journal(last ->
        {
            last.transaction.campaignNumber = 77;
            last.transaction.discount = 100;
        });

        assertThatThrownBy(() -> JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(newEngine(), DemoData::load)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("failed in replay");
    }

    @Test
    void shouldNameBothDecisionsOfACaptureThatDecidesOtherwiseInReplay()
    {
        journal(last -> { }, retry -> { }, capture -> capture.transaction.transactionId = 0);

        assertThatThrownBy(() -> JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(newEngine(), DemoData::load)))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("(CAPTURE) decided APPROVED (transaction 1, discount 0) in replay but " +
                "APPROVED (transaction 0, discount 0) when journaled");
    }

    /**
     * Journals demo data (10 cards), {@link #AUTHORIZATIONS} approved authorizations, then a
     * retry of the first; {@code tamper} may change the last new authorization's record and
     * {@code tamperRetry} the retry's before they are written. Returns the live engine.
     */
    private SwitchEngine journal(final Consumer<SwitchCommand> tamper)
    {
        return journal(tamper, retry -> { });
    }

    private SwitchEngine journal(final Consumer<SwitchCommand> tamper, final Consumer<SwitchCommand> tamperRetry)
    {
        return journal(tamper, tamperRetry, null);
    }

    /** The same, then, when {@code tamperCapture} is not null, a capture of the first transaction it may change. */
    private SwitchEngine journal(
        final Consumer<SwitchCommand> tamper, final Consumer<SwitchCommand> tamperRetry,
        final Consumer<SwitchCommand> tamperCapture)
    {
        final SwitchEngine live = newEngine();
        final CommandExecutor executor = new CommandExecutor(live, DemoData::load);
        final SwitchCommand command = new SwitchCommand();
        try (JournalWriter writer = new JournalWriter(JournalConfig.in(dataDir)))
        {
            command.reset();
            command.type = CommandType.LOAD_DEMO_DATA;
            command.amount = 10;
            command.timestamp = EngineFixture.SINGLES_DAY;
            executor.execute(command);
            writer.append(command);
            for (int i = 0; i < AUTHORIZATIONS; i++)
            {
                authorization(command, i);
                executor.execute(command);
                assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
                if (i == AUTHORIZATIONS - 1)
                {
                    tamper.accept(command);
                }
                writer.append(command);
            }
            authorization(command, 0);
            executor.execute(command);
            tamperRetry.accept(command);
            writer.append(command);
            if (tamperCapture != null)
            {
                command.reset();
                command.type = CommandType.CAPTURE;
                command.timestamp = EngineFixture.SINGLES_DAY + AUTHORIZATIONS;
                command.transactionId = 1;
                executor.execute(command);
                assertThat(command.responseCode).isEqualTo(ResponseCode.APPROVED);
                tamperCapture.accept(command);
                writer.append(command);
            }
        }
        return live;
    }

    private static void authorization(final SwitchCommand command, final int i)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = EngineFixture.SINGLES_DAY + i;
        command.merchantId.set(DemoData.merchantId(1 + i % 5));
        command.orderId.set("O" + i);
        command.pan = DemoData.pan(3 + 4 * (i % 2));
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = 1_000 + i;
        command.currency = DemoData.CNY;
    }

    private static SwitchEngine newEngine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(16, 16));
    }
}
