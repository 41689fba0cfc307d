package org.payswitch.core.journal;

import org.agrona.DirectBuffer;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

/**
 * Recovery: brings an engine through every journaled command, in order. Authorizations and
 * sales (nearly every record at peak) are applied from their recorded decision without deciding
 * again ({@link SwitchEngine#applyRecorded}): the answer the client got is the truth, and the
 * replay skips the idempotency probe and the discount quote. Every other command (cards,
 * campaigns, captures, reversals, refunds) is executed again and its decision checked against
 * the one recorded (response code, transaction id, discount). The engine is deterministic (its
 * only clock is the journaled timestamps), so the state after replay is the state before the
 * stop; a decision that differs or does not fit means the journal and the code disagree, and
 * recovery stops rather than serve from a state nobody answered from.
 */
public final class JournalReplayer implements JournalReader.RecordHandler
{
    /** No snapshot: replay from the first record. */
    public static final long NO_SNAPSHOT = -1;
    /** Authorizations applied together, after one prefetch of what they read. */
    static final int BATCH = 32;

    private final CommandExecutor executor;
    private final SwitchEngine engine;
    private final JournalCards cards;
    private final SwitchCommand command = new SwitchCommand();
    private final SwitchCommand[] batch = new SwitchCommand[BATCH];
    private final long[] batchIndexes = new long[BATCH];
    private int batched;
    private long skipUntilSnapshot;
    private long replayed;
    private long newestMarker;

    private JournalReplayer(final CommandExecutor executor, final long afterSnapshot, final JournalCards cards)
    {
        this.cards = cards;
        this.executor = executor;
        this.engine = executor.engine();
        this.skipUntilSnapshot = afterSnapshot;
        for (int i = 0; i < BATCH; i++)
        {
            batch[i] = new SwitchCommand();
        }
    }

    /** What a replay did: records executed or applied, and the highest snapshot marker id it passed (0 if none). */
    public record Outcome(long replayed, long newestMarker)
    {
    }

    /** Replays the whole journal into the executor's engine; returns the number of records executed. */
    public static long replay(final JournalConfig config, final CommandExecutor executor)
    {
        return replayAfter(config, executor, NO_SNAPSHOT, JournalReader.NOT_FOUND).replayed();
    }

    /**
     * Replays the records after the marker of snapshot {@code afterSnapshot} (the engine holds
     * that snapshot's state), or all records for {@link #NO_SNAPSHOT}. Reading starts at
     * {@code fromIndex}, the marker's Chronicle index when known, else at the first record (the
     * records before the marker are then read and skipped).
     */
    public static Outcome replayAfter(
        final JournalConfig config, final CommandExecutor executor, final long afterSnapshot, final long fromIndex)
    {
        final JournalReplayer replayer = new JournalReplayer(executor, afterSnapshot,
            JournalCards.forReading(config.cardKeys()));
        JournalReader.readFrom(config, fromIndex, replayer);
        replayer.applyBatch();
        if (replayer.skipUntilSnapshot != NO_SNAPSHOT)
        {
            throw new IllegalStateException("the journal has no marker of snapshot " + afterSnapshot);
        }
        return new Outcome(replayer.replayed, replayer.newestMarker);
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        final CommandType type = JournalRecord.type(buffer, offset);
        if (type == CommandType.TAKE_SNAPSHOT)
        {
            final long snapshotId = JournalRecord.amount(buffer, offset);
            newestMarker = Math.max(newestMarker, snapshotId);
            if (snapshotId == skipUntilSnapshot)
            {
                skipUntilSnapshot = NO_SNAPSHOT;
            }
            return;
        }
        if (skipUntilSnapshot != NO_SNAPSHOT)
        {
            return;
        }
        final ResponseCode recorded = JournalRecord.responseCode(buffer, offset);
        if (type == CommandType.AUTHORIZE && recorded != null && recorded != ResponseCode.SYSTEM_MALFUNCTION)
        {
            final SwitchCommand authorization = batch[batched];
            JournalRecord.decodeRequest(buffer, offset, authorization, cards);
            JournalRecord.decodeDecision(buffer, offset, authorization);
            batchIndexes[batched++] = index;
            if (batched == BATCH)
            {
                applyBatch();
            }
            return;
        }
        applyBatch();
        executeAgain(buffer, offset, index, recorded);
    }

    /** Applies the batched authorizations' recorded decisions, after prefetching what they read. */
    private void applyBatch()
    {
        if (batched == 0)
        {
            return;
        }
        final int applied;
        try
        {
            applied = engine.applyRecorded(batch, batched);
        }
        catch (final RuntimeException e)
        {
            throw new IllegalStateException("journal records " + Long.toHexString(batchIndexes[0]) + ".." +
                Long.toHexString(batchIndexes[batched - 1]) + " failed in replay", e);
        }
        if (applied < batched)
        {
            final SwitchCommand authorization = batch[applied];
            throw new IllegalStateException("journal record " + Long.toHexString(batchIndexes[applied]) +
                " (authorization " + authorization.transaction.transactionId + ", " + authorization.responseCode +
                ") does not fit the recovered state");
        }
        replayed += batched;
        batched = 0;
    }

    /** Executes a non-authorization command again and checks its decision against the recorded one. */
    private void executeAgain(final DirectBuffer buffer, final int offset, final long index, final ResponseCode recorded)
    {
        JournalRecord.decodeRequest(buffer, offset, command, cards);
        final int payloadLength = JournalRecord.payloadLength(buffer, offset);
        if (payloadLength > 0)
        {
            final byte[] payload = new byte[payloadLength];
            buffer.getBytes(offset + JournalRecord.payloadOffset(buffer, offset), payload);
            PayloadCodec.decode(payload, JournalRecord.version(buffer, offset), cards, command);
        }
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
                ") decided " + command.responseCode + " (transaction " + command.transaction.transactionId +
                ", discount " + command.transaction.discount + ") in replay but " + recorded + " (transaction " +
                JournalRecord.resultTransactionId(buffer, offset) + ", discount " +
                JournalRecord.discount(buffer, offset) + ") when journaled");
        }
        replayed++;
    }
}
