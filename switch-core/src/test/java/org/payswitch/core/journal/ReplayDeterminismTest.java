package org.payswitch.core.journal;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.MerchantTransactionTotals;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.RandomWorkload;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayDeterminismTest
{
    private static final int COMMANDS = 1_000_000;

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldRecoverTheSameStateHashFromAMillionJournaledCommands()
    {
        final JournalConfig config = JournalConfig.in(dataDir);
        final SwitchEngine live = new SwitchEngine(EngineConfig.defaults().withExpected(4096, COMMANDS));
        final CommandExecutor executor = new CommandExecutor(live, DemoData::load);
        final RandomWorkload workload = new RandomWorkload(42);
        final SwitchCommand command = new SwitchCommand();
        long journaled = 0;
        try (JournalWriter journal = new JournalWriter(config))
        {
            for (int i = 0; i < COMMANDS; i++)
            {
                workload.next(command);
                executor.execute(command);
                if (command.type.changesState())
                {
                    journal.append(command);
                    journaled++;
                }
            }
        }
        assertThat(live.transactionCount()).isGreaterThan(COMMANDS / 2);

        final SwitchEngine recovered = new SwitchEngine(EngineConfig.defaults().withExpected(4096, COMMANDS));
        final long replayed = JournalReplayer.replay(config, new CommandExecutor(recovered, DemoData::load));

        assertThat(replayed).isEqualTo(journaled);
        assertThat(recovered.transactionCount()).isEqualTo(live.transactionCount());
        assertThat(recovered.stateHash()).isEqualTo(live.stateHash());
        assertThat(transactionReport(recovered)).as("the transaction totals, derived state outside the hash")
            .isEqualTo(transactionReport(live));
    }

    @Test
    void shouldGiveTheSameStateHashForTheSameCommandStream()
    {
        final SwitchEngine first = run(7, 200_000);
        final SwitchEngine second = run(7, 200_000);
        final SwitchEngine other = run(8, 200_000);

        assertThat(second.stateHash()).isEqualTo(first.stateHash());
        assertThat(other.stateHash()).isNotEqualTo(first.stateHash());
    }

    private static List<MerchantTransactionTotals> transactionReport(final SwitchEngine engine)
    {
        final SwitchCommand query = new SwitchCommand();
        query.type = CommandType.TRANSACTION_REPORT;
        engine.execute(query);
        return query.merchantTotals;
    }

    private static SwitchEngine run(final long seed, final int commands)
    {
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(4096, commands));
        final RandomWorkload workload = new RandomWorkload(seed);
        final SwitchCommand command = new SwitchCommand();
        for (int i = 0; i < commands; i++)
        {
            workload.next(command);
            engine.execute(command);
        }
        return engine;
    }
}
