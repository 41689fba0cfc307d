package org.payswitch.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link NamedFigures}: every figure that differs, or that only one side has, is a difference. */
class NamedFiguresTest
{
    @Test
    void shouldListEveryFigureThatDiffersOrThatOnlyOneSideHas()
    {
        final NamedFigures journal = figures("campaign A redemptions", 3, "campaign A discountGranted", 3_000,
            "campaign B redemptions", 1);
        final NamedFigures switchSide = figures("campaign A redemptions", 2, "campaign A discountGranted", 3_000,
            "campaign C redemptions", 5);

        assertThat(journal.differences("/v1/campaigns", switchSide)).extracting(Difference::line).containsExactly(
            "/v1/campaigns campaign A redemptions: journal 3, switch 2",
            "/v1/campaigns campaign C redemptions: journal none, switch 5",
            "/v1/campaigns campaign B redemptions: journal 1, switch none");
        assertThat(journal.sameAs(switchSide)).isFalse();
    }

    @Test
    void shouldFindNoDifferenceBetweenTheSameFiguresInAnotherOrder()
    {
        final NamedFigures journal = figures("funder 'X' discountOwed", 10, "campaign A redemptions", 0);
        final NamedFigures switchSide = figures("campaign A redemptions", 0, "funder 'X' discountOwed", 10);

        assertThat(journal.differences("/v1/reports/discounts", switchSide)).isEmpty();
        assertThat(journal.sameAs(switchSide)).isTrue();
        assertThat(journal.plus(figures("funder 'Y' discountOwed", 1)).size()).isEqualTo(3);
    }

    private static NamedFigures figures(final Object... namesAndValues)
    {
        final NamedFigures figures = new NamedFigures();
        for (int i = 0; i < namesAndValues.length; i += 2)
        {
            figures.put((String)namesAndValues[i], ((Number)namesAndValues[i + 1]).longValue());
        }
        return figures;
    }
}
