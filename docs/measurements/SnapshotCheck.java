import java.nio.file.*;
import org.payswitch.core.engine.*;
import org.payswitch.core.snapshot.*;
/**
 * What recovery's whole-file check of a snapshot costs beside its restore: run SnapshotRestore.java
 * N first (it writes /tmp/snapx), then this, which times SnapshotStore.problem (header, length,
 * CRC-32C of the body) and a restore, twice each.
 */
public class SnapshotCheck {
  public static void main(String[] a) {
    SnapshotStore store = new SnapshotStore(Path.of("/tmp/snapx"));
    for (int r = 0; r < 2; r++) {
      long s = System.nanoTime();
      String problem = store.problem(1);
      long checked = System.nanoTime();
      SwitchEngine restored = new SwitchEngine(EngineConfig.defaults().withExpected(1_000_000, 1 << 20));
      store.read(1, restored);
      System.out.printf("check: %d ms (%s), restore: %d ms (%d transactions)%n", (checked - s) / 1_000_000,
        problem == null ? "whole" : problem, (System.nanoTime() - checked) / 1_000_000, restored.transactionCount());
    }
  }
}
