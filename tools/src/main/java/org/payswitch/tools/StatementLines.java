package org.payswitch.tools;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Int2IntHashMap;
import org.payswitch.core.domain.TransactionStatus;

/**
 * One card's transactions as {@link TransactionFold} works out their lives: a line per approved
 * authorization or sale of the card, in journal order, kept up to date by the captures, refunds,
 * reversals and expiries of the same transaction. Which authorizations are the card's is said
 * record by record ({@link #expect}, {@link #expectNone}) by {@link StatementReader}, before the fold
 * sees the record; the events of other transactions cost one lookup in a primitive map.
 */
final class StatementLines implements LedgerEvents
{
    /** What {@link #expect} was last given when the record being folded is not the card's. */
    private static final int NOT_THE_CARD = Integer.MIN_VALUE;

    /** One transaction of the card. Amounts in minor units of the merchant row's currency. */
    static final class Line
    {
        final int txn;
        final int row;
        final long time;
        final int mcc;
        final long amount;
        final long discount;
        final int campaign;
        long captured;
        long refunded;
        TransactionStatus status;

        Line(final int txn, final int row, final long time, final int mcc, final long amount, final long discount,
            final int campaign, final boolean sale)
        {
            this.txn = txn;
            this.row = row;
            this.time = time;
            this.mcc = mcc;
            this.amount = amount;
            this.discount = discount;
            this.campaign = campaign;
            this.status = sale ? TransactionStatus.CAPTURED : TransactionStatus.AUTHORIZED;
            this.captured = sale ? charged() : 0;
        }

        /** Amount minus discount: the hold placed, the most that can be captured. */
        long charged()
        {
            return amount - discount;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final Int2IntHashMap lineOfTransaction = new Int2IntHashMap(-1);
    private int expectedMcc = NOT_THE_CARD;

    /** The card's transactions, in journal order. */
    List<Line> lines()
    {
        return lines;
    }

    /** The record folded next is the card's authorization, of merchant category {@code mcc}. */
    void expect(final int mcc)
    {
        expectedMcc = mcc;
    }

    /** The record folded next is not an authorization of the card. */
    void expectNone()
    {
        expectedMcc = NOT_THE_CARD;
    }

    /** Only the card's transactions need their merchant's row. */
    @Override
    public boolean needsRow()
    {
        return expectedMcc != NOT_THE_CARD;
    }

    @Override
    public void authorized(
        final int txn, final int row, final long time, final long amount, final long discount, final int campaign,
        final boolean sale)
    {
        if (expectedMcc == NOT_THE_CARD)
        {
            return;
        }
        lineOfTransaction.put(txn, lines.size());
        lines.add(new Line(txn, row, time, expectedMcc, amount, discount, campaign, sale));
    }

    @Override
    public void captured(final int txn, final int row, final long time, final long amount)
    {
        final Line line = line(txn);
        if (line != null)
        {
            line.captured = amount;
            line.status = TransactionStatus.CAPTURED;
        }
    }

    @Override
    public void refunded(final int txn, final int row, final long time, final long amount)
    {
        final Line line = line(txn);
        if (line != null)
        {
            line.refunded += amount;
            if (line.refunded == line.captured)
            {
                line.status = TransactionStatus.REFUNDED;
            }
        }
    }

    @Override
    public void reversed(final int txn, final int row, final long time, final long charged)
    {
        final Line line = line(txn);
        if (line != null)
        {
            line.status = TransactionStatus.REVERSED;
        }
    }

    @Override
    public void expired(final int txn, final int row, final long time, final long charged)
    {
        final Line line = line(txn);
        if (line != null)
        {
            line.status = TransactionStatus.EXPIRED;
        }
    }

    @Override
    public void discountRestored(final int campaign, final long time, final long discount)
    {
    }

    private Line line(final int txn)
    {
        final int at = lineOfTransaction.get(txn);
        return at < 0 ? null : lines.get(at);
    }
}
