package org.payswitch.tools;

import java.nio.file.Path;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;

/**
 * Writes a large journal with the switch's own {@link JournalWriter}, for measuring
 * {@code journal dump}'s throughput (tools/README.md): {@code main(dataDir, records)}. Records as a
 * switch at its peak writes them: approved authorizations of demo cards on file (journaled by card
 * number and truncated PAN), one merchant in 1 000, an ISO DE 37-style order id, 10.00-20.23 CNY,
 * a discount on one in five; every tenth record a capture of an earlier transaction. With a third
 * argument {@code demo}, the first record is an approved LOAD_DEMO_DATA of the 1 000 000 demo cards,
 * so the cards the authorizations name by number are defined in the journal ({@code report statement}
 * finds a card by its definition). Not a test: a program run by hand (its command is in tools/README.md).
 */
public final class ThroughputJournal
{
    private ThroughputJournal()
    {
    }

    public static void main(final String[] args)
    {
        final Path dataDir = Path.of(args[0]);
        final long records = Long.parseLong(args[1]);
        final long start = 1_794_456_000_000L;
        final SwitchCommand command = new SwitchCommand();
        final long began = System.nanoTime();
        try (JournalWriter writer = new JournalWriter(JournalConfig.in(dataDir)))
        {
            if (args.length > 2 && args[2].equals("demo"))
            {
                command.reset();
                command.type = CommandType.LOAD_DEMO_DATA;
                command.timestamp = start;
                command.amount = 1_000_000;
                command.responseCode = ResponseCode.APPROVED;
                writer.append(command);
            }
            long transactions = 0;
            for (long i = 0; i < records; i++)
            {
                command.reset();
                command.timestamp = start + i / 4;
                if (i % 10 == 9)
                {
                    command.type = CommandType.CAPTURE;
                    command.transactionId = 1 + i % transactions;
                    command.responseCode = ResponseCode.APPROVED;
                    command.transaction.transactionId = command.transactionId;
                }
                else
                {
                    final int card = (int)(i % 1_000_000);
                    command.type = CommandType.AUTHORIZE;
                    command.merchantId.set(DemoData.merchantId((int)(i % 1_000)));
                    command.orderId.set(orderId(i));
                    command.pan = DemoData.pan(card);
                    command.panLength = 16;
                    command.cardOnFile = card;
                    command.amount = 1_000 + i % 1_024;
                    command.currency = DemoData.CNY;
                    command.responseCode = ResponseCode.APPROVED;
                    command.transaction.transactionId = ++transactions;
                    if (i % 5 == 0)
                    {
                        command.transaction.discount = 100;
                        command.transaction.campaignNumber = (int)(i % 3);
                    }
                }
                writer.append(command);
            }
        }
        System.out.printf("%d records written to %s in %.1f s%n", records, dataDir,
            (System.nanoTime() - began) / 1e9);
    }

    private static String orderId(final long i)
    {
        final String digits = Long.toString(i);
        return "TM" + "0".repeat(Math.max(0, 10 - digits.length())) + digits;
    }
}
