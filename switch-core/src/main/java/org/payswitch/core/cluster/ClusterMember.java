package org.payswitch.core.cluster;

import java.nio.file.Path;
import java.util.Locale;

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
    private static final System.Logger LOG = System.getLogger(ClusterMember.class.getName());
    /**
     * How long a start waits for the mark files of a run killed moments before to go stale: Aeron
     * refuses a folder whose archive, consensus or service mark file was written less than its
     * liveness timeout (10 s) ago, as if that run were still alive.
     */
    private static final long STALE_MARK_FILE_WAIT_MILLIS = 30_000;
    private static final long RETRY_MILLIS = 500;
    /** What Aeron's exception says when it finds such a mark file (Aeron 1.51). */
    private static final String ACTIVE_MARK_FILE = "active mark file detected";

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

    /**
     * Starts the member's Aeron parts around {@code service}, its cluster folders in {@code folder}.
     * A member restarted within seconds of a kill -9 finds its own mark files still looking alive:
     * it waits for them to go stale (up to 30 s, trying again every half second) rather than
     * refusing to start, which Aeron alone would do. Any other failure is thrown at once.
     */
    public static ClusterMember launch(final ClusterConfig cluster, final Path folder, final SwitchClusteredService service)
    {
        final long deadline = System.currentTimeMillis() + STALE_MARK_FILE_WAIT_MILLIS;
        boolean told = false;
        while (true)
        {
            try
            {
                return launchOnce(cluster, folder, service);
            }
            catch (final IllegalStateException e)
            {
                if (!isActiveMarkFile(e) || System.currentTimeMillis() >= deadline)
                {
                    throw e;
                }
                if (!told)
                {
                    told = true;
                    LOG.log(System.Logger.Level.WARNING, "cluster member " + cluster.memberId() + ": the mark files of " +
                        "its last run still look alive (" + e.getMessage() + "): a kill -9 moments ago? Waiting up to " +
                        STALE_MARK_FILE_WAIT_MILLIS / 1000 + " s for them to go stale");
                }
                pause(e);
            }
        }
    }

    private static boolean isActiveMarkFile(final IllegalStateException e)
    {
        return e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains(ACTIVE_MARK_FILE);
    }

    private static void pause(final IllegalStateException cause)
    {
        try
        {
            Thread.sleep(RETRY_MILLIS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private static ClusterMember launchOnce(final ClusterConfig cluster, final Path folder, final SwitchClusteredService service)
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
