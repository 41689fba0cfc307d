package org.payswitch.gateway;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87BPackager;
import org.payswitch.core.demo.DemoData;

/**
 * Load on the members of a cluster, for {@link ClusterIT}: on each member one HTTP client and one
 * ISO 8583 client (jPOS, ISO87B), each sending authorizations one after the other with keys of
 * their own, and recording every answer by key, with when its request left and its answer came.
 * A client whose member the test kills stops; a client of a live member that fails fails the
 * test at {@link #stop()}. 91s are counted apart (refused: nothing applied).
 */
final class ClusterLoad
{
    /** One decided answer: where it came from and what it said. */
    record Answer(int member, String merchantId, String orderId, String code, String authCode, String transactionId,
        String discount, long sentNanos, long answeredNanos)
    {
    }

    private static final int CARDS_USED = 1_000;
    private final List<SwitchProcess> members;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> clients = new ArrayList<>();
    private final Set<Integer> killed = ConcurrentHashMap.newKeySet();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    ClusterLoad(final List<SwitchProcess> members)
    {
        this.members = members;
    }

    /** Starts the clients. */
    void start()
    {
        for (int m = 0; m < members.size(); m++)
        {
            final int member = m;
            clients.add(new Thread(() -> http(member), "http-" + m));
            clients.add(new Thread(() -> iso(member), "iso-" + m));
        }
        clients.forEach(Thread::start);
    }

    /** Says member {@code id} is about to be killed: its clients' broken connections are then expected. */
    void killing(final int id)
    {
        killed.add(id);
    }

    /** Stops the clients, waits for them, and fails if a client of a live member failed. */
    void stop() throws InterruptedException
    {
        running.set(false);
        for (final Thread client : clients)
        {
            client.join(TimeUnit.SECONDS.toMillis(60));
        }
        if (!failures.isEmpty())
        {
            final IllegalStateException failed = new IllegalStateException(failures.size() + " load clients failed");
            failures.forEach(failed::addSuppressed);
            throw failed;
        }
    }

    /** Waits until at least {@code count} decided answers came. */
    void awaitAnswers(final int count, final long timeoutSeconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (answers.size() < count)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("only " + answers.size() + " answers in " + timeoutSeconds + " s");
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits for the first approval by a member other than {@code killed} of a request sent after
     * {@code killedNanos}; returns when it came (System.nanoTime).
     */
    long awaitApprovalAfter(final long killedNanos, final int killed, final long timeoutSeconds)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline)
        {
            final long first = answers.values().stream()
                .filter(a -> a.member != killed && a.sentNanos > killedNanos && "00".equals(a.code))
                .mapToLong(Answer::answeredNanos).min().orElse(0);
            if (first != 0)
            {
                return first;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no approval within " + timeoutSeconds + " s of the kill");
    }

    /** Every decided answer so far, by key. */
    Map<String, Answer> answers()
    {
        return Map.copyOf(answers);
    }

    /** How many requests the cluster refused with 91. */
    int unavailable()
    {
        return unavailable.get();
    }

    private void http(final int member)
    {
        final String merchant = DemoData.merchantId(7);
        for (int n = 0; running.get(); n++)
        {
            final String order = "H" + member + "-" + n;
            final String body = "{\"merchantId\":\"" + merchant + "\",\"orderId\":\"" + order + "\",\"pan\":\"" +
                DemoData.panText((member * 7_919 + n) % CARDS_USED) + "\",\"expiry\":\"3012\",\"amount\":" +
                (10_000 + n % 5_000) + ",\"currency\":\"CNY\"}";
            final long sent = System.nanoTime();
            final HttpResponse<String> response = members.get(member).post("/v1/authorizations", body);
            if (response == null)
            {
                if (!killed.contains(member))
                {
                    failures.add(new IllegalStateException("HTTP client of live member " + member + ": no answer to " + order));
                }
                return;
            }
            record(member, merchant, order, Json.text(response.body(), "responseCode"), Json.text(response.body(),
                "authCode"), Json.text(response.body(), "transactionId"), Json.text(response.body(), "discount"), sent);
        }
    }

    private void iso(final int member)
    {
        final String merchant = DemoData.merchantId(1);
        try
        {
            final PostChannel channel = new PostChannel("127.0.0.1", members.get(member).isoPort, new ISO87BPackager());
            channel.setTimeout(60_000);
            channel.connect();
            for (int n = 0; running.get(); n++)
            {
                final String rrn = String.format("I%d%010d", member, n);
                final long sent = System.nanoTime();
                channel.send(IsoJposIT.request("0100", DemoData.panText((member * 104_729 + n) % CARDS_USED + CARDS_USED),
                    12_000 + n % 3_000, rrn, n % 1_000_000));
                final ISOMsg answer = channel.receive();
                record(member, merchant, rrn, answer.getString(39), answer.getString(38), null, null, sent);
            }
            channel.disconnect();
        }
        catch (final IOException | ISOException e)
        {
            if (!killed.contains(member))
            {
                failures.add(new IllegalStateException("ISO 8583 client of live member " + member + " failed", e));
            }
        }
    }

    private void record(final int member, final String merchant, final String order, final String code,
        final String authCode, final String transactionId, final String discount, final long sent)
    {
        if ("91".equals(code))
        {
            unavailable.incrementAndGet();
            return;
        }
        answers.put(merchant + "/" + order, new Answer(member, merchant, order, code, authCode, transactionId, discount,
            sent, System.nanoTime()));
    }
}
