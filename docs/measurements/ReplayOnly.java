import java.nio.file.*;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.*;
import org.payswitch.core.journal.*;
import org.payswitch.core.pipeline.*;
public class ReplayOnly {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    Path dir = Path.of("/tmp/replay-journal");
    JournalConfig jc = new JournalConfig(dir, false);
    if (!Files.exists(dir)) {
      SwitchEngine live = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n));
      CommandExecutor ex = new CommandExecutor(live, DemoData::load);
      SwitchCommand c = new SwitchCommand();
      String[] merchants = new String[1000]; for (int j = 0; j < 1000; j++) merchants[j] = DemoData.merchantId(j);
      try (JournalWriter w = new JournalWriter(jc)) {
        c.reset(); c.type = CommandType.LOAD_DEMO_DATA; c.amount = 1_000_000; c.timestamp = 1_793_000_000_000L; ex.execute(c); w.append(c);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          c.reset(); c.type = CommandType.AUTHORIZE; c.timestamp = 1_793_000_000_000L + i / 1000;
          c.merchantId.set(merchants[i % 1000]); c.orderId.set(Integer.toString(i, 36));
          c.pan = DemoData.pan(i % 1_000_000); c.panLength = 16; c.expiry = 3012; c.amount = 10_000 + i % 5000; c.currency = 156;
          ex.execute(c); w.append(c);
        }
        System.out.printf("live execute+journal: %.2f M/s%n", n / ((System.nanoTime() - t0) / 1e9) / 1e6);
      }
    }
    for (int r = 0; r < 2; r++) {
      SwitchEngine rec = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n));
      long s = System.nanoTime();
      long count = JournalReplayer.replay(jc, new CommandExecutor(rec, DemoData::load));
      System.out.printf("replay: %.2f M records/s%n", count / ((System.nanoTime() - s) / 1e9) / 1e6);
    }
  }
}
