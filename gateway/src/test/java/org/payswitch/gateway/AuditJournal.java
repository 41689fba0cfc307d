package org.payswitch.gateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReader;
import org.payswitch.core.journal.JournalRecord;

/** Reads a stopped or running switch's journal (read-only), for tests: what it recorded, in order. */
final class AuditJournal
{
    private AuditJournal()
    {
    }

    /** The order ids of the authorizations journaled in data folder {@code dataDir}, in journal order, repeats kept. */
    static List<String> authorizationOrders(final Path dataDir)
    {
        final CardKeys keys = CardKeys.demo(dataDir);
        final JournalCards cards = JournalCards.forReading(keys);
        final SwitchCommand command = new SwitchCommand();
        final List<String> orders = new ArrayList<>();
        JournalReader.readAll(new JournalConfig(dataDir.resolve("journal"), false, keys).asReadOnly(), (buffer, offset, length, index) ->
        {
            if (JournalRecord.type(buffer, offset) == CommandType.AUTHORIZE)
            {
                JournalRecord.decodeRequest(buffer, offset, command, cards);
                orders.add(command.orderId.toString());
            }
        });
        return orders;
    }
}
