package org.payswitch.tools;

/**
 * Two folds of the same events in one pass over the journal: every event goes to {@code first},
 * then to {@code second}. A transaction's row is looked up when either needs it.
 */
final class LedgerTee implements LedgerEvents
{
    private final LedgerEvents first;
    private final LedgerEvents second;

    LedgerTee(final LedgerEvents first, final LedgerEvents second)
    {
        this.first = first;
        this.second = second;
    }

    @Override
    public boolean needsRow()
    {
        return first.needsRow() || second.needsRow();
    }

    @Override
    public void authorized(
        final int txn, final int row, final long time, final long amount, final long discount, final int campaign,
        final boolean sale)
    {
        first.authorized(txn, row, time, amount, discount, campaign, sale);
        second.authorized(txn, row, time, amount, discount, campaign, sale);
    }

    @Override
    public void captured(final int txn, final int row, final long time, final long amount)
    {
        first.captured(txn, row, time, amount);
        second.captured(txn, row, time, amount);
    }

    @Override
    public void refunded(final int txn, final int row, final long time, final long amount)
    {
        first.refunded(txn, row, time, amount);
        second.refunded(txn, row, time, amount);
    }

    @Override
    public void reversed(final int txn, final int row, final long time, final long charged)
    {
        first.reversed(txn, row, time, charged);
        second.reversed(txn, row, time, charged);
    }

    @Override
    public void expired(final int txn, final int row, final long time, final long charged)
    {
        first.expired(txn, row, time, charged);
        second.expired(txn, row, time, charged);
    }

    @Override
    public void discountRestored(final int campaign, final long time, final long discount)
    {
        first.discountRestored(campaign, time, discount);
        second.discountRestored(campaign, time, discount);
    }
}
