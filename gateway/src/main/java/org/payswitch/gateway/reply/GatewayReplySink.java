package org.payswitch.gateway.reply;

import java.util.Arrays;

import org.payswitch.core.pipeline.ReplySink;
import org.payswitch.core.pipeline.SwitchEvent;

/**
 * The pipeline's stage 3 for the gateway: each answer goes to the {@link ReplyTarget} that
 * published it; targets written during a batch are flushed once at its end, so a connection
 * with many requests in flight gets one flush per batch, not one per answer.
 */
public final class GatewayReplySink implements ReplySink
{
    private ReplyTarget[] touched = new ReplyTarget[64];
    private int touchedCount;

    @Override
    public void reply(final SwitchEvent event, final boolean endOfBatch)
    {
        if (event.replyTo instanceof ReplyTarget target)
        {
            target.answer(event);
            remember(target);
        }
        if (endOfBatch)
        {
            flush();
        }
    }

    @Override
    public void flush()
    {
        for (int i = 0; i < touchedCount; i++)
        {
            touched[i].flush();
            touched[i] = null;
        }
        touchedCount = 0;
    }

    private void remember(final ReplyTarget target)
    {
        for (int i = touchedCount - 1; i >= 0 && i >= touchedCount - 4; i--)
        {
            if (touched[i] == target)
            {
                return;
            }
        }
        if (touchedCount == touched.length)
        {
            touched = Arrays.copyOf(touched, touched.length * 2);
        }
        touched[touchedCount++] = target;
    }
}
