package org.payswitch.tools;

import java.util.Arrays;

/**
 * The settlement report's sums for one day of the switch: per row (merchant and currency), the
 * events of {@link LedgerEvents} whose time falls in {@code [dayStart, dayEnd)}, counted and summed
 * in minor units. Authorized amounts are the amounts asked; the discount is what the day's
 * approvals granted, the charged amount what they held on the cardholders' cards (amount minus
 * discount); a sale counts as an authorization and as a capture of its charged amount. Reversed and
 * expired amounts are the holds released (charged amounts).
 */
final class SettlementTotals implements LedgerEvents
{
    static final int AUTHORIZATIONS = 0;
    static final int AUTHORIZED = 1;
    static final int DISCOUNT = 2;
    static final int CHARGED = 3;
    static final int CAPTURES = 4;
    static final int CAPTURED = 5;
    static final int REFUNDS = 6;
    static final int REFUNDED = 7;
    static final int REVERSALS = 8;
    static final int REVERSED = 9;
    static final int EXPIRIES = 10;
    static final int EXPIRED = 11;
    /** Figures per row. */
    static final int FIGURES = 12;
    /**
     * Each figure's name, in the order of the constants: the CSV's columns and the names of
     * docs/api.md's {@code GET /v1/reports/transactions}, where the switch keeps the same figures.
     */
    static final String[] NAMES = {"authorizations", "authorizedAmount", "discountGranted", "chargedAmount",
        "captures", "capturedAmount", "refunds", "refundedAmount", "reversals", "reversedAmount", "expiries",
        "expiredAmount"};

    private final long dayStart;
    private final long dayEnd;
    private long[] figures = new long[FIGURES * 1024];
    private boolean[] active = new boolean[1024];

    /** Sums of every event of the journal, whatever its day: the switch's transaction report. */
    static SettlementTotals allTime()
    {
        return new SettlementTotals(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Sums of the events in {@code [dayStart, dayEnd)}, epoch milliseconds. */
    SettlementTotals(final long dayStart, final long dayEnd)
    {
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
    }

    /** Figure {@code figure} (one of the constants) of {@code row}. */
    long figure(final int row, final int figure)
    {
        final int at = row * FIGURES + figure;
        return at < figures.length ? figures[at] : 0;
    }

    /** True when the row had an event on the day. */
    boolean active(final int row)
    {
        return row < active.length && active[row];
    }

    @Override
    public void authorized(
        final int txn, final int row, final long time, final long amount, final long discount, final int campaign,
        final boolean sale)
    {
        if (time < dayStart || time >= dayEnd)
        {
            return;
        }
        final int at = at(row);
        figures[at + AUTHORIZATIONS]++;
        figures[at + AUTHORIZED] += amount;
        figures[at + DISCOUNT] += discount;
        figures[at + CHARGED] += amount - discount;
        if (sale)
        {
            figures[at + CAPTURES]++;
            figures[at + CAPTURED] += amount - discount;
        }
    }

    @Override
    public void captured(final int txn, final int row, final long time, final long amount)
    {
        add(row, time, CAPTURES, amount);
    }

    @Override
    public void refunded(final int txn, final int row, final long time, final long amount)
    {
        add(row, time, REFUNDS, amount);
    }

    @Override
    public void reversed(final int txn, final int row, final long time, final long charged)
    {
        add(row, time, REVERSALS, charged);
    }

    @Override
    public void expired(final int txn, final int row, final long time, final long charged)
    {
        add(row, time, EXPIRIES, charged);
    }

    @Override
    public void discountRestored(final int campaign, final long time, final long discount)
    {
    }

    /** Counts one event and adds its amount: {@code countFigure} and the amount figure after it. */
    private void add(final int row, final long time, final int countFigure, final long amount)
    {
        if (time < dayStart || time >= dayEnd)
        {
            return;
        }
        final int at = at(row);
        figures[at + countFigure]++;
        figures[at + countFigure + 1] += amount;
    }

    private int at(final int row)
    {
        if (row >= active.length)
        {
            final int rows = Math.max(row + 1, active.length * 2);
            active = Arrays.copyOf(active, rows);
            figures = Arrays.copyOf(figures, rows * FIGURES);
        }
        active[row] = true;
        return row * FIGURES;
    }
}
