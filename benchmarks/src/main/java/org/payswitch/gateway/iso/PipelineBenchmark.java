package org.payswitch.gateway.iso;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.payswitch.benchmarks.SwitchFork;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.pipeline.PipelineConfig;
import org.payswitch.core.pipeline.ReplySink;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchEvent;
import org.payswitch.core.pipeline.SwitchPipeline;

/**
 * The whole in-process pipeline, authorizations per second: the benchmark thread publishes
 * {@value #BURST} ISO 8583 authorizations (decoded commands with their echo fields, as the I/O
 * thread publishes them) into the real ring, and the pipeline executes them on the engine (1 M
 * demo cards, BIN 518888, no campaign), journals them to Chronicle Queue in a temporary folder
 * and encodes each 0110 into a buffer (the reply stage's work, without the socket); an
 * invocation ends when the last of the burst is answered. {@code layout} is the stage layout
 * (docs/pipeline.md); {@code journalSync} the switch's {@code journal-sync} (run with
 * {@code -p journalSync=false,true} to compare). The publisher and the pipeline's thread share the machine's cores.
 *
 * <p>Checks its answers after each iteration: every authorization answered, approved, and one
 * journal record each.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineBenchmark extends SwitchFork
{
    static final int BURST = 1024;
    private static final int CARDS = 1_000_000;
    private static final int CARDS_OF_THE_BIN = CARDS / 4;
    private static final int MAX_STAN = 999_999;
    private static final long MIDNIGHT = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();

    private static final SlotFiller<PipelineBenchmark> PUBLISH = (event, bench) ->
    {
        event.reset();
        event.command.copyRequestFrom(bench.command);
        ((IsoEcho)event.attachment).copyFrom(bench.request);
        event.replyTo = bench;
    };

    @Param({"FUSED", "STAGED"})
    public String layout;

    /** {@code journal-sync}: true forces each batch to disk (msync) before its answers are handed over. */
    @Param({"false"})
    public boolean journalSync;

    private final SwitchCommand command = new SwitchCommand();
    private final IsoMessage request = new IsoMessage();
    private final IsoWriter writer = new IsoWriter();
    private final ByteBuf frame = Unpooled.directBuffer(256);
    private final byte[] orderIdDigits = new byte[12];
    private final AsciiField orderId = new AsciiField(12);
    private final String[] merchants = new String[DemoData.MERCHANTS];
    private final long[] pans = new long[CARDS_OF_THE_BIN];
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong approved = new AtomicLong();
    private Path folder;
    private JournalWriter journal;
    private SwitchPipeline pipeline;
    private long published;

    @Setup(Level.Trial)
    public void start() throws IOException
    {
        folder = Files.createTempDirectory("pipeline-benchmark");
        for (int j = 0; j < merchants.length; j++)
        {
            merchants[j] = DemoData.merchantId(j);
        }
        for (int i = 0; i < pans.length; i++)
        {
            pans[i] = DemoData.pan(4 * i + 3);
        }
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(CARDS, 1 << 25));
        DemoData.load(engine, CARDS, MIDNIGHT);
        journal = new JournalWriter(new JournalConfig(folder.resolve("journal"), journalSync));
        pipeline = new SwitchPipeline(new CommandExecutor(engine, DemoData::load), journal, new EncodingSink(),
            new PipelineConfig(1 << 16, PipelineConfig.Waiting.PARKING, PipelineConfig.Layout.valueOf(layout)),
            IsoEcho::new);
        pipeline.start();
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long burst()
    {
        final long target = published + BURST;
        while (published < target)
        {
            next(published);
            while (!pipeline.tryPublish(PUBLISH, this))
            {
                Thread.onSpinWait();
            }
            published++;
        }
        while (answered.get() < target)
        {
            Thread.onSpinWait();
        }
        return target;
    }

    @TearDown(Level.Iteration)
    public void checkAnswers()
    {
        final long answers = answered.get();
        if (answers != published || approved.get() != published || journal.records() != published)
        {
            throw new IllegalStateException("published " + published + ", answered " + answers + ", approved " +
                approved.get() + ", journaled " + journal.records());
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException
    {
        pipeline.shutdown(30_000);
        try (var files = Files.walk(folder))
        {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Files.deleteIfExists(org.payswitch.core.crypto.CardKeys.demoKeyFile(folder));
    }

    /**
     * Authorization {@code n}: a new order id, a card of BIN 518888, the request encoded and decoded as
     * the I/O thread would; cards and merchant ids are prepared in setup, so nothing is allocated.
     */
    private void next(final long n)
    {
        long digits = n;
        for (int i = orderIdDigits.length - 1; i >= 0; i--)
        {
            orderIdDigits[i] = (byte)('0' + digits % 10);
            digits /= 10;
        }
        orderId.set(orderIdDigits, 0, orderIdDigits.length);
        frame.clear();
        BenchmarkFrames.authorization(writer, frame, pans[(int)(n % CARDS_OF_THE_BIN)], 1_000 + (n & 1_023),
            n % MAX_STAN + 1, orderId, merchants[(int)(n % DemoData.MERCHANTS)]);
        command.reset();
        if (request.decode(frame) != IsoMessage.OK || !IsoRequestMapper.map(request, command))
        {
            throw new IllegalStateException("authorization " + n + " does not decode");
        }
        command.timestamp = MIDNIGHT + n / 1_000;
        if (command.type != CommandType.AUTHORIZE)
        {
            throw new IllegalStateException("not an authorization");
        }
    }

    /** The reply stage without a socket: each answer encoded into one buffer, cleared at the end of a batch. */
    private final class EncodingSink implements ReplySink
    {
        private final IsoAnswers answers = new IsoAnswers();
        private final ByteBuf out = Unpooled.directBuffer(1 << 20);

        @Override
        public void reply(final SwitchEvent event, final boolean endOfBatch)
        {
            if (event.replyTo == PipelineBenchmark.this)
            {
                answers.answer((IsoEcho)event.attachment, event.command, out);
                if (event.command.responseCode == ResponseCode.APPROVED)
                {
                    approved.lazySet(approved.get() + 1);
                }
                answered.lazySet(answered.get() + 1);
            }
            if (endOfBatch)
            {
                out.clear();
            }
        }
    }
}
