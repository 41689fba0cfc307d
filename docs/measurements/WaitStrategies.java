import java.nio.file.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.*;
import org.payswitch.core.journal.*;
import org.payswitch.core.pipeline.*;

/** Pipeline throughput per wait strategy: engine + journal + counting reply sink; 2 publisher threads. */
public class WaitStrategies {
  static String[] MERCHANTS = new String[1000]; static String[] ORDERS;
  static final SlotFiller<long[]> AUTH = (e, a) -> {
    e.reset(); SwitchCommand c = e.command; long i = a[0];
    c.type = CommandType.AUTHORIZE; c.timestamp = 1_793_000_000_000L;
    c.merchantId.set(MERCHANTS[(int)(i % 1000)]); c.orderId.set(ORDERS[(int)(a[1])]);
    c.orderId.bytes()[0] = (byte)('A' + a[2]); c.pan = DemoData.pan((int)(i % 1_000_000)); c.panLength = 16; c.expiry = 3012; c.amount = 10_000; c.currency = 156;
    e.replyTo = Boolean.TRUE; e.receivedNanos = System.nanoTime();
  };
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    for (int j = 0; j < 1000; j++) MERCHANTS[j] = DemoData.merchantId(j);
    ORDERS = new String[n]; for (int i = 0; i < n; i++) ORDERS[i] = "A" + Integer.toString(i, 36);
    for (String w : a[1].split(",")) {
      for (int run = 0; run < 2; run++) {
        SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n));
        CommandExecutor ex = new CommandExecutor(engine, DemoData::load);
        SwitchCommand load = new SwitchCommand(); load.reset(); load.type = CommandType.LOAD_DEMO_DATA; load.amount = 1_000_000; load.timestamp = 1_793_000_000_000L; ex.execute(load);
        Path dir = Files.createTempDirectory("ws");
        AtomicLong replies = new AtomicLong(); CountDownLatch done = new CountDownLatch(1); long total = 2L * (n / 2);
        SwitchPipeline p = new SwitchPipeline(ex, new JournalWriter(JournalConfig.in(dir)), (e, eob) -> { if (replies.incrementAndGet() == total) done.countDown(); }, new PipelineConfig(65536, PipelineConfig.Waiting.valueOf(w)), () -> null);
        p.start();
        long s = System.nanoTime();
        Thread[] pubs = new Thread[2];
        for (int t = 0; t < 2; t++) { final int tt = t; pubs[t] = new Thread(() -> { long[] arg = new long[3]; arg[2] = tt; for (int i = tt; i < n; i += 2) { arg[0] = i; arg[1] = i; while (!p.tryPublish(AUTH, arg)) Thread.onSpinWait(); } }); pubs[t].start(); }
        done.await();
        long ns = System.nanoTime() - s;
        var h = p.metrics().latencySinceStart();
        p.shutdown(10_000);
        System.out.printf("%-9s run %d: %.0f authorizations/s end to end (publish->reply), p50 %.2f ms p99 %.2f ms (saturated: queueing)%n", w, run, total / (ns / 1e9), h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6);
      }
    }
  }
}
