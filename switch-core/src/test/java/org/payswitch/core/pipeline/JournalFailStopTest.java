package org.payswitch.core.pipeline;

import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.Journal;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReplayer;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.RandomWorkload;
import org.payswitch.core.testing.SmallTmpfs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail-stop (docs/journal.md): once a journal append or sync throws, nothing unjournaled is
 * answered 00, everything in flight and after is answered 96, the switch says it is not accepting,
 * and recovery from the journal left behind holds exactly the transactions answered 00, as they
 * were answered. The disk fills for real on a 2 MiB tmpfs where the machine lets the test mount
 * one (root, as here and in CI), else the append fails by injection.
 */
class JournalFailStopTest
{
    private static final int CARDS = 2_000;
    private static final int AUTHORIZATIONS = 20_000;
    private static final int AFTER = 100;

    private static final SlotFiller<SwitchCommand> COPY = (event, source) ->
    {
        event.reset();
        event.command.copyRequestFrom(source);
        event.replyTo = source;
    };

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private SwitchPipeline pipeline;
    private SmallTmpfs tmpfs;

    @AfterEach
    void stop()
    {
        if (pipeline != null)
        {
            pipeline.shutdown(10_000);
        }
        if (tmpfs != null)
        {
            tmpfs.close();
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldAnswerNothingApprovedThatIsNotJournaledWhenTheDiskIsFull(final PipelineConfig.Layout layout)
        throws InterruptedException
    {
        tmpfs = SmallTmpfs.mount(dataDir.resolve("small-disk"), 2);
        final JournalConfig config = new JournalConfig(
            (tmpfs == null ? dataDir : tmpfs.folder()).resolve("journal"), false);
        final Journal journal = tmpfs == null ?
            new FailingJournal(new JournalWriter(config), 8_000, FailingJournal.NEVER) : new JournalWriter(config);

        final Answers answers = run(journal, layout);

        answers.assertApprovedThenOnly96();
        assertThat(pipeline.failedStop()).isTrue();
        assertThat(pipeline.isAccepting()).isFalse();
        assertThat(pipeline.metrics().journalFailures()).isEqualTo(1);
        pipeline.shutdown(10_000);
        pipeline = null;
        if (tmpfs != null)
        {
            tmpfs.grow(64);
        }
        answers.assertRecoveredExactlyTheApproved(config);
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldNeverCallTheJournalAgainAfterAnAppendFailed(final PipelineConfig.Layout layout)
        throws InterruptedException
    {
        final JournalConfig config = new JournalConfig(dataDir.resolve("journal"), false);
        final FailingJournal journal = new FailingJournal(new JournalWriter(config), 5_000, FailingJournal.NEVER);

        final Answers answers = run(journal, layout);

        answers.assertApprovedThenOnly96();
        assertThat(journal.appendCalls).isEqualTo(5_000);
        assertThat(answers.approved).as("appends 1 to 4 999: the demo data, then 4 998 authorizations").isEqualTo(4_998);
        pipeline.shutdown(10_000);
        pipeline = null;
        answers.assertRecoveredExactlyTheApproved(config);
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldAnswer96ToTheWholeBatchWhenTheSyncFails(final PipelineConfig.Layout layout)
        throws InterruptedException
    {
        final JournalConfig config = new JournalConfig(dataDir.resolve("journal"), true);
        final FailingJournal journal = new FailingJournal(new JournalWriter(config), FailingJournal.NEVER, 40);

        final Answers answers = run(journal, layout);

        answers.assertApprovedThenOnly96();
        assertThat(answers.approvedBeforeSynced).as("answers 00 whose record no successful sync covered").isZero();
        assertThat(journal.syncCalls).isEqualTo(40);
        assertThat(pipeline.metrics().journalFailures()).isEqualTo(1);
        assertThat(pipeline.isAccepting()).isFalse();
    }

    /** Demo data, then authorizations until well past the failure, then more once it has happened. */
    private Answers run(final Journal journal, final PipelineConfig.Layout layout) throws InterruptedException
    {
        final SwitchEngine live = engine();
        final Answers answers = new Answers(1 + AUTHORIZATIONS + AFTER,
            journal instanceof FailingJournal failing ? failing : null);
        pipeline = new SwitchPipeline(new CommandExecutor(live, DemoData::load), journal, answers,
            new PipelineConfig(1024, PipelineConfig.Waiting.PARKING, layout), () -> null);
        pipeline.start();
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = CommandType.LOAD_DEMO_DATA;
        command.amount = CARDS;
        command.timestamp = RandomWorkload.START;
        publish(command);
        for (int i = 0; i < AUTHORIZATIONS; i++)
        {
            publish(authorization(command, i));
        }
        assertThat(answers.received.tryAcquire(1 + AUTHORIZATIONS, 60, TimeUnit.SECONDS)).isTrue();
        for (int i = AUTHORIZATIONS; i < AUTHORIZATIONS + AFTER; i++)
        {
            publish(authorization(command, i));
        }
        assertThat(answers.received.tryAcquire(AFTER, 60, TimeUnit.SECONDS)).isTrue();
        return answers;
    }

    private void publish(final SwitchCommand command)
    {
        while (!pipeline.tryPublish(COPY, command))
        {
            Thread.onSpinWait();
        }
    }

    private static SwitchCommand authorization(final SwitchCommand command, final int i)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = RandomWorkload.START + i;
        command.merchantId.set(DemoData.merchantId(i % 1000));
        command.orderId.set("FS" + i);
        command.pan = DemoData.pan(i % CARDS);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = 10_000 + i % 977;
        command.currency = DemoData.CNY;
        return command;
    }

    private static SwitchEngine engine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(CARDS, AUTHORIZATIONS + AFTER));
    }

    /** What the reply stage answered, in the order it answered; filled on the reply thread, read after {@link #received}. */
    private static final class Answers implements ReplySink
    {
        final Semaphore received = new Semaphore(0);
        private final FailingJournal journal;
        private final ResponseCode[] codes;
        private final long[] transactionIds;
        private final long[] amounts;
        private final long[] discounts;
        private int count;
        int approved;
        int approvedBeforeSynced;

        Answers(final int expected, final FailingJournal journal)
        {
            this.journal = journal;
            codes = new ResponseCode[expected];
            transactionIds = new long[expected];
            amounts = new long[expected];
            discounts = new long[expected];
        }

        @Override
        public void reply(final SwitchEvent event, final boolean endOfBatch)
        {
            final SwitchCommand command = event.command;
            codes[count] = command.responseCode;
            transactionIds[count] = command.transaction.transactionId;
            amounts[count] = command.amount;
            discounts[count] = command.transaction.discount;
            if (command.type == CommandType.AUTHORIZE && command.responseCode == ResponseCode.APPROVED)
            {
                approved++;
                if (journal != null && journal.syncsToDisk() && event.journalIndex > journal.syncedIndex)
                {
                    approvedBeforeSynced++;
                }
            }
            count++;
            received.release();
        }

        /** Every answer is 00 up to the failure and 96 from it on, the last {@link #AFTER} included. */
        void assertApprovedThenOnly96()
        {
            int first96 = -1;
            for (int i = 0; i < count && first96 < 0; i++)
            {
                if (codes[i] == ResponseCode.SYSTEM_MALFUNCTION)
                {
                    first96 = i;
                }
            }
            assertThat(first96).as("the journal failed, after some approvals").isGreaterThan(1);
            for (int i = 0; i < count; i++)
            {
                assertThat(codes[i]).as("answer " + i).isEqualTo(i < first96 ? ResponseCode.APPROVED :
                    ResponseCode.SYSTEM_MALFUNCTION);
            }
            assertThat(approved).isEqualTo(first96 - 1);
        }

        /** Recovery from the journal left behind holds exactly the transactions answered 00, as answered. */
        void assertRecoveredExactlyTheApproved(final JournalConfig config)
        {
            final SwitchEngine recovered = engine();
            final CommandExecutor executor = new CommandExecutor(recovered, DemoData::load);
            JournalReplayer.replay(config, executor);
            assertThat(recovered.transactionCount()).isEqualTo(approved);
            final SwitchCommand query = new SwitchCommand();
            for (int i = 1; i < count; i++)
            {
                if (codes[i] != ResponseCode.APPROVED)
                {
                    continue;
                }
                query.reset();
                query.type = CommandType.GET_TRANSACTION;
                query.transactionId = transactionIds[i];
                executor.execute(query);
                assertThat(query.transaction.present).as("transaction " + transactionIds[i]).isTrue();
                assertThat(query.transaction.status).isEqualTo(TransactionStatus.AUTHORIZED);
                assertThat(query.transaction.amount).isEqualTo(amounts[i]);
                assertThat(query.transaction.discount).isEqualTo(discounts[i]);
            }
        }
    }
}
