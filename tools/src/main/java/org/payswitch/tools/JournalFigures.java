package org.payswitch.tools;

import java.util.LinkedHashMap;
import java.util.Map;

import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.domain.Currencies;

/**
 * The operator endpoints' figures worked out of a journal fold ({@link CampaignBook},
 * {@link CampaignTotals}, {@link SettlementTotals}), named as {@link SwitchFigureParser} names the
 * switch's answers, the way the switch's {@code Campaign} and {@code FunderSettlement} keep them:
 * on {@code /v1/campaigns} redemptions and discount granted net of what RESTORE gave back and the
 * budget left; on {@code /v1/reports/discounts} the gross figures, what was given back and what is
 * owed, per campaign and summed per funder; on {@code /v1/reports/transactions} the settlement
 * figures of the whole journal per merchant and currency.
 */
final class JournalFigures
{

    private JournalFigures()
    {
    }

    /** The figures of {@code GET /v1/campaigns}. */
    static NamedFigures campaigns(final CampaignBook book, final CampaignTotals totals)
    {
        final NamedFigures figures = new NamedFigures();
        for (int c = 0; c < count(book, totals); c++)
        {
            final String name = "campaign " + id(book, c);
            final long redemptions = totals.redemptions(c) - totals.restoredRedemptions(c);
            final long granted = totals.granted(c) - totals.restored(c);
            figures.put(name + " redemptions", redemptions);
            figures.put(name + " discountGranted", granted);
            final CampaignDefinition definition = book.definition(c);
            if (definition != null)
            {
                figures.put(name + " remainingBudget",
                    definition.budget() == CampaignDefinition.NO_LIMIT ? -1 : definition.budget() - granted);
            }
        }
        return figures;
    }

    /** The figures of {@code GET /v1/reports/discounts}. */
    static NamedFigures discounts(final CampaignBook book, final CampaignTotals totals)
    {
        final NamedFigures figures = new NamedFigures();
        final Map<String, long[]> funders = new LinkedHashMap<>();
        for (int c = 0; c < count(book, totals); c++)
        {
            final String name = "campaign " + id(book, c);
            final long restored = totals.restored(c);
            figures.put(name + " redemptions", totals.redemptions(c));
            figures.put(name + " discountGranted", totals.granted(c));
            figures.put(name + " redemptionsRestored", totals.restoredRedemptions(c));
            figures.put(name + " discountRestored", restored);
            figures.put(name + " discountOwed", totals.granted(c) - restored);
            final CampaignDefinition definition = book.definition(c);
            final long[] sum = funders.computeIfAbsent(definition == null ? "?" : definition.funder(), f -> new long[2]);
            sum[0] += totals.granted(c);
            sum[1] += restored;
        }
        funders.forEach((funder, sum) ->
        {
            final String name = "funder '" + funder + "'";
            figures.put(name + " discountGranted", sum[0]);
            figures.put(name + " discountRestored", sum[1]);
            figures.put(name + " discountOwed", sum[0] - sum[1]);
        });
        return figures;
    }

    /**
     * The figures of {@code GET /v1/reports/transactions}: per merchant and currency with any
     * approved authorization, the settlement figures of the whole journal.
     */
    static NamedFigures transactions(final MerchantRows rows, final SettlementTotals totals)
    {
        final NamedFigures figures = new NamedFigures();
        for (int row = 0; row < rows.count(); row++)
        {
            if (totals.active(row))
            {
                final String name = transactionsRow(rows.merchantId(row), Currencies.alphaOf(rows.currency(row)));
                for (int figure = 0; figure < SettlementTotals.FIGURES; figure++)
                {
                    figures.put(name + SettlementTotals.NAMES[figure], totals.figure(row, figure));
                }
            }
        }
        return figures;
    }

    /** The name of a transaction report's row, before each figure's: {@code merchant M1 CNY }. */
    static String transactionsRow(final String merchantId, final String currency)
    {
        return "merchant " + merchantId + " " + currency + " ";
    }

    private static int count(final CampaignBook book, final CampaignTotals totals)
    {
        return Math.max(book.count(), totals.campaigns());
    }

    private static String id(final CampaignBook book, final int campaign)
    {
        final CampaignDefinition definition = book.definition(campaign);
        return definition == null ? "#" + campaign + " (not created in this journal)" : definition.campaignId();
    }
}
