package org.payswitch.core.pipeline;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

/**
 * Executes a command on the engine, live or in replay: the one place both paths go through, so
 * they cannot differ. Adds the one command the engine does not know, loading the demo data.
 */
public final class CommandExecutor implements CommandProcessor
{
    private final SwitchEngine engine;

    public CommandExecutor(final SwitchEngine engine)
    {
        this.engine = engine;
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
        engine.execute(command);
    }
}
