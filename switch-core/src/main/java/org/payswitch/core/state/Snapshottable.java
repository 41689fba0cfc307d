package org.payswitch.core.state;

/**
 * Part of the engine's state that is saved and restored whole: the one snapshot interface every
 * book implements, so a restore cannot forget a piece.
 */
public interface Snapshottable
{
    /** Writes all of this part's state. */
    void writeSnapshot(SnapshotOutput out);

    /** Replaces all of this part's state with what {@link #writeSnapshot} wrote. */
    void readSnapshot(SnapshotInput in);
}
