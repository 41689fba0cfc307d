package org.payswitch.core.snapshot;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.payswitch.core.state.SnapshotImage;
import org.payswitch.core.state.Snapshottable;


/**
 * Takes snapshots so that the ring waits only for the in-memory capture: {@link #take} runs on
 * the business thread, serializes the engine into the one {@link SnapshotImage} and hands it to
 * the writer thread, which checksums it, writes and forces the file while the ring goes on. If
 * the previous snapshot is still being written, {@code take} first waits for it (snapshots are
 * minutes apart, so in practice it never does). Tasks given to {@link #afterWrites} run on the
 * writer thread after every write taken before them (journal retention, say).
 */
public final class SnapshotWriter implements AutoCloseable
{
    private static final System.Logger LOG = System.getLogger(SnapshotWriter.class.getName());

    private final SnapshotStore store;
    private final SnapshotImage image;
    private final ExecutorService thread;
    private volatile Future<?> pending;
    private boolean warnedAboutMemory;

    /** Writes on its own thread, {@code switch-snapshot}. */
    public static SnapshotWriter background(final SnapshotStore store)
    {
        return new SnapshotWriter(store, new SnapshotImage());
    }

    /** Writes on its own thread into an image of at most {@code limit} bytes (for tests). */
    static SnapshotWriter background(final SnapshotStore store, final long limit)
    {
        return new SnapshotWriter(store, new SnapshotImage(limit));
    }

    private SnapshotWriter(final SnapshotStore store, final SnapshotImage image)
    {
        this.store = store;
        this.image = image;
        this.thread = Executors.newSingleThreadExecutor(runnable ->
        {
            final Thread writer = new Thread(runnable, "switch-snapshot");
            writer.setDaemon(true);
            return writer;
        });
    }

    /**
     * Captures the engine as snapshot {@code id} and starts writing it; returns the nanoseconds
     * the caller (the business thread, so the ring) spent, waiting for a previous write included.
     */
    public long take(final Snapshottable engine, final long id)
    {
        final long started = System.nanoTime();
        awaitPending();
        SnapshotStore.capture(engine, id, image);
        final long captured = System.nanoTime() - started;
        final long bytes = image.length();
        pending = thread.submit(() -> persist(id, bytes));
        return captured;
    }

    /**
     * Asks the writer thread to reserve memory for a snapshot of about {@code bytes}, so the next
     * capture does not allocate on the business thread. Called after recovery and every second
     * with the engine's size hint; after each write the writer itself keeps 25 % headroom.
     */
    public void prepare(final long bytes)
    {
        if (bytes > image.reserved())
        {
            run(() -> prepareNow(bytes));
        }
    }

    /** Runs {@code task} on the writer thread once every snapshot taken so far is written (or failed). */
    public void afterWrites(final Runnable task)
    {
        run(task);
    }

    /** Waits up to {@code timeoutMillis} for the snapshot being written; false if it is still being written. */
    public boolean awaitWrites(final long timeoutMillis)
    {
        final Future<?> current = pending;
        if (current == null)
        {
            return true;
        }
        try
        {
            current.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return true;
        }
        catch (final TimeoutException e)
        {
            return false;
        }
        catch (final ExecutionException e)
        {
            return true;
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops the writer thread once what it was given is done (up to a minute) and frees the image;
     * if the thread is still writing after that, the image is left to the GC rather than freed
     * under it.
     */
    @Override
    public void close()
    {
        thread.shutdown();
        try
        {
            if (thread.awaitTermination(1, TimeUnit.MINUTES))
            {
                image.close();
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void persist(final long id, final long bytes)
    {
        final long started = System.nanoTime();
        try
        {
            store.persist(image);
            final long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LOG.log(System.Logger.Level.INFO, () -> String.format("snapshot %d written in %d ms (%d MB) beside the ring",
                id, millis, bytes >> 20));
            prepareNow(bytes + bytes / 4);
        }
        catch (final RuntimeException e)
        {
            LOG.log(System.Logger.Level.ERROR, "snapshot " + id + " could not be written; recovery will use an older one", e);
        }
    }

    private void prepareNow(final long bytes)
    {
        try
        {
            image.prepare(bytes);
        }
        catch (final IllegalStateException e)
        {
            if (!warnedAboutMemory)
            {
                warnedAboutMemory = true;
                LOG.log(System.Logger.Level.WARNING, "cannot reserve memory for the next snapshot ahead; " +
                    "its capture will allocate (a longer pause) or fail: " + e.getMessage());
            }
        }
    }

    private void run(final Runnable task)
    {
        try
        {
            thread.execute(task);
        }
        catch (final RejectedExecutionException e)
        {
            LOG.log(System.Logger.Level.DEBUG, "snapshot writer stopped; task dropped");
        }
    }

    private void awaitPending()
    {
        while (!awaitWrites(TimeUnit.MINUTES.toMillis(1)) && !Thread.currentThread().isInterrupted())
        {
            LOG.log(System.Logger.Level.WARNING, "still waiting for the previous snapshot to be written");
        }
    }
}
