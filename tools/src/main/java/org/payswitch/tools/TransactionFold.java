package org.payswitch.tools;

import java.time.Duration;

import org.agrona.DirectBuffer;
import org.payswitch.core.domain.AsciiField;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.HoldExpiryQueue;
import org.payswitch.core.engine.RefundLedger;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalReader;

/**
 * A journal folded into money events ({@link LedgerEvents}) in one pass, without the engine: the
 * engine's transaction life (docs/api.md section 2, {@code TransactionLifecycle}) redone over the
 * recorded decisions, in primitive columns ({@link TransactionColumns}). Recovery trusts the same
 * decisions: it applies authorizations as recorded and checks that every capture, reversal and
 * refund decides again as recorded, so the journal's codes are the engine's.
 *
 * <ul>
 *   <li>Event time is the largest timestamp of any record so far but a snapshot marker
 *       (TAKE_SNAPSHOT is not executed by the engine); when a record moves it forward, holds are
 *       expired first, exactly as {@code TransactionLifecycle.expireHolds} does: oldest placed
 *       first, each once its authorization's timestamp is at or before event time minus the hold
 *       expiry, stopping at the first that is not due. An expiry has no record of its own.</li>
 *   <li>An authorization creates a transaction when its decision names the next transaction id
 *       (approved or declined); one naming an earlier id is an answered retry and changes nothing.
 *       Codes 30, 94 and an unknown merchant's 03 name none.</li>
 *   <li>An approved capture of an open hold captures the amount it carried, else the whole
 *       charged amount; one of a captured transaction is a repeat. An approved reversal of an
 *       open hold reverses it; of a reversed one, a repeat. An approved refund with a refund id
 *       not seen for the transaction refunds its amount; the refund that brings the refunded sum
 *       to the captured amount refunds it fully.</li>
 *   <li>A reversal, an expiry or a full refund gives a RESTORE campaign's discount back.</li>
 * </ul>
 * Records naming a transaction before the journal's first (older files deleted by
 * {@code journal-retention-days}) are counted in {@link #outside()}; an approved decision that does
 * not fit the state worked out (which recovery would refuse) in {@link #unfit()}, as is an
 * authorization naming a transaction id past the next (the ids skipped are kept as transactions
 * nothing can be counted of, so the ones after still line up).
 */
final class TransactionFold implements JournalReader.RecordHandler
{
    /** The row of a transaction whose events did not need one ({@link LedgerEvents#needsRow}). */
    static final int NO_ROW = -1;

    /** Most transaction ids an authorization may skip and still be taken as the next (the rest kept as gaps). */
    private static final long MAX_GAP = 1_000_000;

    private final long holdExpiryMillis;
    private final LedgerEvents events;
    private final RecordView record = new RecordView();
    private final TransactionColumns transactions = new TransactionColumns();
    /** Open holds in the order placed, as the engine keeps them; closed ones dropped at the head. */
    private final HoldExpiryQueue holds = new HoldExpiryQueue();
    private final RefundLedger refunds = new RefundLedger();
    private final AsciiField refundId = new AsciiField(SwitchCommand.MAX_REFUND_ID_LENGTH);
    private final byte[] idBytes = new byte[64];
    private final MerchantRows rows = new MerchantRows();
    private final CampaignBook campaigns = new CampaignBook();
    private final Progress progress;
    private long eventTime = Long.MIN_VALUE;
    private long firstId;
    private long records;
    private long outside;
    private long unfit;

    TransactionFold(final Duration holdExpiry, final LedgerEvents events, final Progress progress)
    {
        this.holdExpiryMillis = holdExpiry.toMillis();
        this.events = events;
        this.progress = progress;
    }

    MerchantRows rows()
    {
        return rows;
    }

    CampaignBook campaigns()
    {
        return campaigns;
    }

    /** Records read. */
    long records()
    {
        return records;
    }

    /** Transactions created. */
    int transactions()
    {
        return transactions.count();
    }

    /** The switch's transaction id of transaction number {@code txn} (as {@link LedgerEvents} number them). */
    long transactionId(final int txn)
    {
        return firstId + txn;
    }

    /** Event time after the last record: the latest timestamp read. */
    long eventTime()
    {
        return eventTime;
    }

    /** Records naming a transaction the journal does not hold (created before its first record). */
    long outside()
    {
        return outside;
    }

    /** Approved records that do not fit the state worked out before them. */
    long unfit()
    {
        return unfit;
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        records++;
        progress.update(records);
        record.wrap(buffer, offset, index);
        final CommandType type = record.type();
        if (type == CommandType.TAKE_SNAPSHOT)
        {
            return;
        }
        final long time = record.timestamp();
        if (time > eventTime)
        {
            eventTime = time;
            expireHolds(time);
        }
        final ResponseCode code = record.responseCode();
        if (type == CommandType.AUTHORIZE)
        {
            authorize(buffer, offset, time, code);
            return;
        }
        if (code != ResponseCode.APPROVED)
        {
            return;
        }
        switch (type)
        {
            case CAPTURE -> capture(time);
            case REVERSAL -> reverse(time);
            case REFUND -> refund(time);
            case CREATE_CAMPAIGN -> campaigns.create(buffer, offset);
            case LOAD_DEMO_DATA -> campaigns.loadDemo();
            default ->
            {
            }
        }
    }

    private void authorize(final DirectBuffer buffer, final int offset, final long time, final ResponseCode code)
    {
        final long id = record.resultTransactionId();
        if (code == null || code == ResponseCode.SYSTEM_MALFUNCTION || id == 0)
        {
            return;
        }
        if (transactions.count() == 0 && firstId == 0)
        {
            firstId = id;
        }
        final long next = firstId + transactions.count();
        if (id < next)
        {
            if (id < firstId)
            {
                outside++;
            }
            return;
        }
        if (id - next > MAX_GAP)
        {
            unfit++;
            return;
        }
        final int row = events.needsRow() ? rows.of(buffer, offset, record.currency()) : NO_ROW;
        if (id > next)
        {
            unfit++;
            for (long missing = next; missing < id; missing++)
            {
                transactions.append(row, TransactionColumns.DECLINED, -1, 0, 0, time);
            }
        }
        if (!code.isApproved())
        {
            transactions.append(row, TransactionColumns.DECLINED, -1, 0, 0, time);
            return;
        }
        final long amount = record.amount();
        final long discount = record.discount();
        final int campaign = record.campaign();
        final boolean sale = record.sale();
        final int txn = transactions.append(row, sale ? TransactionColumns.CAPTURED : TransactionColumns.AUTHORIZED,
            campaign, amount - discount, discount, time);
        if (!sale)
        {
            holds.add(txn);
        }
        events.authorized(txn, row, time, amount, discount, campaign, sale);
    }

    private void capture(final long time)
    {
        final int txn = named();
        if (txn < 0)
        {
            return;
        }
        final byte status = transactions.status(txn);
        if (status == TransactionColumns.AUTHORIZED)
        {
            final long amount = record.hasAmount() ? record.amount() : transactions.openAmount(txn);
            transactions.setStatus(txn, TransactionColumns.CAPTURED);
            transactions.setOpenAmount(txn, amount);
            events.captured(txn, transactions.row(txn), time, amount);
        }
        else if (status != TransactionColumns.CAPTURED && status != TransactionColumns.REFUNDED)
        {
            unfit++;
        }
    }

    private void reverse(final long time)
    {
        final int txn = named();
        if (txn < 0)
        {
            return;
        }
        final byte status = transactions.status(txn);
        if (status == TransactionColumns.AUTHORIZED)
        {
            transactions.setStatus(txn, TransactionColumns.REVERSED);
            events.reversed(txn, transactions.row(txn), time, transactions.openAmount(txn));
            restoreDiscount(txn, time);
        }
        else if (status != TransactionColumns.REVERSED)
        {
            unfit++;
        }
    }

    private void refund(final long time)
    {
        final int txn = named();
        if (txn < 0)
        {
            return;
        }
        refundId.set(idBytes, 0, record.copyRefundId(idBytes));
        if (refunds.find(txn, refundId) != RefundLedger.NOT_FOUND)
        {
            return;
        }
        final long amount = record.amount();
        final long open = transactions.openAmount(txn);
        if (transactions.status(txn) != TransactionColumns.CAPTURED || amount > open)
        {
            unfit++;
            return;
        }
        refunds.record(txn, refundId, amount);
        transactions.setOpenAmount(txn, open - amount);
        events.refunded(txn, transactions.row(txn), time, amount);
        if (open == amount)
        {
            transactions.setStatus(txn, TransactionColumns.REFUNDED);
            restoreDiscount(txn, time);
        }
    }

    /** Expires every open hold due at {@code now}, as the engine does when event time moves there. */
    private void expireHolds(final long now)
    {
        final long placedBefore = now - holdExpiryMillis;
        int txn;
        while ((txn = holds.peek()) != -1)
        {
            if (transactions.status(txn) != TransactionColumns.AUTHORIZED)
            {
                holds.poll();
                continue;
            }
            if (transactions.placedAt(txn) > placedBefore)
            {
                break;
            }
            holds.poll();
            transactions.setStatus(txn, TransactionColumns.EXPIRED);
            events.expired(txn, transactions.row(txn), now, transactions.openAmount(txn));
            restoreDiscount(txn, now);
        }
    }

    private void restoreDiscount(final int txn, final long time)
    {
        final int campaign = transactions.campaign(txn);
        if (campaign >= 0 && campaigns.restores(campaign))
        {
            events.discountRestored(campaign, time, transactions.discount(txn));
        }
    }

    /** The transaction the decision named, or -1 (counted) when the journal does not hold it. */
    private int named()
    {
        final long number = record.resultTransactionId() - firstId;
        if (firstId == 0 || number < 0 || number >= transactions.count())
        {
            outside++;
            return -1;
        }
        return (int)number;
    }
}
