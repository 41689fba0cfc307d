package org.payswitch.core.pipeline;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.snapshot.SnapshotStore;

/**
 * Executes a command on the engine, live or in replay: the one place both paths go through, so
 * they cannot differ. Adds the two commands the engine does not know: loading the demo data,
 * and taking a snapshot (on the business thread, at an exact point of the command stream: the
 * ring waits while it is written; docs/journal.md gives the measured pause).
 */
public final class CommandExecutor implements CommandProcessor
{
    private static final System.Logger LOG = System.getLogger(CommandExecutor.class.getName());

    private final SwitchEngine engine;
    private final SnapshotStore snapshots;

    /** An executor that cannot take snapshots (TAKE_SNAPSHOT is answered 12). */
    public CommandExecutor(final SwitchEngine engine)
    {
        this(engine, null);
    }

    /** An executor that writes snapshots into {@code snapshots}. */
    public CommandExecutor(final SwitchEngine engine, final SnapshotStore snapshots)
    {
        this.engine = engine;
        this.snapshots = snapshots;
    }

    /** The engine commands run on. */
    public SwitchEngine engine()
    {
        return engine;
    }

    @Override
    public void execute(final SwitchCommand command)
    {
        if (command.type == CommandType.LOAD_DEMO_DATA)
        {
            command.clearAnswer();
            DemoData.load(engine, (int)command.amount, command.timestamp);
            command.responseCode = ResponseCode.APPROVED;
            return;
        }
        if (command.type == CommandType.TAKE_SNAPSHOT)
        {
            command.clearAnswer();
            takeSnapshot(command.amount);
            command.responseCode = snapshots == null ? ResponseCode.INVALID_TRANSACTION : ResponseCode.APPROVED;
            return;
        }
        engine.execute(command);
    }

    private void takeSnapshot(final long id)
    {
        if (snapshots == null)
        {
            return;
        }
        final long started = System.nanoTime();
        snapshots.write(engine, id);
        final long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.log(System.Logger.Level.INFO, () -> String.format(
            "snapshot %d written in %d ms (the ring waited that long): %d cards, %d transactions", id, millis,
            engine.cardCount(), engine.transactionCount()));
    }
}
