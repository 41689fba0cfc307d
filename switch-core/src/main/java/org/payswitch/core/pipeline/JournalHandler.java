package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.Journal;

/**
 * Stage 2: appends every state-changing command, request and decision, to the journal before
 * stage 3 may answer it. Queries are not journaled, nor requests stage 1 shed or found outside the
 * caller's scope (never executed).
 * With {@code journal-sync} the journal is forced to disk at the end of each batch: the Disruptor
 * makes a stage's progress visible only after its batch, so no answer of the batch leaves before
 * the sync (group commit).
 *
 * <p>Fail-stop: anything thrown by an append or a sync, {@code Error}s included (a full disk under
 * a memory-mapped file raises {@code InternalError}), trips the {@link FailStop}. The command whose
 * append failed and every later one are answered 96; when the sync fails, so is every command of
 * the batch, none of which has been answered yet. The failure is counted
 * ({@code payswitch_journal_failures_total}) and logged in one line.
 */
final class JournalHandler implements EventHandler<SwitchEvent>
{
    private static final System.Logger LOG = System.getLogger(JournalHandler.class.getName());

    private final Journal journal;
    private final PipelineMetrics metrics;
    private final FailStop failStop;
    private final RingBuffer<SwitchEvent> ring;
    private long batchStart = -1;

    JournalHandler(
        final Journal journal, final PipelineMetrics metrics, final FailStop failStop,
        final RingBuffer<SwitchEvent> ring)
    {
        this.journal = journal;
        this.metrics = metrics;
        this.failStop = failStop;
        this.ring = ring;
    }

    @Override
    public void onStart()
    {
        metrics.countStageStarted();
    }

    @Override
    public void onEvent(final SwitchEvent event, final long sequence, final boolean endOfBatch)
    {
        if (batchStart < 0)
        {
            batchStart = sequence;
        }
        final SwitchCommand command = event.command;
        if (failStop.tripped())
        {
            refuse(command);
        }
        else if (command.type.changesState() && !event.shed && !command.outOfScope)
        {
            append(event, command);
        }
        if (endOfBatch)
        {
            if (!failStop.tripped())
            {
                sync(sequence);
            }
            batchStart = -1;
        }
    }

    private void append(final SwitchEvent event, final SwitchCommand command)
    {
        try
        {
            journal.append(command);
            event.journalIndex = journal.lastIndex();
            metrics.journalPosition(event.journalIndex);
        }
        catch (final Throwable e)
        {
            fail("append", e);
            refuse(command);
        }
    }

    /** Forces the batch to disk; if that fails, none of the batch's answers may stand. */
    private void sync(final long last)
    {
        try
        {
            journal.syncIfConfigured();
        }
        catch (final Throwable e)
        {
            fail("sync", e);
            for (long sequence = batchStart; sequence <= last; sequence++)
            {
                refuse(ring.get(sequence).command);
            }
        }
    }

    private void fail(final String what, final Throwable e)
    {
        if (failStop.trip())
        {
            metrics.countJournalFailure();
            LOG.log(System.Logger.Level.ERROR, "journal " + what + " failed (" + e + "): the switch now answers 96 " +
                "to every request and /health says 503; free the disk (or fix the cause) and restart it: " +
                "recovery replays every answered decision");
            LOG.log(System.Logger.Level.DEBUG, "journal " + what + " failure", e);
        }
    }

    private static void refuse(final SwitchCommand command)
    {
        command.clearAnswer();
        command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
    }
}
