package org.payswitch.tools;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.payswitch.core.journal.JournalReader;

/**
 * The journal folded ({@link TransactionFold}) and compared with the switch's answers at the
 * records they stand at ({@link SwitchAnswer}): after each record in an answer's window, the
 * journal's figures of that endpoint ({@link JournalFigures}) are compared with the answer's, also
 * with the holds the switch's query itself expired (those due when it was sent, and each further
 * prefix of those due when the answer arrived, {@link TransactionFold#forEachDueRestore}); the
 * answer matches when any of them is equal. An answer that never matches keeps the differences at the last record of
 * its window the journal holds (or at the journal's end, when it ends before the window).
 */
final class ReconcileFold implements JournalReader.RecordHandler
{
    /** Most holds that may have come due while the query travelled, tried one prefix after another. */
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

    /**
     * Compares answer {@code a} with the state after the record just read: the holds due by the
     * time its query was sent were certainly expired by the query (the switch stamps a request
     * when it arrives, by the same clock), those due by the time the answer arrived may have
     * been; each of those prefixes is tried, in the engine's order.
     */
    private void check(final int a)
    {
        final SwitchAnswer answer = answers.get(a);
        final int size = Math.max(fold.campaigns().count(), totals.campaigns()) + 1;
        final long[] redemptions = new long[size];
        final long[] discount = new long[size];
        final long[] certain = {0};
        fold.forEachDueRestore(answer.sentAt(), (campaign, given) ->
        {
            certain[0]++;
            redemptions[campaign]++;
            discount[campaign] += given;
        });
        final List<Difference> found = compare(answer, extra(redemptions, discount));
        differences.set(a, found);
        if (found.isEmpty())
        {
            matched[a] = true;
            return;
        }
        final long[] seen = {0};
        fold.forEachDueRestore(answer.answeredAt(), (campaign, given) ->
        {
            if (matched[a] || seen[0]++ < certain[0] || seen[0] > certain[0] + MAX_DUE_TRIED)
            {
                return;
            }
            redemptions[campaign]++;
            discount[campaign] += given;
            matched[a] = compare(answer, extra(redemptions, discount)).isEmpty();
        });
    }

    private static JournalFigures.Extra extra(final long[] redemptions, final long[] discount)
    {
        return new JournalFigures.Extra(redemptions.clone(), discount.clone());
    }

    private List<Difference> compare(final SwitchAnswer answer, final JournalFigures.Extra extra)
    {
        final NamedFigures journal = answer.endpoint().equals(SwitchReader.CAMPAIGNS) ?
            JournalFigures.campaigns(fold.campaigns(), totals, extra) :
            JournalFigures.discounts(fold.campaigns(), totals, extra);
        return journal.differences(answer.endpoint(), answer.figures());
    }
}
