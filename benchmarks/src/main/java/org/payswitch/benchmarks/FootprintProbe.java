package org.payswitch.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.OffsetDateTime;
import java.util.Arrays;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;

/**
 * Measures what the engine costs in time and heap:
 * <ul>
 *   <li>loading 1 000 000 demo cards (docs/api.md section 5): time and retained heap;</li>
 *   <li>the resident heap of one transaction, after 1 000 000 and after 5 000 000 authorizations
 *       (order ids of 12 characters, as an ISO 8583 RRN).</li>
 * </ul>
 * Heap is measured as used heap after full GCs ({@link MemoryMXBean}), before and after. The card
 * figure is everything the loaded engine holds (1 000 000 cards, 1 000 merchants, the 3 demo
 * campaigns, the engine's empty tables); the transaction figure includes the growth of the key
 * index. Every authorization must be approved, else the probe fails. Runs {@code rounds} times
 * (default 3) and prints each round, the median and the targets (load &lt; 2 s and &lt; 200 MB,
 * at most 128 bytes per transaction). Run, with the parent pom's JVM flags from the generated
 * argument file:
 * {@code java @benchmarks/target/jvm.options -Xms8g -Xmx8g -cp benchmarks/target/benchmarks.jar org.payswitch.benchmarks.FootprintProbe 3}
 */
public final class FootprintProbe
{
    private static final long MIDNIGHT = OffsetDateTime.parse("2026-11-11T00:00:00+08:00").toInstant().toEpochMilli();
    private static final int CARDS = 1_000_000;

    private FootprintProbe()
    {
    }

    public static void main(final String[] args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        System.out.printf("java %s (%s), max heap %d MB, %d processors%n", System.getProperty("java.version"),
            System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() >> 20,
            Runtime.getRuntime().availableProcessors());
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        final double[] loadMillis = new double[rounds];
        final double[] cardMegabytes = new double[rounds];
        final double[] bytesPer1M = new double[rounds];
        final double[] bytesPer5M = new double[rounds];
        for (int round = 0; round < rounds; round++)
        {
            final long before = usedHeap();
            final long started = System.nanoTime();
            final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(CARDS, 16));
            DemoData.load(engine, CARDS, MIDNIGHT);
            loadMillis[round] = (System.nanoTime() - started) / 1e6;
            final long withCards = usedHeap();
            cardMegabytes[round] = (withCards - before) / 1e6;

            authorize(engine, 0, 1_000_000);
            final long after1M = usedHeap();
            bytesPer1M[round] = (after1M - withCards) / 1e6;
            authorize(engine, 1_000_000, 5_000_000);
            final long after5M = usedHeap();
            bytesPer5M[round] = (after5M - withCards) / 5e6;
            System.out.printf("round %d: 1M cards loaded in %.0f ms, %.1f MB of heap; one transaction: %.1f bytes " +
                "(after 1M), %.1f bytes (after 5M); %d transactions%n", round + 1, loadMillis[round],
                cardMegabytes[round], bytesPer1M[round], bytesPer5M[round], engine.transactionCount());
        }
        System.out.printf("median of %d: cards %.0f ms / %.1f MB; transaction %.1f B (1M) / %.1f B (5M)%n", rounds,
            median(loadMillis), median(cardMegabytes), median(bytesPer1M), median(bytesPer5M));
        System.out.printf("targets: load < 2000 ms %s; card heap < 200 MB %s; <= 128 B per transaction %s (1M), %s (5M)%n",
            verdict(median(loadMillis) < 2_000), verdict(median(cardMegabytes) < 200),
            verdict(median(bytesPer1M) <= 128), verdict(median(bytesPer5M) <= 128));
    }

    private static String verdict(final boolean met)
    {
        return met ? "MET" : "NOT MET";
    }

    private static void authorize(final SwitchEngine engine, final int from, final int to)
    {
        final SwitchCommand command = new SwitchCommand();
        final byte[] orderId = new byte[12];
        for (int n = from; n < to; n++)
        {
            command.reset();
            command.type = CommandType.AUTHORIZE;
            command.timestamp = MIDNIGHT + n / 1000;
            command.merchantId.set(DemoData.merchantId(n % DemoData.MERCHANTS));
            int digits = n;
            for (int i = 11; i >= 0; i--)
            {
                orderId[i] = (byte)('0' + digits % 10);
                digits /= 10;
            }
            command.orderId.set(orderId, 0, 12);
            command.pan = DemoData.pan(4 * (n % (CARDS / 4)) + 3);
            command.panLength = 16;
            command.expiry = DemoData.EXPIRY;
            command.amount = 1_000 + n % 1000;
            command.currency = DemoData.CNY;
            engine.execute(command);
            if (command.responseCode != ResponseCode.APPROVED)
            {
                throw new IllegalStateException("authorization " + n + " answered " + command.responseCode);
            }
        }
    }

    private static long usedHeap()
    {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++)
        {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double median(final double[] values)
    {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
