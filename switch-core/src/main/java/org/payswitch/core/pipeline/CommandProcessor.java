package org.payswitch.core.pipeline;

import org.payswitch.core.engine.SwitchCommand;

/** What stage 1 runs for each command: the engine (through {@link CommandExecutor}) in production. */
@FunctionalInterface
public interface CommandProcessor
{
    /** Executes the command and writes its answer onto it; called by one thread only. */
    void execute(SwitchCommand command);
}
