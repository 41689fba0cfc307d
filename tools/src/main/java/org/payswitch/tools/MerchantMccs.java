package org.payswitch.tools;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalRecord;
import org.payswitch.core.journal.PayloadCodec;

/**
 * Each merchant's category code (MCC) as the engine holds it at a point of the journal: set by an
 * approved UPSERT_MERCHANT (its payload, in clear) and by an approved LOAD_DEMO_DATA (the demo
 * merchants of docs/api.md section 5). An authorization that carries no MCC of its own is of its
 * merchant's MCC at that moment ({@code Authorizer}), which only this can tell: the record keeps
 * the request's MCC, -1 when none. Merchant definitions are rare records; a map is enough.
 */
final class MerchantMccs
{
    private final Map<String, Integer> mccs = new HashMap<>();
    private final SwitchCommand scratch = new SwitchCommand();

    /** The demo merchants, as an approved LOAD_DEMO_DATA defines them. */
    void loadDemo()
    {
        for (int j = 0; j < DemoData.MERCHANTS; j++)
        {
            mccs.put(DemoData.merchantId(j), DemoData.MCCS[j % DemoData.MCCS.length]);
        }
    }

    /** The approved UPSERT_MERCHANT record at {@code offset}. */
    void upsert(final DirectBuffer buffer, final int offset)
    {
        final byte[] payload = new byte[JournalRecord.payloadLength(buffer, offset)];
        buffer.getBytes(offset + JournalRecord.payloadOffset(buffer, offset), payload);
        scratch.reset();
        PayloadCodec.decode(payload, JournalRecord.version(buffer, offset), null, scratch);
        if (scratch.merchantDefinition != null)
        {
            mccs.put(scratch.merchantDefinition.merchantId(), scratch.merchantDefinition.mcc());
        }
    }

    /**
     * The MCC of the AUTHORIZE record at {@code offset} of merchant {@code merchantId}: the
     * request's, else the merchant's now; {@link SwitchCommand#NO_MCC} when neither is known.
     */
    int of(final DirectBuffer buffer, final int offset, final String merchantId)
    {
        final int requested = buffer.getInt(offset + JournalRecord.MCC_OFFSET, ByteOrder.LITTLE_ENDIAN);
        if (requested != SwitchCommand.NO_MCC)
        {
            return requested;
        }
        return mccs.getOrDefault(merchantId, SwitchCommand.NO_MCC);
    }
}
