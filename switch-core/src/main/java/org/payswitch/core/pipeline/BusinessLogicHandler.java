package org.payswitch.core.pipeline;

import com.lmax.disruptor.EventHandler;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.SwitchCommand;

/**
 * Stage 1, the single writer: executes each command on the engine. An exception is a bug:
 * the command is answered 96, counted, logged once with context (PAN masked), and the switch
 * goes on. The command is still journaled (marked failed) so a replay meets the same state.
 * Answers to requests (events with a {@code replyTo}) are counted by response code.
 */
final class BusinessLogicHandler implements EventHandler<SwitchEvent>
{
    private static final System.Logger LOG = System.getLogger(BusinessLogicHandler.class.getName());

    private final CommandProcessor executor;
    private final PipelineMetrics metrics;

    BusinessLogicHandler(final CommandProcessor executor, final PipelineMetrics metrics)
    {
        this.executor = executor;
        this.metrics = metrics;
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
        try
        {
            executor.execute(command);
        }
        catch (final RuntimeException | StackOverflowError e)
        {
            event.failed = true;
            command.clearAnswer();
            command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
            metrics.countException();
            LOG.log(System.Logger.Level.ERROR, () -> "command failed: type=" + command.type + " pan=" +
                Pan.mask(command.pan, command.panLength) + " merchantId=" + command.merchantId + " orderId=" +
                command.orderId + " transactionId=" + command.transactionId, e);
        }
        if (event.replyTo != null)
        {
            metrics.countAnswer(command.responseCode);
        }
    }
}
