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
        transactions.copyTo(txn, view);
        merchants.copyId(transactions.merchant(txn), view.merchantId);
        transactions.copyOrderId(txn, view.orderId);
        if (view.responseCode.isApproved())
        {
            AuthCodes.write(view.transactionId, view.authCode);
        }
        else
        {
            view.authCode.clear();
        }
        view.campaignId = view.campaignNumber == DiscountQuote.NONE ? null : discounts.campaignId(view.campaignNumber);
    }
}
