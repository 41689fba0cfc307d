package org.payswitch.tools;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.payswitch.core.journal.JournalReader;

/**
 * The journal folded ({@link TransactionFold}) and compared with the switch's answers at the
 * records they stand at ({@link SwitchAnswer}): after each record in an answer's window, the
 * journal's figures of that endpoint ({@link JournalFigures}) are compared with the answer's; the
 * answer matches when they are equal after any of them. A query changes nothing in the switch (it
 * does not even move event time, so it expires no hold: {@code SwitchEngine.execute}), so the state
 * it answered from is the state after one of those records. An answer that never matches keeps the
 * differences at the last record of its window the journal holds (or at the journal's end, when it
 * ends before the window).
 */
final class ReconcileFold implements JournalReader.RecordHandler
{
    private final TransactionFold fold;
    private final CampaignTotals totals;
    private final SettlementTotals transactionTotals;
    private final List<SwitchAnswer> answers;
    private final boolean[] matched;
    private final List<List<Difference>> differences = new ArrayList<>();
    private long lastIndex = -1;

    /**
     * Compares {@code answers} with the figures {@code fold} gives {@code totals} (campaigns) and
     * {@code transactionTotals} (all-time settlement figures), both fed by that fold.
     */
    ReconcileFold(
        final TransactionFold fold,
        final CampaignTotals totals,
        final SettlementTotals transactionTotals,
        final List<SwitchAnswer> answers)
    {
        this.fold = fold;
        this.totals = totals;
        this.transactionTotals = transactionTotals;
        this.answers = answers;
        this.matched = new boolean[answers.size()];
        answers.forEach(a -> differences.add(null));
    }

    @Override
    public void onRecord(final DirectBuffer buffer, final int offset, final int length, final long index)
    {
        fold.onRecord(buffer, offset, length, index);
        lastIndex = index;
        for (int a = 0; a < answers.size(); a++)
        {
            if (!matched[a] && answers.get(a).covers(index))
            {
                check(a);
            }
        }
    }

    /** The index of the last record read, -1 for none. */
    long lastIndex()
    {
        return lastIndex;
    }

    /** True when answer {@code a} matched the journal at a record of its window. */
    boolean matched(final int a)
    {
        return matched[a];
    }

    /**
     * Every difference of answer {@code a}: none when it matched, else those at the last record of
     * its window the journal holds, or at the journal's end when the journal stopped before it.
     */
    List<Difference> differences(final int a)
    {
        if (matched[a])
        {
            return List.of();
        }
        if (differences.get(a) == null)
        {
            differences.set(a, compare(answers.get(a)));
        }
        return differences.get(a);
    }

    /** Compares answer {@code a} with the state after the record just read. */
    private void check(final int a)
    {
        final List<Difference> found = compare(answers.get(a));
        differences.set(a, found);
        matched[a] = found.isEmpty();
    }

    private List<Difference> compare(final SwitchAnswer answer)
    {
        final NamedFigures journal = switch (answer.endpoint())
        {
            case SwitchReader.CAMPAIGNS -> JournalFigures.campaigns(fold.campaigns(), totals);
            case SwitchReader.DISCOUNTS -> JournalFigures.discounts(fold.campaigns(), totals);
            case SwitchReader.TRANSACTIONS -> JournalFigures.transactions(fold.rows(), transactionTotals);
            default -> throw new IllegalArgumentException("no journal figures for " + answer.endpoint());
        };
        return journal.differences(answer.endpoint(), answer.figures());
    }
}
