package org.payswitch.tools.operator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends an import's items to one operator endpoint from {@code concurrency} threads, each on its
 * own connection taking the next items in file order, up to a window of them pipelined in one
 * write, and keeps the outcome of each: applied,
 * refused (its line and the switch's reason), or sent again when the switch answers 503 (overload:
 * after its {@code Retry-After}, for at most {@link #MAX_OVERLOAD_MILLIS} in all for one item). A
 * refused token or an unreachable switch stops the run: {@link #send} then returns false and the
 * caller reads no further. With one thread and a window of one, the items are applied one after
 * another in file order.
 */
final class BulkSender
{
    /** How long one item may keep being answered 503 before the run gives up. */
    static final long MAX_OVERLOAD_MILLIS = 120_000;
    private static final long MIN_RETRY_MILLIS = 100;
    /** Items read ahead of the senders per sending thread. */
    private static final int QUEUED_PER_THREAD = 64;
    private static final Item END = new Item(0, null, null);

    private final OperatorClient client;
    private final String path;
    private final int window;
    private final BlockingQueue<Item> queue;
    private final List<Thread> senders = new ArrayList<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final ConcurrentLinkedQueue<LineFailure> failures = new ConcurrentLinkedQueue<>();
    private final long startNanos = System.nanoTime();
    private long items;
    private volatile String stopped;
    private String fileProblem;

    /** One item of the file: its line, how a failure names it, the request body. */
    private record Item(long line, String label, String body)
    {
    }

    /**
     * A sender of items to {@code POST path} from {@code concurrency} threads, each sending up to
     * {@code window} items at once on its connection (pipelined, answered in order).
     */
    BulkSender(final OperatorClient client, final String path, final int concurrency, final int window)
    {
        this.client = client;
        this.path = path;
        this.window = window;
        this.queue = new ArrayBlockingQueue<>(Math.max(QUEUED_PER_THREAD, 2 * window) * concurrency);
        for (int i = 0; i < concurrency; i++)
        {
            final Thread sender = new Thread(this::sendUntilTheEnd, "import-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    /**
     * Queues the item of line {@code line} for sending, waiting while the queue is full.
     * {@code label} names the item in its failure (a campaign's id; null for a card, whose PAN is
     * never shown).
     *
     * @return false when the run has stopped (nothing more will be sent)
     */
    boolean send(final long line, final String label, final String body) throws InterruptedException
    {
        if (stopped != null)
        {
            return false;
        }
        items++;
        queue.put(new Item(line, label, body));
        return true;
    }

    /** Records the item of line {@code line} as refused by the tool itself, before sending. */
    void refuse(final long line, final String reason)
    {
        items++;
        failures.add(new LineFailure(line, reason));
        done.incrementAndGet();
    }

    /** Stops the run: nothing more is sent; items queued and not sent are reported as such. */
    private void stop(final String why)
    {
        if (stopped == null)
        {
            stopped = why;
        }
    }

    /**
     * Notes that the file cannot be read past this point: what was read before it is still sent,
     * and the run ends as stopped early for this reason (unless the switch stopped it first).
     */
    void fileEndsEarly(final String why)
    {
        fileProblem = why;
    }

    /** Items finished so far (applied or failed), for progress. */
    long done()
    {
        return done.get();
    }

    /** Waits for every item queued and returns the outcome of the run. */
    ImportResult finish() throws InterruptedException
    {
        for (int i = 0; i < senders.size(); i++)
        {
            queue.put(END);
        }
        for (final Thread sender : senders)
        {
            sender.join();
        }
        final List<LineFailure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingLong(LineFailure::line));
        return new ImportResult(items, applied.get(), sorted, stopped != null ? stopped : fileProblem,
            System.nanoTime() - startNanos);
    }

    private void sendUntilTheEnd()
    {
        final List<Item> batch = new ArrayList<>(window);
        try (HttpConnection connection = client.connect())
        {
            boolean end = false;
            while (!end)
            {
                batch.clear();
                batch.add(queue.take());
                queue.drainTo(batch, window - 1);
                final int endAt = batch.indexOf(END);
                if (endAt >= 0)
                {
                    end = true;
                    queue.addAll(batch.subList(endAt + 1, batch.size()));
                    batch.subList(endAt, batch.size()).clear();
                }
                if (!batch.isEmpty())
                {
                    sendBatch(connection, batch);
                }
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the batch, then again the items answered 503, until each has its outcome. */
    private void sendBatch(final HttpConnection connection, final List<Item> batch) throws InterruptedException
    {
        final long first = System.currentTimeMillis();
        List<Item> pending = batch;
        while (!pending.isEmpty())
        {
            if (stopped != null)
            {
                reportAll(pending, "not sent: the run stopped");
                return;
            }
            final List<OperatorAnswer> answers;
            try
            {
                answers = connection.exchangeAll("POST", path, pending.stream().map(Item::body).toList());
            }
            catch (final IOException e)
            {
                stop("cannot reach the switch: " + describe(e));
                reportAll(pending, "not known whether applied: the connection failed before its answer " +
                    "(the file may be imported again)");
                return;
            }
            final List<Item> overloaded = new ArrayList<>();
            long retryAfterSeconds = 0;
            for (int i = 0; i < pending.size(); i++)
            {
                final OperatorAnswer answer = answers.get(i);
                if (answer.overloaded() && System.currentTimeMillis() - first < MAX_OVERLOAD_MILLIS)
                {
                    overloaded.add(pending.get(i));
                    retryAfterSeconds = Math.max(retryAfterSeconds, answer.retryAfterSeconds());
                }
                else
                {
                    record(pending.get(i), answer, first);
                }
            }
            if (!overloaded.isEmpty())
            {
                Thread.sleep(Math.max(MIN_RETRY_MILLIS, retryAfterSeconds * 1000));
            }
            pending = overloaded;
        }
    }

    private void record(final Item item, final OperatorAnswer answer, final long firstSentMillis)
    {
        if (answer.overloaded())
        {
            stop("the switch answered 503 (overloaded) for " + (System.currentTimeMillis() - firstSentMillis) / 1000 + " s");
            failures.add(new LineFailure(item.line(), "not applied: the switch stayed overloaded"));
        }
        else if (answer.unauthorized())
        {
            stop("the switch refused the operator token (HTTP " + answer.status() + ")");
            failures.add(new LineFailure(item.line(), "not applied: the operator token was refused"));
        }
        else if (answer.applied())
        {
            applied.incrementAndGet();
        }
        else
        {
            failures.add(new LineFailure(item.line(),
                item.label() == null ? answer.reason() : item.label() + ": " + answer.reason()));
        }
        done.incrementAndGet();
    }

    private void reportAll(final List<Item> items, final String reason)
    {
        for (final Item item : items)
        {
            failures.add(new LineFailure(item.line(), reason));
            done.incrementAndGet();
        }
    }

    private static String describe(final IOException error)
    {
        if (error instanceof ConnectException)
        {
            return "connection refused";
        }
        if (error instanceof SocketTimeoutException)
        {
            return "no answer in time";
        }
        return error.getMessage() != null ? error.getMessage() : error.toString();
    }
}
