package org.payswitch.gateway;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a real switch process under load: every answered transaction is there after the
 * restart, with the same id and auth code; every request that got no answer, retried twice
 * with its key, gets exactly one decision.
 */
class CrashRecoveryIT
{
    private static final int CLIENTS = 4;
    private static final int ANSWERS_BEFORE_KILL = 4_000;
    private static final int CARDS = 2_000;

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldKeepEveryAnsweredTransactionThroughKillDashNine() throws Exception
    {
        final Map<String, String> answered = new ConcurrentHashMap<>();
        final Map<String, String> unanswered = new ConcurrentHashMap<>();
        try (SwitchProcess victim = SwitchProcess.start(dataDir, CARDS))
        {
            final AtomicBoolean crashed = new AtomicBoolean();
            final AtomicInteger answers = new AtomicInteger();
            final CountDownLatch enough = new CountDownLatch(1);
            final List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++)
            {
                final int client = c;
                final Thread thread = new Thread(() ->
                {
                    for (int n = 0; !crashed.get() || n % 50 != 0; n++)
                    {
                        final String key = client + "-" + n;
                        final String request = authorization(key, client * 100_000 + n);
                        final HttpResponse<String> response = victim.post("/v1/authorizations", request);
                        if (response == null)
                        {
                            unanswered.put(key, request);
                            if (crashed.get())
                            {
                                return;
                            }
                            continue;
                        }
                        assertThat(response.statusCode()).isEqualTo(200);
                        answered.put(key, response.body());
                        if (answers.incrementAndGet() == ANSWERS_BEFORE_KILL)
                        {
                            enough.countDown();
                        }
                    }
                }, "client-" + c);
                thread.start();
                clients.add(thread);
            }
            assertThat(enough.await(300, TimeUnit.SECONDS)).isTrue();
            victim.kill();
            crashed.set(true);
            for (final Thread client : clients)
            {
                client.join(TimeUnit.SECONDS.toMillis(120));
            }
        }
        assertThat(answered.size()).isGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);

        try (SwitchProcess restarted = SwitchProcess.start(dataDir, CARDS))
        {
            for (final Map.Entry<String, String> entry : answered.entrySet())
            {
                final HttpResponse<String> found = restarted.get(
                    "/v1/transactions?merchantId=" + DemoData.merchantId(7) + "&orderId=K" + entry.getKey());
                assertThat(found.statusCode()).as("answered %s", entry.getKey()).isEqualTo(200);
                final String original = entry.getValue();
                assertThat(Json.text(found.body(), "transactionId")).isEqualTo(Json.text(original, "transactionId"));
                assertThat(Json.text(found.body(), "authCode")).isEqualTo(Json.text(original, "authCode"));
                assertThat(Json.text(found.body(), "responseCode")).isEqualTo(Json.text(original, "responseCode"));
                assertThat(Json.text(found.body(), "chargedAmount")).isEqualTo(Json.text(original, "chargedAmount"));
            }
            for (final Map.Entry<String, String> entry : unanswered.entrySet())
            {
                final HttpResponse<String> first = restarted.post("/v1/authorizations", entry.getValue());
                final HttpResponse<String> second = restarted.post("/v1/authorizations", entry.getValue());
                assertThat(first.statusCode()).isEqualTo(200);
                assertThat(second.body()).isEqualTo(first.body());
            }
            assertThat(restarted.terminate()).isEqualTo(0);
        }
    }

    private static String authorization(final String key, final int sequence)
    {
        final int card = sequence % CARDS;
        return "{\"merchantId\":\"" + DemoData.merchantId(7) + "\",\"orderId\":\"K" + key + "\",\"pan\":\"" +
            DemoData.panText(card) + "\",\"expiry\":\"3012\",\"amount\":" + (10_000 + sequence % 5_000) +
            ",\"currency\":\"CNY\",\"capture\":" + (sequence % 3 == 0) + "}";
    }
}
