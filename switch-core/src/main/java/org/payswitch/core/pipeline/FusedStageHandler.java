package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;

/**
 * The three stages on one thread: each event is executed (stage 1), journaled (stage 2) and
 * handed to the reply sink (stage 3) before the next is taken. The order on the event keeps the
 * contract (no answer before its record). On a machine with two cores this saves every hand-over
 * of a slot between cores (three per request in the staged layout) and two threads that would
 * compete with Netty's.
 *
 * <p>With {@code journal-sync} the batch's answers are handed to the sink only after the journal
 * stage has forced the batch to disk, in a second pass over the batch's slots: if that sync fails,
 * the journal stage has turned every answer of the batch into 96 before any is encoded. Without
 * it there is nothing to wait for at the end of the batch, and each answer is handed over as soon
 * as its record is appended, while its slot is still in cache.
 */
final class FusedStageHandler implements EventHandler<SwitchEvent>
{
    private final BusinessLogicHandler business;
    private final JournalHandler journal;
    private final ReplyHandler reply;
    private final RingBuffer<SwitchEvent> ring;
    private final boolean repliesAfterSync;
    private long batchStart = -1;

    FusedStageHandler(
        final BusinessLogicHandler business, final JournalHandler journal, final ReplyHandler reply,
        final RingBuffer<SwitchEvent> ring, final boolean repliesAfterSync)
    {
        this.business = business;
        this.journal = journal;
        this.reply = reply;
        this.ring = ring;
        this.repliesAfterSync = repliesAfterSync;
    }

    @Override
    public void onStart()
    {
        business.onStart();
        journal.onStart();
        reply.onStart();
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        business.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onEvent(final SwitchEvent event, final long sequence, final boolean endOfBatch)
    {
        business.decide(event, sequence);
        journal.onEvent(event, sequence, endOfBatch);
        if (!repliesAfterSync)
        {
            reply.onEvent(event, sequence, endOfBatch);
        }
        else
        {
            replyAfterSync(sequence, endOfBatch);
        }
        if (endOfBatch)
        {
            business.batchEnded(sequence);
        }
    }

    /** With journal-sync: the batch's answers go out after its last record is forced to disk. */
    private void replyAfterSync(final long sequence, final boolean endOfBatch)
    {
        if (batchStart < 0)
        {
            batchStart = sequence;
        }
        if (endOfBatch)
        {
            for (long answered = batchStart; answered <= sequence; answered++)
            {
                reply.onEvent(ring.get(answered), answered, answered == sequence);
            }
            batchStart = -1;
        }
    }
}
