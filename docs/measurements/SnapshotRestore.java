import java.nio.file.*;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.*;
import org.payswitch.core.pipeline.*;
import org.payswitch.core.snapshot.*;
/**
 * Restore time of one snapshot of 1 M demo cards + N authorizations (arg N): the first run writes
 * it to /tmp/snapx and exits; later runs restore it twice into a fresh engine and print the time.
 */
public class SnapshotRestore {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
    Path dir = Path.of("/tmp/snapx");
    SnapshotStore store = new SnapshotStore(dir);
    if (store.ids().isEmpty()) {
      SwitchEngine live = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n));
      CommandExecutor ex = new CommandExecutor(live, DemoData::load);
      SwitchCommand c = new SwitchCommand();
      c.reset(); c.type = CommandType.LOAD_DEMO_DATA; c.amount = 1_000_000; c.timestamp = 1_793_000_000_000L; ex.execute(c);
      String[] merchants = new String[1000]; for (int j = 0; j < 1000; j++) merchants[j] = DemoData.merchantId(j);
      for (int i = 0; i < n; i++) {
        c.reset(); c.type = CommandType.AUTHORIZE; c.timestamp = 1_793_000_000_000L + i / 1000;
        c.merchantId.set(merchants[i % 1000]); c.orderId.set(Integer.toString(i, 36));
        c.pan = DemoData.pan(i % 1_000_000); c.panLength = 16; c.expiry = 3012; c.amount = 10_000 + i % 5000; c.currency = 156;
        ex.execute(c);
      }
      store.write(live, 1);
      System.out.println("written");
      return;
    }
    for (int r = 0; r < 2; r++) {
      long s = System.nanoTime();
      SwitchEngine restored = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, 1 << 20));
      store.read(1, restored);
      System.out.printf("restore: %d ms (%d transactions)%n", (System.nanoTime() - s) / 1_000_000, restored.transactionCount());
    }
  }
}
