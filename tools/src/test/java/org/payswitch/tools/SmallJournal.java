package org.payswitch.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;

/**
 * A small journal written by the real {@link JournalWriter}, as the switch writes it, for the
 * tests of {@code journal dump} and {@code journal tail}. Eight records, at {@link #NOON} + i ms:
 * <ol start="0">
 * <li>LOAD_DEMO_DATA of 10 cards, executed;</li>
 * <li>to 3. AUTHORIZE of 120.00 CNY at demo merchant i, order O{i}, demo card i, executed
 * (approved, transactions 1 to 3);</li>
 * <li>CAPTURE of transaction 1, executed;</li>
 * <li>AUTHORIZE declined 03 at merchant {@link #ODD_MERCHANT}, order {@link #ODD_ORDER} (ids with
 * a comma, quotes, a backslash, a line break and a byte above ASCII), as recorded, not executed;</li>
 * <li>AUTHORIZE approved as recorded, 80.00 CNY, a sale, transaction 77, discount 500 from campaign 3;</li>
 * <li>REFUND of 10.00 CNY of transaction 77, refund id R-1, approved as recorded.</li>
 * </ol>
 */
final class SmallJournal
{
    /** 2026-11-12T04:00:00Z. */
    static final long NOON = 1_794_456_000_000L;
    static final byte[] ODD_MERCHANT = "M,\"1".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] ODD_ORDER = "O\"2\\,\n\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    static final int RECORDS = 8;

    private final CommandExecutor executor =
        new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16)), DemoData::load);
    private final SwitchCommand command = new SwitchCommand();

    /** Writes the eight records into the journal of {@code dataDir}. */
    static void writeInto(final Path dataDir)
    {
        new SmallJournal().write(dataDir);
    }

    private void write(final Path dataDir)
    {
        try (JournalWriter writer = new JournalWriter(JournalConfig.in(dataDir)))
        {
            command.reset();
            command.type = CommandType.LOAD_DEMO_DATA;
            command.amount = 10;
            command.timestamp = NOON;
            executor.execute(command);
            writer.append(command);
            for (int i = 1; i <= 3; i++)
            {
                authorization(i, DemoData.merchantId(i), "O" + i, 12_000);
                command.pan = DemoData.pan(i);
                command.panLength = 16;
                command.expiry = DemoData.EXPIRY;
                executor.execute(command);
                writer.append(command);
            }
            command.reset();
            command.type = CommandType.CAPTURE;
            command.timestamp = NOON + 4;
            command.transactionId = 1;
            executor.execute(command);
            writer.append(command);

            authorization(5, "", "", 1_000);
            command.merchantId.set(ODD_MERCHANT, 0, ODD_MERCHANT.length);
            command.orderId.set(ODD_ORDER, 0, ODD_ORDER.length);
            command.responseCode = ResponseCode.INVALID_MERCHANT;
            writer.append(command);

            authorization(6, DemoData.merchantId(6), "O6", 8_000);
            command.capture = true;
            command.responseCode = ResponseCode.APPROVED;
            command.transaction.transactionId = 77;
            command.transaction.discount = 500;
            command.transaction.campaignNumber = 3;
            writer.append(command);

            command.reset();
            command.type = CommandType.REFUND;
            command.timestamp = NOON + 7;
            command.transactionId = 77;
            command.refundId.set("R-1");
            command.amount = 1_000;
            command.hasAmount = true;
            command.currency = DemoData.CNY;
            command.responseCode = ResponseCode.APPROVED;
            command.transaction.transactionId = 77;
            writer.append(command);
        }
    }

    /** A new authorization request of {@code amount} CNY minor units at {@link #NOON} + {@code i} ms. */
    private void authorization(final int i, final String merchantId, final String orderId, final long amount)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = NOON + i;
        command.merchantId.set(merchantId);
        command.orderId.set(orderId);
        command.amount = amount;
        command.currency = DemoData.CNY;
    }
}
