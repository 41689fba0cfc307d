import java.nio.file.*;
import java.time.*;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.*;
import org.payswitch.core.journal.*;
import org.payswitch.core.pipeline.*;
import org.payswitch.core.snapshot.*;
/**
 * Times Recovery.recover (marker search, reserve, replay) of the journal that ReplayOnly.java
 * wrote to /tmp/replay-journal, twice, into an engine sized like SwitchNode's (arg: expected
 * transactions, 1048576 in SwitchNode). Run ReplayOnly first.
 */
public class RecoveryTime {
  public static void main(String[] a) throws Exception {
    int expected = Integer.parseInt(a[0]);
    JournalConfig jc = new JournalConfig(Path.of("/tmp/replay-journal"), false);
    for (int r = 0; r < 2; r++) {
      SwitchEngine e = new SwitchEngine(new EngineConfig(ZoneId.of("Asia/Shanghai"), Duration.ofDays(7), 1_000_000, expected));
      Recovery.Result res = Recovery.recover(jc, new SnapshotStore(Path.of("/tmp/replay-snapshots")), new CommandExecutor(e, DemoData::load));
      System.out.printf("recovery: %d records in %d ms = %.2f M/s (%d transactions)%n", res.replayedRecords(), res.millis(), res.replayedRecords() / (res.millis() / 1000.0) / 1e6, e.transactionCount());
    }
  }
}
