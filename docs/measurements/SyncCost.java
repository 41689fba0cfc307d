import java.nio.file.*;
import org.payswitch.core.engine.*;
import org.payswitch.core.journal.*;
public class SyncCost {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]); int batch = Integer.parseInt(a[1]);
    for (boolean sync : new boolean[]{false, true, false, true}) {
      Path dir = Files.createTempDirectory("sync");
      SwitchCommand c = new SwitchCommand(); c.reset(); c.type = CommandType.AUTHORIZE; c.merchantId.set("M00000000000001"); c.orderId.set("TM20261111000001"); c.pan = 6222600000000006L; c.panLength = 16; c.amount = 12000; c.currency = 156;
      try (JournalWriter w = new JournalWriter(new JournalConfig(dir, sync))) {
        for (int i = 0; i < 1000; i++) w.append(c);
        long s = System.nanoTime();
        for (int i = 0; i < n; i++) { w.append(c); if (i % batch == batch - 1) w.syncIfConfigured(); }
        long ns = System.nanoTime() - s;
        System.out.printf("journal-sync=%s, batches of %d: %.2f us per append, %.0f appends/s%n", sync, batch, ns / 1e3 / n, n / (ns / 1e9));
      }
    }
  }
}
