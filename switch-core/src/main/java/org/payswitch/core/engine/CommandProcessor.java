package org.payswitch.core.engine;


/** What stage 1 runs for each command: the engine (through {@link CommandExecutor}) in production. */
@FunctionalInterface
public interface CommandProcessor
{
    /** Executes the command and writes its answer onto it; called by one thread only. */
    void execute(SwitchCommand command);

    /**
     * A hint before executing {@code commands[0..count)} (authorizations, in order): touch what
     * they will read so their cache misses overlap. Must change nothing; by default does nothing.
     */
    default void prefetch(final SwitchCommand[] commands, final int count)
    {
    }
}
