package org.payswitch.core.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.AsciiIdSet;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandProcessor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.MerchantBook;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReplayer;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchPipelineTest
{
    private static final SlotFiller<SwitchCommand> COPY = (event, source) ->
    {
        event.reset();
        event.command.copyRequestFrom(source);
    };

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private SwitchPipeline pipeline;

    @AfterEach
    void stop()
    {
        if (pipeline != null)
        {
            pipeline.shutdown(10_000);
        }
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldAnswerEveryCommandOnlyAfterItsJournalEntryIsWritten(final PipelineConfig.Layout layout) throws InterruptedException
    {
        final JournalWriter journal = new JournalWriter(JournalConfig.in(dataDir));
        final Replies replies = new Replies(20_000, journal);
        pipeline = new SwitchPipeline(new CommandExecutor(engine(), DemoData::load), journal, replies,
            new PipelineConfig(256, PipelineConfig.Waiting.PARKING, layout), () -> null);
        pipeline.start();

        publishWorkload(20_000, 3);

        assertThat(replies.await()).isTrue();
        assertThat(replies.answeredBeforeJournaled).isZero();
        assertThat(replies.stateChanging).isEqualTo(journal.records());
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldRecoverFromItsJournalTheStateItAnsweredFrom(final PipelineConfig.Layout layout) throws InterruptedException
    {
        final SwitchEngine live = engine();
        final Replies replies = new Replies(50_000, null);
        pipeline = new SwitchPipeline(new CommandExecutor(live, DemoData::load), new JournalWriter(JournalConfig.in(dataDir)),
            replies, new PipelineConfig(1024, PipelineConfig.Waiting.PARKING, layout), () -> null);
        pipeline.start();
        publishWorkload(50_000, 11);
        assertThat(replies.await()).isTrue();
        assertThat(pipeline.shutdown(10_000)).isTrue();
        pipeline = null;

        final SwitchEngine recovered = engine();
        JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(recovered, DemoData::load));

        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldRefuseAtOnceWhenTheRingIsFull(final PipelineConfig.Layout layout) throws InterruptedException
    {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch firstReply = new CountDownLatch(1);
        final ReplySink blocked = (event, endOfBatch) ->
        {
            firstReply.countDown();
            awaitQuietly(release);
        };
        pipeline = new SwitchPipeline(new CommandExecutor(engine(), DemoData::load), new JournalWriter(JournalConfig.in(dataDir)),
            blocked, new PipelineConfig(16, PipelineConfig.Waiting.BLOCKING, layout), () -> null);
        pipeline.start();
        final SwitchCommand query = new SwitchCommand();
        query.type = CommandType.GET_TRANSACTION;
        query.transactionId = 1;

        assertThat(pipeline.tryPublish(COPY, query)).isTrue();
        assertThat(firstReply.await(10, TimeUnit.SECONDS)).isTrue();
        int accepted = 0;
        while (pipeline.tryPublish(COPY, query))
        {
            accepted++;
        }

        assertThat(accepted).isEqualTo(15);
        assertThat(pipeline.metrics().refused()).isEqualTo(1);
        release.countDown();
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldAnswer96CountAndGoOnWhenTheProcessorThrows(final PipelineConfig.Layout layout) throws InterruptedException
    {
        final CommandExecutor executor = new CommandExecutor(engine(), DemoData::load);
        final CommandProcessor faulty = command ->
        {
            if (command.orderId.toString().equals("BOOM"))
            {
                throw new IllegalStateException("a bug");
            }
            executor.execute(command);
        };
        final Replies replies = new Replies(4, null);
        pipeline = new SwitchPipeline(faulty, new JournalWriter(JournalConfig.in(dataDir)), replies,
            new PipelineConfig(16, PipelineConfig.Waiting.PARKING, layout), () -> null);
        pipeline.start();

        pipeline.tryPublish(COPY, demoData());
        pipeline.tryPublish(COPY, authorization("A1"));
        pipeline.tryPublish(COPY, authorization("BOOM"));
        pipeline.tryPublish(COPY, authorization("A2"));

        assertThat(replies.await()).isTrue();
        assertThat(replies.codes).containsExactly(ResponseCode.APPROVED, ResponseCode.APPROVED,
            ResponseCode.SYSTEM_MALFUNCTION,
            ResponseCode.APPROVED);
        assertThat(pipeline.metrics().exceptions()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldAnswerEverythingPublishedBeforeShutdown(final PipelineConfig.Layout layout)
    {
        final Replies replies = new Replies(5_000, null);
        pipeline = new SwitchPipeline(new CommandExecutor(engine(), DemoData::load), new JournalWriter(JournalConfig.in(dataDir)),
            replies, new PipelineConfig(8192, PipelineConfig.Waiting.PARKING, layout), () -> null);
        pipeline.start();
        publishWorkload(5_000, 5);

        assertThat(pipeline.shutdown(10_000)).isTrue();
        pipeline = null;

        assertThat(replies.count()).isEqualTo(5_000);
    }

    @ParameterizedTest
    @EnumSource(PipelineConfig.Layout.class)
    void shouldNotJournalACommandRefusedOutOfItsCallersScopeSoTheReplayMeetsTheSameState(
        final PipelineConfig.Layout layout) throws InterruptedException
    {
        final SwitchEngine live = engine();
        final JournalWriter journal = new JournalWriter(JournalConfig.in(dataDir));
        final Replies replies = new Replies(3, null);
        pipeline = new SwitchPipeline(new CommandExecutor(live, DemoData::load), journal, replies,
            new PipelineConfig(16, PipelineConfig.Waiting.PARKING, layout), () -> null);
        pipeline.start();
        final SwitchCommand reversal = new SwitchCommand();
        reversal.reset();
        reversal.type = CommandType.REVERSAL;
        reversal.timestamp = RandomWorkload.START;
        reversal.transactionId = 1;
        reversal.merchantScope = AsciiIdSet.of(List.of(DemoData.merchantId(2)), MerchantBook.MAX_ID_LENGTH);

        pipeline.tryPublish(COPY, demoData());
        pipeline.tryPublish(COPY, authorization("A1"));
        pipeline.tryPublish(COPY, reversal);

        assertThat(replies.await()).isTrue();
        assertThat(replies.codes).containsExactly(ResponseCode.APPROVED, ResponseCode.APPROVED,
            ResponseCode.UNABLE_TO_LOCATE_ORIGINAL);
        assertThat(pipeline.shutdown(10_000)).isTrue();
        pipeline = null;
        assertThat(journal.records()).isEqualTo(2);
        final SwitchEngine recovered = engine();
        JournalReplayer.replay(JournalConfig.in(dataDir), new CommandExecutor(recovered, DemoData::load));
        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
    }

    private void publishWorkload(final int commands, final long seed)
    {
        final RandomWorkload workload = new RandomWorkload(seed);
        final SwitchCommand command = new SwitchCommand();
        for (int i = 0; i < commands; i++)
        {
            workload.next(command);
            while (!pipeline.tryPublish(COPY, command))
            {
                Thread.onSpinWait();
            }
        }
    }

    private static SwitchEngine engine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(4096, 65_536));
    }

    private static SwitchCommand demoData()
    {
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = CommandType.LOAD_DEMO_DATA;
        command.amount = 10;
        command.timestamp = RandomWorkload.START;
        return command;
    }

    private static SwitchCommand authorization(final String orderId)
    {
        final SwitchCommand command = new SwitchCommand();
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = RandomWorkload.START;
        command.merchantId.set(DemoData.merchantId(1));
        command.orderId.set(orderId);
        command.pan = DemoData.pan(3);
        command.panLength = 16;
        command.expiry = DemoData.EXPIRY;
        command.amount = 12_000;
        command.currency = DemoData.CNY;
        return command;
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Collects answers on the reply thread; checks the journal already holds each state-changing one. */
    private static final class Replies implements ReplySink
    {
        private final CountDownLatch done;
        private final JournalWriter journal;
        private final List<ResponseCode> codes = new ArrayList<>();
        private long stateChanging;
        private long answeredBeforeJournaled;
        private volatile int count;

        Replies(final int expected, final JournalWriter journal)
        {
            this.done = new CountDownLatch(expected);
            this.journal = journal;
        }

        @Override
        public void reply(final SwitchEvent event, final boolean endOfBatch)
        {
            if (event.command.type.changesState())
            {
                stateChanging++;
                if (journal != null && journal.records() < stateChanging)
                {
                    answeredBeforeJournaled++;
                }
            }
            codes.add(event.command.responseCode);
            count++;
            done.countDown();
        }

        boolean await() throws InterruptedException
        {
            return done.await(60, TimeUnit.SECONDS);
        }

        int count()
        {
            return count;
        }
    }
}
