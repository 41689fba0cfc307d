package org.payswitch.core.pipeline;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.snapshot.SnapshotWriter;

/**
 * Executes a command on the engine, adding the two commands the engine does not know: loading
 * the demo data, and taking a snapshot (captured in memory on the business thread, at an exact
 * point of the command stream, then written beside the ring by the {@link SnapshotWriter}; the
 * ring waits only for the capture, measured in docs/journal.md).
 *
 * <p>Live, stage 1 executes every command here (but those it sheds, 91, or refuses after a
 * fail-stop, 96). Replay ({@link org.payswitch.core.journal.JournalReplayer}) does not run the
 * journal through here whole: an authorization or sale journaled with a decision other than 96
 * (nearly every record) is applied from that recorded decision by
 * {@link SwitchEngine#applyRecorded}, in batches, without being decided again (no idempotency
 * probe, no discount quote); a TAKE_SNAPSHOT record is only a marker and is never executed again
 * (recovery starts after the newest snapshot's marker). Every other journaled command (cards,
 * merchants, campaigns, captures, reversals, refunds, hold-expiry ticks, demo data, and any
 * command answered 96) is executed here again, and the replayer stops recovery unless its
 * decision (response code, transaction id, discount) matches the recorded one; a command
 * answered 96 must fail again. Queries are not journaled, so they are never replayed.
 */
public final class CommandExecutor implements CommandProcessor
{
    private static final System.Logger LOG = System.getLogger(CommandExecutor.class.getName());

    private final SwitchEngine engine;
    private final SnapshotWriter snapshots;

    /** An executor that cannot take snapshots (TAKE_SNAPSHOT is answered 12). */
    public CommandExecutor(final SwitchEngine engine)
    {
        this(engine, null);
    }

    /** An executor that takes snapshots with {@code snapshots}. */
    public CommandExecutor(final SwitchEngine engine, final SnapshotWriter snapshots)
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

    @Override
    public void prefetch(final SwitchCommand[] commands, final int count)
    {
        engine.prefetchAuthorizations(commands, count);
    }

    private void takeSnapshot(final long id)
    {
        if (snapshots == null)
        {
            return;
        }
        final long millis = snapshots.take(engine, id) / 1_000_000;
        LOG.log(System.Logger.Level.INFO, () -> String.format(
            "snapshot %d captured in %d ms (the ring waited that long): %d cards, %d transactions", id, millis,
            engine.cardCount(), engine.transactionCount()));
    }
}
