package org.payswitch.core.node;

import org.payswitch.core.pipeline.SwitchPipeline;

/**
 * A running switch without its network, as the gateway sees it: a standalone {@link SwitchNode}
 * or a member of a cluster ({@link ClusterNode}). The gateway publishes into its pipeline and
 * stops it; which one runs is the settings' choice ({@code cluster}).
 */
public interface RunningNode extends AutoCloseable
{
    /** The pipeline to publish into. */
    SwitchPipeline pipeline();

    /** True once the node can decide requests: recovered (or joined) and accepting. */
    boolean isReady();

    /**
     * Stops gracefully: no new requests, every request already in the ring answered. Returns false
     * when something did not finish in time.
     */
    boolean stop();

    @Override
    default void close()
    {
        stop();
    }
}
