package org.payswitch.core.cluster;

import java.nio.file.Path;

import io.aeron.CommonContext;
import io.aeron.cluster.ClusterControl;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.service.ClusteredServiceContainer;
import org.agrona.CloseHelper;
import org.payswitch.core.config.ClusterConfig;

/**
 * One member's Aeron parts, running: the media driver, archive and consensus module
 * ({@link ClusteredMediaDriver}) and the container of the switch's service. The rest of the switch
 * sees this and {@link SwitchClusteredService}, not Aeron.
 */
public final class ClusterMember implements AutoCloseable
{
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;

    private ClusterMember(final ClusteredMediaDriver driver, final ClusteredServiceContainer container)
    {
        this.driver = driver;
        this.container = container;
    }

    /**
     * The folder of this member's media driver: in Aeron's default place (shared memory on Linux),
     * named by the member's base port, so members on one machine each have their own.
     */
    public static String aeronDirectory(final ClusterConfig cluster)
    {
        return CommonContext.getAeronDirectoryName() + "-payswitch-" + cluster.self().basePort();
    }

    /** Starts the member's Aeron parts around {@code service}, its cluster folders in {@code folder}. */
    public static ClusterMember launch(final ClusterConfig cluster, final Path folder, final SwitchClusteredService service)
    {
        final ClusterMemberContexts contexts = new ClusterMemberContexts(cluster, folder, aeronDirectory(cluster));
        final ClusteredMediaDriver driver = ClusteredMediaDriver.launch(contexts.driver(), contexts.archive(),
            contexts.consensus());
        try
        {
            return new ClusterMember(driver, ClusteredServiceContainer.launch(contexts.service(service)));
        }
        catch (final RuntimeException e)
        {
            CloseHelper.quietClose(driver);
            throw e;
        }
    }

    /**
     * Asks the consensus module for a snapshot of every member (acted on by the leader's); false
     * when another control action is under way.
     */
    public boolean askForSnapshot()
    {
        return ClusterControl.ToggleState.SNAPSHOT.toggle(driver.consensusModule().context().controlToggleCounter());
    }

    /** Stops the service container, then the consensus module, archive and media driver. */
    @Override
    public void close()
    {
        CloseHelper.quietClose(container);
        CloseHelper.quietClose(driver);
    }
}
