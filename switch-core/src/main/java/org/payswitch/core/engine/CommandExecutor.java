package org.payswitch.core.engine;

import org.payswitch.core.domain.ResponseCode;

/**
 * Executes a command on the engine, adding the two commands the engine does not know, each done
 * by a hook the node supplies, so this layer depends on neither the demo data nor the snapshot
 * files: loading the demo data ({@link DemoLoader}) and taking a snapshot ({@link SnapshotTaker}:
 * captured in memory on the business thread, at an exact point of the command stream, then
 * written beside the ring; the ring waits only for the capture, measured in docs/journal.md).
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

    /** Fills an engine with the demo data of docs/api.md: the node's {@code DemoData::load}. */
    @FunctionalInterface
    public interface DemoLoader
    {
        /** Loads {@code cards} demo cards and the demo merchants and campaigns, as of {@code timestamp}. */
        void load(SwitchEngine engine, int cards, long timestamp);
    }

    /** Captures a snapshot of the engine: the node's snapshot writer. */
    @FunctionalInterface
    public interface SnapshotTaker
    {
        /** Captures snapshot {@code id} of {@code engine}; returns the nanoseconds the capture took. */
        long take(SwitchEngine engine, long id);
    }

    private final SwitchEngine engine;
    private final DemoLoader demo;
    private final SnapshotTaker snapshots;

    /** An executor without demo data or snapshots (LOAD_DEMO_DATA and TAKE_SNAPSHOT are answered 12). */
    public CommandExecutor(final SwitchEngine engine)
    {
        this(engine, null, null);
    }

    /** An executor that loads the demo data with {@code demo} (may be null: answered 12). */
    public CommandExecutor(final SwitchEngine engine, final DemoLoader demo)
    {
        this(engine, demo, null);
    }

    /** An executor with both hooks; either may be null, its command then answered 12. */
    public CommandExecutor(final SwitchEngine engine, final DemoLoader demo, final SnapshotTaker snapshots)
    {
        this.engine = engine;
        this.demo = demo;
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
            if (demo != null)
            {
                demo.load(engine, (int)command.amount, command.timestamp);
            }
            command.responseCode = demo == null ? ResponseCode.INVALID_TRANSACTION : ResponseCode.APPROVED;
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
