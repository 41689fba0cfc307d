package org.payswitch.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.MerchantDefinition;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.PayloadCodec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StatementReader} with {@link StatementLines} and {@link StatementTables} over records
 * encoded in memory by the journal's own {@link JournalRecord}: a card's transactions over two
 * years of the zone (a New Year's Eve in Shanghai that is still the old year in UTC), their ends
 * (a partial refund, an expiry, a reversal, a partial capture), another card's left out, the MCC
 * of a merchant redefined, and the per-year and per-MCC sums.
 */
class StatementReaderTest
{
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final long T0 = OffsetDateTime.parse("2025-12-31T20:00:00+08:00").toInstant().toEpochMilli();
    private static final long HOUR = 3_600_000L;

    private final SwitchCommand command = new SwitchCommand();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final StatementLines lines = new StatementLines();
    private final TransactionFold fold = new TransactionFold(Duration.ofHours(8), lines, Progress.none());
    private final StatementReader reader = new StatementReader(
        new CardInJournal(new PanInput.Card(DemoData.pan(1), 16), null), new MerchantMccs(), lines, fold);
    private long index;
    private long nextId = 1;

    @Test
    void shouldListTheCardsTransactionsWithTheirEndsAndSumThemPerYearAndCategory()
    {
        next(CommandType.LOAD_DEMO_DATA, T0 - HOUR, 0, 4);
        authorize(T0, 1, 1, 10_000, 5812);
        authorize(T0 + HOUR, 2, 1, 20_000, SwitchCommand.NO_MCC);
        authorize(T0 + HOUR, 1, 2, 99_000, SwitchCommand.NO_MCC);
        upsertMerchant(DemoData.merchantId(3), 7011);
        authorize(T0 + 5 * HOUR, 3, 1, 30_000, SwitchCommand.NO_MCC);
        authorize(T0 + 5 * HOUR, 4, 1, 40_000, SwitchCommand.NO_MCC);
        next(CommandType.CAPTURE, T0 + 6 * HOUR, 1, 0);
        next(CommandType.REFUND, T0 + 7 * HOUR, 1, 2_500);
        next(CommandType.REVERSAL, T0 + 7 * HOUR, 4, 0);
        next(CommandType.CAPTURE, T0 + 7 * HOUR, 5, 15_000);
        next(CommandType.EXPIRE_HOLDS, T0 + 10 * HOUR, 0, 0);

        assertThat(lines.lines()).extracting(line -> fold.transactionId(line.txn) + " " + line.status + " " +
            line.captured + " " + line.refunded + " " + line.mcc)
            .containsExactly("1 CAPTURED 10000 2500 5812", "2 EXPIRED 0 0 5732", "4 REVERSED 0 0 7011",
                "5 CAPTURED 15000 0 5948");

        final StatementTables tables = new StatementTables(lines.lines(), fold, SHANGHAI);
        assertThat(csv(tables.perYear())).isEqualTo("""
            YEAR,CUR,TXNS,AMOUNT,DISCOUNT,CHARGED,CAPTURED,REFUNDED,REVERSED,EXPIRED,HELD,SPENT
            2025,CNY,2,300.00,0.00,300.00,100.00,25.00,0.00,200.00,0.00,75.00
            2026,CNY,2,700.00,0.00,700.00,150.00,0.00,300.00,0.00,0.00,150.00
            TOTAL,CNY,4,1000.00,0.00,1000.00,250.00,25.00,300.00,200.00,0.00,225.00
            """);
        assertThat(csv(tables.perCategory())).isEqualTo("""
            MCC,CUR,TXNS,AMOUNT,DISCOUNT,CHARGED,CAPTURED,REFUNDED,REVERSED,EXPIRED,HELD,SPENT
            5732,CNY,1,200.00,0.00,200.00,0.00,0.00,0.00,200.00,0.00,0.00
            5812,CNY,1,100.00,0.00,100.00,100.00,25.00,0.00,0.00,0.00,75.00
            5948,CNY,1,400.00,0.00,400.00,150.00,0.00,0.00,0.00,0.00,150.00
            7011,CNY,1,300.00,0.00,300.00,0.00,0.00,300.00,0.00,0.00,0.00
            """);
        assertThat(csv(new StatementTables(lines.lines(), fold, ZoneId.of("UTC")).perYear()))
            .startsWith("YEAR,CUR,TXNS,AMOUNT,DISCOUNT,CHARGED,CAPTURED,REFUNDED,REVERSED,EXPIRED,HELD,SPENT\n" +
                "2025,CNY,4,");
    }

    private static String csv(final ReportTable table)
    {
        final StringWriter text = new StringWriter();
        final LineBuffer line = new LineBuffer(new PrintWriter(text));
        table.printCsv(line);
        line.flush();
        return text.toString();
    }

    /** An approved authorization of demo card {@code card} at merchant {@code merchant}, the next transaction id. */
    private void authorize(final long time, final int merchant, final int card, final long amount, final int mcc)
    {
        command.reset();
        command.type = CommandType.AUTHORIZE;
        command.timestamp = time;
        command.merchantId.set(DemoData.merchantId(merchant));
        command.orderId.set("O" + index);
        command.pan = DemoData.pan(card);
        command.panLength = 16;
        command.cardOnFile = card;
        command.amount = amount;
        command.currency = DemoData.CNY;
        command.mcc = mcc;
        command.responseCode = ResponseCode.APPROVED;
        command.transaction.transactionId = nextId++;
        append(new byte[0]);
    }

    private void upsertMerchant(final String merchantId, final int mcc)
    {
        command.reset();
        command.type = CommandType.UPSERT_MERCHANT;
        command.timestamp = T0 + HOUR;
        command.merchantDefinition = new MerchantDefinition(merchantId, "Hotel", mcc, true);
        command.responseCode = ResponseCode.APPROVED;
        append(PayloadCodec.encode(command, null));
    }

    /** An approved {@code type} naming transaction {@code id}, with {@code amount} when positive. */
    private void next(final CommandType type, final long time, final long id, final long amount)
    {
        command.reset();
        command.type = type;
        command.timestamp = time;
        command.transactionId = id;
        command.amount = amount;
        command.hasAmount = amount > 0;
        if (type == CommandType.REFUND)
        {
            command.refundId.set("R1");
        }
        command.responseCode = ResponseCode.APPROVED;
        command.transaction.transactionId = id;
        append(new byte[0]);
    }

    private void append(final byte[] payload)
    {
        final int length = JournalRecord.encode(command, buffer, 0, payload, payload.length, null);
        reader.onRecord(buffer, 0, length, index++);
    }
}
