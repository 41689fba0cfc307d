import java.nio.file.*;
import org.payswitch.core.engine.*;
import org.payswitch.core.journal.*;
import org.payswitch.core.pipeline.*;
import org.payswitch.core.snapshot.*;
import org.payswitch.core.demo.DemoData;

public class Measure {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]); boolean sync = a.length > 1 && a[1].equals("sync");
    Path dir = Files.createTempDirectory("measure");
    JournalConfig jc = new JournalConfig(dir.resolve("journal"), sync);
    SwitchEngine live = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n));
    CommandExecutor ex = new CommandExecutor(live, new SnapshotStore(dir.resolve("snapshots")));
    SwitchCommand c = new SwitchCommand();
    long t0 = System.nanoTime();
    try (JournalWriter w = new JournalWriter(jc)) {
      c.reset(); c.type = CommandType.LOAD_DEMO_DATA; c.amount = 1_000_000; c.timestamp = 1_793_000_000_000L; ex.execute(c); w.append(c);
      for (int i = 0; i < n; i++) {
        c.reset(); c.type = CommandType.AUTHORIZE; c.timestamp = 1_793_000_000_000L + i / 1000;
        c.merchantId.set(DemoData.merchantId(i % 1000)); c.orderId.set("O" + i);
        c.pan = DemoData.pan(i % 1_000_000); c.panLength = 16; c.expiry = 3012; c.amount = 10_000 + i % 5000; c.currency = 156;
        ex.execute(c); w.append(c);
      }
    }
    long t1 = System.nanoTime();
    System.out.printf("journaled %d authorizations (+1M demo cards) in %d ms (%s)%n", n, (t1-t0)/1_000_000, sync ? "journal-sync" : "no sync");
    for (int r = 0; r < 3; r++) {
      SwitchEngine rec = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n));
      long s = System.nanoTime();
      long count = JournalReplayer.replay(jc, new CommandExecutor(rec));
      long ms = (System.nanoTime() - s) / 1_000_000;
      System.out.printf("replay: %d records in %d ms = %.2f M records/s, hash equal %s%n", count, ms, count / (ms / 1000.0) / 1e6, rec.stateHash() == live.stateHash());
    }
    SnapshotStore st = new SnapshotStore(dir.resolve("snapshots"));
    for (int r = 0; r < 3; r++) {
      long s = System.nanoTime(); long h = live.stateHash(); long hashMs = (System.nanoTime() - s) / 1_000_000;
      s = System.nanoTime(); st.write(live, 10 + r); long ms = (System.nanoTime() - s) / 1_000_000;
      System.out.printf("snapshot of 1M cards + %d transactions: %d ms (of which state hash %d ms), %d MB%n", n, ms, hashMs, Files.size(dir.resolve("snapshots/snapshot-" + (10 + r) + ".bin")) >> 20);
    }
    long s = System.nanoTime(); SwitchEngine restored = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n)); st.read(12, restored);
    System.out.printf("restore snapshot: %d ms%n", (System.nanoTime() - s) / 1_000_000);
  }
}
