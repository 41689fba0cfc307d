package org.payswitch.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.OnReversal;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.PayloadCodec;

/**
 * The campaigns a journal created, numbered as the engine numbers them (in order of creation, the
 * number a discounted authorization records): from each approved CREATE_CAMPAIGN record's payload,
 * and the three demo campaigns of an approved LOAD_DEMO_DATA record (DemoData creates them after
 * the demo cards). Operator commands are rare, so a definition is decoded into objects.
 */
final class CampaignBook
{
    private final List<CampaignDefinition> definitions = new ArrayList<>();
    private final SwitchCommand scratch = new SwitchCommand();
    private boolean[] restores = new boolean[16];

    /** Number of campaigns known. */
    int count()
    {
        return definitions.size();
    }

    /** Campaign {@code number}'s definition, or null when the journal did not create it (it began later). */
    CampaignDefinition definition(final int number)
    {
        return number >= 0 && number < definitions.size() ? definitions.get(number) : null;
    }

    /**
     * True when campaign {@code number} gives its discount back on a reversal, expiry or full
     * refund (RESTORE); false for CONSUME and for a campaign the journal does not define.
     */
    boolean restores(final int number)
    {
        return number >= 0 && number < definitions.size() && restores[number];
    }

    /** Adds the campaign of the approved CREATE_CAMPAIGN record at {@code offset}. */
    void create(final DirectBuffer buffer, final int offset)
    {
        final byte[] payload = new byte[JournalRecord.payloadLength(buffer, offset)];
        buffer.getBytes(offset + JournalRecord.payloadOffset(buffer, offset), payload);
        scratch.reset();
        PayloadCodec.decode(payload, JournalRecord.version(buffer, offset), null, scratch);
        if (scratch.campaignDefinition != null)
        {
            add(scratch.campaignDefinition);
        }
    }

    /** Adds the demo campaigns, as an approved LOAD_DEMO_DATA record created them. */
    void loadDemo()
    {
        DemoData.campaigns().forEach(this::add);
    }

    private void add(final CampaignDefinition definition)
    {
        final int number = definitions.size();
        definitions.add(definition);
        if (number == restores.length)
        {
            restores = Arrays.copyOf(restores, number * 2);
        }
        restores[number] = definition.onReversal() == OnReversal.RESTORE;
    }
}
