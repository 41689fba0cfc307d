package org.payswitch.core.journal;

import org.agrona.DirectBuffer;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.pipeline.CommandProcessor;

/**
 * Recovery: executes every journaled command again, in order, on an engine, and checks each
 * decision against the one recorded (response code, transaction id, discount). The engine is
 * deterministic (its only clock is the journaled timestamps), so the state after replay is the
 * state before the stop; a decision that differs means the journal and the code disagree, and
 * recovery stops rather than serve from a state nobody answered from.
 */
public final class JournalReplayer implements JournalReader.RecordHandler
{
    /** No snapshot: replay from the first record. */
    public static final long NO_SNAPSHOT = -1;

    private final CommandProcessor executor;
    private final SwitchCommand command = new SwitchCommand();
    private long skipUntilSnapshot;
    private long replayed;

    private JournalReplayer(final CommandProcessor executor, final long afterSnapshot)
    {
        this.executor = executor;
        this.skipUntilSnapshot = afterSnapshot;
    }

    /** Replays the whole journal into the executor's engine; returns the number of records executed. */
    public static long replay(final JournalConfig config, final CommandProcessor executor)
    {
        return replay(config, executor, NO_SNAPSHOT);
    }

    /**
     * Replays the records after the marker of snapshot {@code afterSnapshot} (the engine holds
     * that snapshot's state), or all records for {@link #NO_SNAPSHOT}; returns how many were executed.
     */
    public static long replay(final JournalConfig config, final CommandProcessor executor, final long afterSnapshot)
    {
        final JournalReplayer replayer = new JournalReplayer(executor, afterSnapshot);
        JournalReader.readAll(config, replayer);
        if (replayer.skipUntilSnapshot != NO_SNAPSHOT)
        {
            throw new IllegalStateException("the journal has no marker of snapshot " + afterSnapshot);
        }
        return replayer.replayed;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        final int version = JournalRecord.version(buffer, offset);
        if (version != JournalRecord.VERSION)
        {
            throw new IllegalStateException("journal record " + Long.toHexString(index) + " has version " + version +
                ", this switch reads version " + JournalRecord.VERSION);
        }
        if (JournalRecord.type(buffer, offset) == CommandType.TAKE_SNAPSHOT)
        {
            if (JournalRecord.amount(buffer, offset) == skipUntilSnapshot)
            {
                skipUntilSnapshot = NO_SNAPSHOT;
            }
            return;
        }
        if (skipUntilSnapshot != NO_SNAPSHOT)
        {
            return;
        }
        JournalRecord.decodeRequest(buffer, offset, command);
        final int payloadLength = JournalRecord.payloadLength(buffer, offset);
        if (payloadLength > 0)
        {
            final byte[] payload = new byte[payloadLength];
            buffer.getBytes(offset + JournalRecord.PAYLOAD_OFFSET, payload);
            command.payload = PayloadCodec.decode(payload);
        }
        final ResponseCode recorded = JournalRecord.responseCode(buffer, offset);
        try
        {
            executor.execute(command);
        }
        catch (final RuntimeException e)
        {
            if (recorded == ResponseCode.SYSTEM_MALFUNCTION)
            {
                replayed++;
                return;
            }
            throw new IllegalStateException("journal record " + Long.toHexString(index) + " failed in replay", e);
        }
        if (command.responseCode != recorded ||
            command.transaction.transactionId != JournalRecord.resultTransactionId(buffer, offset) ||
            command.transaction.discount != JournalRecord.discount(buffer, offset))
        {
            throw new IllegalStateException("journal record " + Long.toHexString(index) + " (" + command.type +
                ") decided " + command.responseCode + " in replay but " + recorded + " when journaled");
        }
        replayed++;
    }
}
