import java.nio.file.*;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.*;
import org.payswitch.core.pipeline.*;
import org.payswitch.core.snapshot.*;

/**
 * The ring's pause for a snapshot (SnapshotWriter.take: the in-memory capture on the business
 * thread) and the write beside the ring, on an engine of 1 M demo cards + N authorizations
 * (arg N): first with the memory reserved ahead as SwitchNode does after recovery, then three
 * more with a writer that reserved nothing (its first capture allocates); then a restore.
 */
public class SnapshotPause {
  public static void main(String[] a) throws Exception {
    int n = Integer.parseInt(a[0]);
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
    Path dir = Files.createTempDirectory("snapshot-pause");
    SnapshotStore store = new SnapshotStore(dir);
    try (SnapshotWriter writer = SnapshotWriter.background(store)) {
      writer.prepare(live.snapshotSizeHint());
      java.util.concurrent.CountDownLatch prepared = new java.util.concurrent.CountDownLatch(1);
      writer.afterWrites(prepared::countDown); prepared.await();
      long pause = writer.take(live, 100) / 1_000_000;
      writer.awaitWrites(600_000);
      System.out.printf("snapshot with memory reserved ahead: ring paused %d ms%n", pause);
    }
    try (SnapshotWriter writer = SnapshotWriter.background(store)) {
      for (int r = 1; r <= 3; r++) {
        long pause = writer.take(live, r) / 1_000_000;
        long s = System.nanoTime(); writer.awaitWrites(600_000); long write = (System.nanoTime() - s) / 1_000_000;
        System.out.printf("snapshot %d: ring paused %d ms (capture), then written beside it in %d ms, %d MB%n",
            r, pause, write, Files.size(dir.resolve("snapshot-" + r + ".bin")) >> 20);
      }
    }
    long s = System.nanoTime();
    SwitchEngine restored = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, n));
    store.read(3, restored);
    System.out.printf("restore: %d ms, state hash equal %s%n", (System.nanoTime() - s) / 1_000_000, restored.stateHash() == live.stateHash());
  }
}
