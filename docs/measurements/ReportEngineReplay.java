import java.nio.file.Path;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.*;
import org.payswitch.core.journal.*;

/** tools/README.md, "report": writes a journal by executing on the engine (100 000 demo cards, n commands, every tenth a capture), or times its replay into a fresh engine. */
public class ReportEngineReplay {
  public static void main(String[] a) {
    Path data = Path.of(a[0]); int n = Integer.parseInt(a[1]);
    if (a[2].equals("write")) {
      SwitchEngine live = new SwitchEngine(EngineConfig.defaults().withExpected(100_000, n));
      CommandExecutor ex = new CommandExecutor(live, DemoData::load);
      SwitchCommand c = new SwitchCommand();
      try (JournalWriter w = new JournalWriter(JournalConfig.in(data))) {
        c.reset(); c.type = CommandType.LOAD_DEMO_DATA; c.amount = 100_000; c.timestamp = 1_794_456_000_000L; ex.execute(c); w.append(c);
        long auths = 0;
        for (int i = 0; i < n; i++) {
          c.reset(); c.timestamp = 1_794_456_000_000L + i / 4;
          if (i % 10 == 9) { c.type = CommandType.CAPTURE; c.transactionId = 1 + (i % auths); }
          else { c.type = CommandType.AUTHORIZE; c.merchantId.set(DemoData.merchantId(i % 1000)); c.orderId.set("T" + i);
            c.pan = DemoData.pan(i % 100_000); c.panLength = 16; c.expiry = 3012; c.amount = 1_000 + i % 1024; c.currency = 156; auths++; }
          ex.execute(c); w.append(c);
        }
      }
      System.out.println("written");
    } else {
      long s = System.nanoTime();
      SwitchEngine rec = new SwitchEngine(EngineConfig.defaults().withExpected(100_000, n));
      long count = JournalReplayer.replay(JournalConfig.in(data), new CommandExecutor(rec, DemoData::load));
      double secs = (System.nanoTime() - s) / 1e9;
      System.out.printf("engine replay: %d records in %.2f s = %.2f M records/s (%d transactions)%n", count, secs, count / secs / 1e6, rec.transactionCount());
      rec.discounts().settlement(rec.eventTime()).forEach(f -> f.campaigns().forEach(c -> System.out.println(c.definition().campaignId() + " gross " + c.grossRedemptions() + " " + c.grossDiscount() + " restored " + c.restoredRedemptions() + " " + c.restoredDiscount())));
    }
  }
}
