package org.payswitch.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.pipeline.PipelineConfig;
import org.payswitch.core.pipeline.SlotFiller;
import org.payswitch.core.pipeline.SwitchPipeline;

/**
 * The report tests' journal: {@link ReportWorkload}'s commands published one by one into the
 * switch's real pipeline ({@link SwitchPipeline}: business logic, journal, reply, on their own
 * threads, the journal written by the switch's {@link JournalWriter}) over an engine in
 * Asia/Shanghai with holds of {@link ReportWorkload#HOLD_EXPIRY}; the same commands executed
 * alongside by a {@link ReportOracle} on an engine of its own, which must end in the same state.
 */
public final class ReportJournal
{
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The seed of the golden files' workload. */
    static final long SEED = 20_261_111L;

    private static final SlotFiller<SwitchCommand> COPY = (event, source) ->
    {
        event.reset();
        event.command.copyRequestFrom(source);
    };

    final SwitchEngine live;
    final ReportOracle oracle;
    final int commands;

    private ReportJournal(final SwitchEngine live, final ReportOracle oracle, final int commands)
    {
        this.live = live;
        this.oracle = oracle;
        this.commands = commands;
    }

    /**
     * Writes the report tests' journal (seed {@code args[1]}, default theirs) into the data folder
     * {@code args[0]}, for the examples of tools/README.md. Not a test: a program run by hand.
     */
    public static void main(final String[] args)
    {
        final ReportJournal journal = writeInto(Path.of(args[0]), args.length > 1 ? Long.parseLong(args[1]) : SEED);
        System.out.println(journal.commands + " commands journaled into " + args[0]);
    }

    static EngineConfig engineConfig()
    {
        return new EngineConfig(ZONE, Duration.parse(ReportWorkload.HOLD_EXPIRY), 1_024, 8_192);
    }

    /** Runs the workload of {@code seed} through a pipeline journaling into {@code dataDir}. */
    static ReportJournal writeInto(final Path dataDir, final long seed)
    {
        final SwitchEngine live = new SwitchEngine(engineConfig());
        final ReportOracle oracle = new ReportOracle(engineConfig());
        final AtomicInteger answered = new AtomicInteger();
        final ReportWorkload workload = new ReportWorkload(seed);
        final SwitchCommand command = new SwitchCommand();
        final SwitchPipeline pipeline = new SwitchPipeline(new CommandExecutor(live, DemoData::load),
            new JournalWriter(JournalConfig.in(dataDir)), (event, endOfBatch) -> answered.incrementAndGet(),
            new PipelineConfig(1024, PipelineConfig.Waiting.BLOCKING, PipelineConfig.Layout.STAGED), () -> null);
        pipeline.start();
        int published = 0;
        while (workload.hasNext())
        {
            workload.next(command);
            oracle.execute(command);
            pipeline.publishInternal(COPY, command);
            published++;
        }
        if (!pipeline.shutdown(30_000) || answered.get() != published)
        {
            throw new IllegalStateException(answered.get() + " of " + published + " commands answered");
        }
        return new ReportJournal(live, oracle, published);
    }
}
