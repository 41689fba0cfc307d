package org.payswitch.core.engine;

import org.payswitch.core.discount.DiscountEngine;
import org.payswitch.core.discount.DiscountQuote;
import org.payswitch.core.domain.Money;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.domain.ZoneCalendar;

/**
 * What happens to a transaction after its authorization (docs/api.md section 2): capture
 * (full or partial, once; the rest of the hold released), reversal, refunds by refund id, and
 * expiry of holds in event time. A repeated identical request is answered, not applied twice.
 */
public final class TransactionLifecycle
{
    private final CardBook cards;
    private final MerchantBook merchants;
    private final TransactionStore transactions;
    private final RefundLedger refunds;
    private final HoldExpiryQueue holds;
    private final DiscountEngine discounts;
    private final ZoneCalendar calendar;
    private final TransactionViews views;
    private final TransactionTotals totals;
    private final long holdExpiryMillis;

    TransactionLifecycle(
        final CardBook cards,
        final MerchantBook merchants,
        final TransactionStore transactions,
        final RefundLedger refunds,
        final HoldExpiryQueue holds,
        final DiscountEngine discounts,
        final ZoneCalendar calendar,
        final TransactionViews views,
        final TransactionTotals totals,
        final long holdExpiryMillis)
    {
        this.cards = cards;
        this.merchants = merchants;
        this.transactions = transactions;
        this.refunds = refunds;
        this.holds = holds;
        this.discounts = discounts;
        this.calendar = calendar;
        this.views = views;
        this.totals = totals;
        this.holdExpiryMillis = holdExpiryMillis;
    }

    /**
     * The transaction a command names: by id when it carries one, else by (merchantId, orderId);
     * {@link TransactionStore#NOT_FOUND} when the switch does not know it.
     */
    public int findOriginal(final SwitchCommand command)
    {
        if (command.transactionId != 0)
        {
            return transactions.findById(command.transactionId);
        }
        final int merchant = merchants.find(command.merchantId);
        return merchant == MerchantBook.NOT_FOUND ? TransactionStore.NOT_FOUND :
            transactions.findByKey(merchant, command.orderId);
    }

    /** Captures the named authorization: the whole charged amount, or {@code amount} when given. */
    public void capture(final SwitchCommand command)
    {
        final int txn = findOriginal(command);
        if (txn == TransactionStore.NOT_FOUND)
        {
            command.responseCode = ResponseCode.UNABLE_TO_LOCATE_ORIGINAL;
            return;
        }
        final long charged = transactions.charged(txn);
        final long amount = command.hasAmount ? command.amount : charged;
        final TransactionStatus status = transactions.status(txn);
        if (status == TransactionStatus.AUTHORIZED)
        {
            if (amount <= 0 || amount > charged)
            {
                command.responseCode = ResponseCode.INVALID_AMOUNT;
            }
            else
            {
                transactions.setCaptured(txn, amount);
                transactions.setStatus(txn, TransactionStatus.CAPTURED);
                cards.release(transactions.card(txn), charged - amount);
                totals.captured(txn, amount);
                command.responseCode = ResponseCode.APPROVED;
            }
        }
        else
        {
            final boolean repeated = (status == TransactionStatus.CAPTURED || status == TransactionStatus.REFUNDED) &&
                transactions.captured(txn) == amount;
            command.responseCode = repeated ? ResponseCode.APPROVED : ResponseCode.INVALID_TRANSACTION;
        }
        views.fill(txn, command.transaction);
    }

    /** Reverses the named authorization: the hold is released, the discount handled per the campaign. */
    public void reverse(final SwitchCommand command)
    {
        final int txn = findOriginal(command);
        if (txn == TransactionStore.NOT_FOUND)
        {
            command.responseCode = ResponseCode.UNABLE_TO_LOCATE_ORIGINAL;
            return;
        }
        final TransactionStatus status = transactions.status(txn);
        if (status == TransactionStatus.AUTHORIZED)
        {
            final int card = transactions.card(txn);
            final long charged = transactions.charged(txn);
            cards.release(card, charged);
            cards.unspend(card, charged, calendar.epochDay(transactions.createdAt(txn)));
            transactions.setStatus(txn, TransactionStatus.REVERSED);
            totals.reversed(txn);
            giveBackDiscount(txn);
            command.responseCode = ResponseCode.APPROVED;
        }
        else
        {
            command.responseCode = status == TransactionStatus.REVERSED ? ResponseCode.APPROVED :
                ResponseCode.INVALID_TRANSACTION;
        }
        views.fill(txn, command.transaction);
    }

    /** Refunds {@code amount} of the named captured transaction under {@code refundId}. */
    public void refund(final SwitchCommand command)
    {
        if (command.refundId.length() == 0 || !command.refundId.isIdentifier() || !command.hasAmount)
        {
            command.responseCode = ResponseCode.FORMAT_ERROR;
            return;
        }
        final int txn = findOriginal(command);
        if (txn == TransactionStore.NOT_FOUND)
        {
            command.responseCode = ResponseCode.UNABLE_TO_LOCATE_ORIGINAL;
            return;
        }
        final int known = refunds.find(txn, command.refundId);
        if (known != RefundLedger.NOT_FOUND)
        {
            command.responseCode = refunds.amount(known) == command.amount ? ResponseCode.APPROVED :
                ResponseCode.DUPLICATE_TRANSMISSION;
        }
        else if (transactions.status(txn) != TransactionStatus.CAPTURED)
        {
            command.responseCode = ResponseCode.INVALID_TRANSACTION;
        }
        else if (!Money.isValidAmount(command.amount) ||
            command.amount > transactions.captured(txn) - transactions.refunded(txn))
        {
            command.responseCode = ResponseCode.INVALID_AMOUNT;
        }
        else
        {
            applyRefund(command, txn);
            command.responseCode = ResponseCode.APPROVED;
        }
        views.fill(txn, command.transaction);
    }

    private void applyRefund(final SwitchCommand command, final int txn)
    {
        final long refunded = transactions.refunded(txn) + command.amount;
        refunds.record(txn, command.refundId, command.amount);
        transactions.setRefunded(txn, refunded);
        cards.release(transactions.card(txn), command.amount);
        totals.refunded(txn, command.amount);
        if (refunded == transactions.captured(txn))
        {
            transactions.setStatus(txn, TransactionStatus.REFUNDED);
            giveBackDiscount(txn);
        }
    }

    /** Expires every open hold placed at or before {@code now - holdExpiry}; returns how many. */
    public int expireHolds(final long now)
    {
        int expired = 0;
        final long placedBefore = now - holdExpiryMillis;
        int txn;
        while ((txn = holds.peek()) != -1)
        {
            if (transactions.status(txn) != TransactionStatus.AUTHORIZED)
            {
                holds.poll();
                continue;
            }
            if (transactions.createdAt(txn) > placedBefore)
            {
                break;
            }
            holds.poll();
            cards.release(transactions.card(txn), transactions.charged(txn));
            transactions.setStatus(txn, TransactionStatus.EXPIRED);
            totals.expired(txn);
            giveBackDiscount(txn);
            expired++;
        }
        return expired;
    }

    private void giveBackDiscount(final int txn)
    {
        final int campaign = transactions.campaign(txn);
        if (campaign != DiscountQuote.NONE)
        {
            discounts.giveBack(campaign, transactions.card(txn), transactions.discount(txn),
                transactions.createdAt(txn));
        }
    }
}
