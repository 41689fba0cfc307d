package org.payswitch.tools;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.journal.JournalReader;
import org.payswitch.core.journal.JournalRecord;

/**
 * The statement's one pass over the journal: each record first tells the card's identity
 * ({@link CardInJournal}: card definitions) and the merchants' categories ({@link MerchantMccs}),
 * then, for an authorization, {@link StatementLines} whether it is the card's, and then goes to the
 * {@link TransactionFold}, which works out every transaction's life and reports the card's to the
 * lines. The fold sees every record: whether a capture or an expiry applies depends on all of them.
 */
final class StatementReader implements JournalReader.RecordHandler
{
    private final CardInJournal card;
    private final MerchantMccs mccs;
    private final StatementLines lines;
    private final TransactionFold fold;
    private final byte[] merchantId = new byte[64];

    StatementReader(final CardInJournal card, final MerchantMccs mccs, final StatementLines lines,
        final TransactionFold fold)
    {
        this.card = card;
        this.mccs = mccs;
        this.lines = lines;
        this.fold = fold;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        final CommandType type = JournalRecord.type(buffer, offset);
        if (type == CommandType.AUTHORIZE)
        {
            if (card.authorizes(buffer, offset))
            {
                lines.expect(mccs.of(buffer, offset, merchantId(buffer, offset)));
            }
            fold.onRecord(buffer, offset, length, index);
            lines.expectNone();
            return;
        }
        if (JournalRecord.responseCode(buffer, offset) == ResponseCode.APPROVED)
        {
            switch (type)
            {
                case UPSERT_CARD -> card.upsert(buffer, offset, index);
                case UPSERT_MERCHANT -> mccs.upsert(buffer, offset);
                case LOAD_DEMO_DATA ->
                {
                    card.loadDemo((int)JournalRecord.amount(buffer, offset));
                    mccs.loadDemo();
                }
                default ->
                {
                }
            }
        }
        fold.onRecord(buffer, offset, length, index);
    }

    private String merchantId(final DirectBuffer buffer, final int offset)
    {
        final int length = buffer.getByte(offset + JournalRecord.MERCHANT_ID_LENGTH_OFFSET);
        buffer.getBytes(offset + JournalRecord.MERCHANT_ID_OFFSET, merchantId, 0, length);
        return new String(merchantId, 0, length, StandardCharsets.US_ASCII);
    }
}
