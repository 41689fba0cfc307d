package org.payswitch.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;
import org.payswitch.core.journal.JournalReader;

/**
 * The journal folded ({@link TransactionFold}) and compared with the switch's answers at the
 * records they stand at ({@link SwitchAnswer}): after each record in an answer's window, the
 * journal's figures of that endpoint ({@link JournalFigures}) are compared with the answer's, also
 * with the holds the switch's query itself may have expired (each prefix of those due by the
 * time the answer arrived, {@link TransactionFold#forEachDueRestore}); the answer matches when
 * any of them is equal. An answer that never matches keeps the differences at the last record of
 * its window the journal holds (or at the journal's end, when it ends before the window).
 */
final class ReconcileFold implements JournalReader.RecordHandler
{
    /** Most holds due at the query's time tried one prefix after another. */
    static final int MAX_DUE_TRIED = 1_024;

    private final TransactionFold fold;
    private final CampaignTotals totals;
    private final List<SwitchAnswer> answers;
    private final boolean[] matched;
    private final List<List<Difference>> differences = new ArrayList<>();
    private long lastIndex = -1;

    ReconcileFold(final TransactionFold fold, final CampaignTotals totals, final List<SwitchAnswer> answers)
    {
        this.fold = fold;
        this.totals = totals;
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
            differences.set(a, compare(answers.get(a), JournalFigures.Extra.NONE));
        }
        return differences.get(a);
    }

    private void check(final int a)
    {
        final SwitchAnswer answer = answers.get(a);
        final List<Difference> now = compare(answer, JournalFigures.Extra.NONE);
        if (now.isEmpty() || dueRestoresMatch(answer))
        {
            matched[a] = true;
            return;
        }
        differences.set(a, now);
    }

    private boolean dueRestoresMatch(final SwitchAnswer answer)
    {
        final int size = Math.max(fold.campaigns().count(), totals.campaigns()) + 1;
        final long[] redemptions = new long[size];
        final long[] discount = new long[size];
        final int[] tried = {0};
        final boolean[] found = {false};
        fold.forEachDueRestore(answer.answeredAt(), (campaign, given) ->
        {
            if (found[0] || tried[0] >= MAX_DUE_TRIED || campaign >= size)
            {
                return;
            }
            tried[0]++;
            redemptions[campaign]++;
            discount[campaign] += given;
            found[0] = compare(answer, new JournalFigures.Extra(Arrays.copyOf(redemptions, size),
                Arrays.copyOf(discount, size))).isEmpty();
        });
        return found[0];
    }

    private List<Difference> compare(final SwitchAnswer answer, final JournalFigures.Extra extra)
    {
        final NamedFigures journal = answer.endpoint().equals("/v1/campaigns") ?
            JournalFigures.campaigns(fold.campaigns(), totals, extra) :
            JournalFigures.discounts(fold.campaigns(), totals, extra);
        return journal.differences(answer.endpoint(), answer.figures());
    }
}
