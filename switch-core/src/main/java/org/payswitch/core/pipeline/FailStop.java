package org.payswitch.core.pipeline;

/**
 * The switch's fail-stop: tripped once and for good when the journal could not be written or
 * forced to disk. From then on no command is executed and every answer is 96 (an answer must
 * never outrun its record), the switch reports itself not ready ({@code /health} 503), and it
 * waits for an operator to fix the cause and restart it: recovery then replays what the journal
 * holds, which is everything that was answered with a decision. Written by the journal stage,
 * read by every stage (one volatile read per event: a plain load on x86).
 */
final class FailStop
{
    private volatile boolean tripped;

    /** True once the journal failed. */
    boolean tripped()
    {
        return tripped;
    }

    /** Trips the fail-stop; true the first time. */
    boolean trip()
    {
        final boolean first = !tripped;
        tripped = true;
        return first;
    }
}
