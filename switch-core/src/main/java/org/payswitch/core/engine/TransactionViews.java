package org.payswitch.core.engine;

import org.payswitch.core.discount.DiscountEngine;
import org.payswitch.core.discount.DiscountQuote;

/** Copies a stored transaction into a {@link TransactionView}, so answers never read live state. */
public final class TransactionViews
{
    private final TransactionStore transactions;
    private final MerchantBook merchants;
    private final DiscountEngine discounts;

    public TransactionViews(
        final TransactionStore transactions, final MerchantBook merchants, final DiscountEngine discounts)
    {
        this.transactions = transactions;
        this.merchants = merchants;
        this.discounts = discounts;
    }

    /** Fills {@code view} with transaction {@code txn} as it stands now. */
    public void fill(final int txn, final TransactionView view)
    {
        view.present = true;
        view.transactionId = TransactionStore.idOf(txn);
        merchants.copyId(transactions.merchant(txn), view.merchantId);
        transactions.copyOrderId(txn, view.orderId);
        view.status = transactions.status(txn);
        view.responseCode = transactions.responseCode(txn);
        if (view.responseCode.isApproved())
        {
            AuthCodes.write(view.transactionId, view.authCode);
        }
        else
        {
            view.authCode.clear();
        }
        view.amount = transactions.amount(txn);
        view.discount = transactions.discount(txn);
        view.chargedAmount = view.amount - view.discount;
        view.capturedAmount = transactions.captured(txn);
        view.refundedAmount = transactions.refunded(txn);
        final int campaign = transactions.campaign(txn);
        view.campaignId = campaign == DiscountQuote.NONE ? null : discounts.campaignId(campaign);
        view.campaignNumber = campaign;
        view.currency = transactions.currency(txn);
        view.pan = transactions.pan(txn);
        view.panLength = transactions.panLength(txn);
        view.mcc = transactions.mcc(txn);
        view.createdAt = transactions.createdAt(txn);
    }
}
