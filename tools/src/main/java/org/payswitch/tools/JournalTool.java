package org.payswitch.tools;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.concurrent.Callable;

import org.agrona.DirectBuffer;
import org.payswitch.core.crypto.KeyFileException;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalCorruptException;
import org.payswitch.core.journal.JournalReader;
import org.payswitch.core.journal.JournalRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints a switch's journal, one line per record, oldest first: what was asked and what was
 * decided (docs/journal.md has the format). For operators: what did the switch answer to this
 * merchant's order, even while the switch is down. PANs are masked to their first 6 and last 4
 * digits; operator payloads (card definitions carry PANs) are shown by size only. Card data the
 * switch sealed (PANs not on file) opens only with the switch's key file ({@code --card-key-file};
 * without it, the demo key file beside the data folder if there is one): without the key, the
 * tool says which key is missing. Read-only: it may run beside a live switch.
 * <p>Without a subcommand it prints as it always has (scripts rely on it); {@code journal dump}
 * ({@link JournalDumpCommand}) and {@code journal tail} ({@link JournalTailCommand}) print
 * columns in a chosen format, with more filters, and need no key.
 */
@Command(name = "journal", mixinStandardHelpOptions = true,
    subcommands = {JournalDumpCommand.class, JournalTailCommand.class},
    description = {"Prints the journal's records (PANs masked), optionally only those of a merchant, order or transaction.",
        "dump: every record selected, as a table, CSV or JSON Lines; tail: the last ones, -f to follow."})
final class JournalTool implements Callable<Integer>
{
    @Mixin
    CardKeyOptions keys;

    @Option(names = "--merchant", description = "only records of this merchant id")
    String merchant;

    @Option(names = "--order-id", description = "only records of this order id (DE 37 for ISO 8583)")
    String orderId;

    @Option(names = "--transaction-id", description = "only records that name or decided this transaction id")
    Long transactionId;

    @Option(names = "--limit", description = "print at most this many records, 0 for all (default: ${DEFAULT-VALUE})")
    int limit = 1_000;

    @Spec
    CommandSpec spec;

    private final SwitchCommand command = new SwitchCommand();
    private long read;
    private long shown;
    private String problem;
    private JournalCards cards;
    private long current;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final JournalConfig config = JournalConfig.in(keys.dataDir, keys.forReading()).asReadOnly();
        if (!Files.isDirectory(config.directory()))
        {
            spec.commandLine().getErr().println("journal: no journal in " + config.directory());
            return 2;
        }
        cards = JournalCards.forReading(config.cardKeys());
        try
        {
            JournalReader.readAll(config, (buffer, offset, length, index) -> print(out, buffer, offset, index));
        }
        catch (final JournalCorruptException e)
        {
            problem = e.getMessage();
        }
        catch (final KeyFileException e)
        {
            out.printf("%d record(s) read, %d shown%n", read, shown);
            out.flush();
            spec.commandLine().getErr().println("journal: record " + Long.toHexString(current) + ": " + e.getMessage());
            return 2;
        }
        out.printf("%d record(s) read, %d shown%n", read, shown);
        out.flush();
        if (problem != null)
        {
            spec.commandLine().getErr().println("journal: " + problem);
            return 1;
        }
        return 0;
    }

    private void print(final PrintWriter out, final DirectBuffer buffer, final int offset, final long index)
    {
        read++;
        if (problem != null || (limit > 0 && shown >= limit))
        {
            return;
        }
        current = index;
        JournalRecord.decodeRequest(buffer, offset, command, cards);
        JournalRecord.decodeDecision(buffer, offset, command);
        if (!selected())
        {
            return;
        }
        shown++;
        final StringBuilder line = new StringBuilder(160)
            .append(Long.toHexString(index))
            .append(' ').append(Instant.ofEpochMilli(command.timestamp))
            .append(' ').append(command.type)
            .append(" code=").append(command.responseCode == null ? "-" : command.responseCode.code());
        if (command.merchantId.length() > 0)
        {
            line.append(" merchant=").append(command.merchantId);
        }
        if (command.orderId.length() > 0)
        {
            line.append(" order=").append(command.orderId);
        }
        if (command.panLength > 0)
        {
            line.append(" pan=").append(Pan.maskTruncated(JournalRecord.truncatedPan(buffer, offset), command.panLength));
        }
        if (command.type == CommandType.AUTHORIZE || command.hasAmount)
        {
            line.append(" amount=").append(command.amount);
            final String currency = Currencies.alphaOf(command.currency);
            if (currency != null)
            {
                line.append(' ').append(currency);
            }
        }
        if (command.capture)
        {
            line.append(" sale");
        }
        if (command.transactionId != 0)
        {
            line.append(" of=").append(command.transactionId);
        }
        if (command.refundId.length() > 0)
        {
            line.append(" refund=").append(command.refundId);
        }
        if (command.transaction.transactionId != 0)
        {
            line.append(" txn=").append(command.transaction.transactionId);
        }
        if (command.transaction.discount != 0)
        {
            line.append(" discount=").append(command.transaction.discount)
                .append(" campaign#").append(command.transaction.campaignNumber);
        }
        if (JournalRecord.payloadLength(buffer, offset) > 0)
        {
            line.append(" payload=").append(JournalRecord.payloadLength(buffer, offset)).append("B");
        }
        out.println(line);
    }

    private boolean selected()
    {
        return (merchant == null || merchant.contentEquals(command.merchantId)) &&
            (orderId == null || orderId.contentEquals(command.orderId)) &&
            (transactionId == null || command.transactionId == transactionId ||
                command.transaction.transactionId == transactionId);
    }
}
