package org.payswitch.core.engine;

import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;

/**
 * A copy of one transaction, written by the engine into the command so that later stages
 * (journal, reply) read it without touching the engine's state from another thread.
 * Reused: every field is overwritten by {@link #clear()} or a fill.
 */
public final class TransactionView
{
    /** True when the view holds a transaction. */
    public boolean present;
    public long transactionId;
    public final AsciiField merchantId = new AsciiField(MerchantBook.MAX_ID_LENGTH);
    public final AsciiField orderId = new AsciiField(SwitchCommand.MAX_ORDER_ID_LENGTH);
    public TransactionStatus status;
    /** The authorization's own response code (the decision), not that of a later capture or refund. */
    public ResponseCode responseCode;
    /** Six ASCII characters when approved, else empty. */
    public final AsciiField authCode = new AsciiField(AuthCodes.LENGTH);
    public long amount;
    public long discount;
    public long chargedAmount;
    public long capturedAmount;
    public long refundedAmount;
    /** The campaign whose discount applied, or null. */
    public String campaignId;
    /**
     * The engine's number of that campaign, or -1: journaled with the decision so that recovery
     * applies the recorded discount without quoting again (docs/journal.md).
     */
    public int campaignNumber = -1;
    public int currency;
    public long pan;
    public int panLength;
    public int mcc;
    /** The gateway's receive stamp of the authorization, epoch milliseconds. */
    public long createdAt;

    /** Empties the view. */
    public void clear()
    {
        present = false;
        transactionId = 0;
        merchantId.clear();
        orderId.clear();
        status = null;
        responseCode = null;
        authCode.clear();
        amount = 0;
        discount = 0;
        chargedAmount = 0;
        capturedAmount = 0;
        refundedAmount = 0;
        campaignId = null;
        campaignNumber = -1;
        currency = 0;
        pan = 0;
        panLength = 0;
        mcc = 0;
        createdAt = 0;
    }
}
