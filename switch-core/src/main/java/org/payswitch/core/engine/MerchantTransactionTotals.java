package org.payswitch.core.engine;

/**
 * One row of the transaction report ({@code GET /v1/reports/transactions}, docs/api.md): the
 * totals of one merchant's transactions in one currency since the journal began, counts and sums
 * in minor units. {@code authorizations} counts approved authorizations and sales;
 * {@code chargedAmount} is {@code authorizedAmount - discountGranted}, what they held on the
 * cardholders' cards; a sale counts as a capture of its charged amount too; reversed and expired
 * amounts are the charged amounts of the holds released.
 *
 * @param currency ISO 4217 numeric code
 */
public record MerchantTransactionTotals(
    String merchantId,
    int currency,
    long authorizations,
    long authorizedAmount,
    long discountGranted,
    long chargedAmount,
    long captures,
    long capturedAmount,
    long refunds,
    long refundedAmount,
    long reversals,
    long reversedAmount,
    long expiries,
    long expiredAmount)
{
}
