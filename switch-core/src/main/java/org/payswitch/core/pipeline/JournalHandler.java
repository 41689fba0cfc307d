package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalWriter;

/**
 * Stage 2: appends every state-changing command, request and decision, to the journal before
 * stage 3 may answer it. Queries are not journaled, nor requests stage 1 shed or found outside the caller's scope (never executed). With {@code journal-sync} the journal is
 * forced to disk at the end of each batch: the Disruptor makes a stage's progress visible only
 * after its batch, so no answer of the batch leaves before the sync (group commit). If the journal cannot be written the switch
 * stops accepting work (fail-stop: an answer without its journal entry would be a lie) and the
 * command is answered 96.
 */
final class JournalHandler implements EventHandler<SwitchEvent>
{
    private static final System.Logger LOG = System.getLogger(JournalHandler.class.getName());

    private final JournalWriter journal;
    private final PipelineMetrics metrics;
    private final Runnable onJournalFailure;
    private boolean broken;

    JournalHandler(final JournalWriter journal, final PipelineMetrics metrics, final Runnable onJournalFailure)
    {
        this.journal = journal;
        this.metrics = metrics;
        this.onJournalFailure = onJournalFailure;
    }

    @Override
    public void onStart()
    {
        metrics.countStageStarted();
    }

    @Override
    public void onEvent(final SwitchEvent event, final long sequence, final boolean endOfBatch)
    {
        final SwitchCommand command = event.command;
        if (command.type.changesState() && !event.shed && !command.outOfScope)
        {
            append(event, command);
        }
        if (endOfBatch && !broken)
        {
            journal.syncIfConfigured();
        }
    }

    private void append(final SwitchEvent event, final SwitchCommand command)
    {
        if (broken)
        {
            command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
            return;
        }
        try
        {
            journal.append(command);
            event.journalIndex = journal.lastIndex();
            metrics.journalPosition(event.journalIndex);
        }
        catch (final RuntimeException e)
        {
            broken = true;
            command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
            metrics.countException();
            LOG.log(System.Logger.Level.ERROR, "journal write failed: the switch stops accepting requests", e);
            onJournalFailure.run();
        }
    }
}
