package org.payswitch.tools;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The switch's answers to {@code GET /v1/campaigns}, {@code GET /v1/reports/discounts} and
 * {@code GET /v1/reports/transactions} (docs/api.md) as {@link NamedFigures}, named as {@link JournalFigures} names the
 * journal's. Only the figures the journal determines are taken: not a campaign's status (it
 * depends on the time of the query and on pauses) nor its definition.
 */
final class SwitchFigureParser
{
    private SwitchFigureParser()
    {
    }

    /** The figures of a {@code GET /v1/campaigns} answer: a JSON array of campaigns. */
    static NamedFigures campaigns(final JsonNode answer)
    {
        final NamedFigures figures = new NamedFigures();
        for (final JsonNode campaign : array(answer, "GET /v1/campaigns"))
        {
            final String name = "campaign " + text(campaign, "campaignId");
            figures.put(name + " redemptions", number(campaign, "redemptions"));
            figures.put(name + " discountGranted", number(campaign, "discountGranted"));
            figures.put(name + " remainingBudget", number(campaign, "remainingBudget"));
        }
        return figures;
    }

    /** The figures of a {@code GET /v1/reports/discounts} answer: {@code {"funders":[...]}}. */
    static NamedFigures discounts(final JsonNode answer)
    {
        final NamedFigures campaigns = new NamedFigures();
        final NamedFigures funders = new NamedFigures();
        for (final JsonNode funder : array(answer.path("funders"), "GET /v1/reports/discounts"))
        {
            for (final JsonNode campaign : array(funder.path("campaigns"), "GET /v1/reports/discounts"))
            {
                final String name = "campaign " + text(campaign, "campaignId");
                campaigns.put(name + " redemptions", number(campaign, "redemptions"));
                campaigns.put(name + " discountGranted", number(campaign, "discountGranted"));
                campaigns.put(name + " redemptionsRestored", number(campaign, "redemptionsRestored"));
                campaigns.put(name + " discountRestored", number(campaign, "discountRestored"));
                campaigns.put(name + " discountOwed", number(campaign, "discountOwed"));
            }
            final String name = "funder '" + text(funder, "funder") + "'";
            funders.put(name + " discountGranted", number(funder, "discountGranted"));
            funders.put(name + " discountRestored", number(funder, "discountRestored"));
            funders.put(name + " discountOwed", number(funder, "discountOwed"));
        }
        return campaigns.plus(funders);
    }

    /**
     * The figures of a {@code GET /v1/reports/transactions} answer: {@code {"merchants":[...]}}, each
     * merchant and currency's figures named as {@link JournalFigures#transactions} names them.
     */
    static NamedFigures transactions(final JsonNode answer)
    {
        final NamedFigures figures = new NamedFigures();
        for (final JsonNode merchant : array(answer.path("merchants"), "GET /v1/reports/transactions"))
        {
            final String name = JournalFigures.transactionsRow(text(merchant, "merchantId"),
                text(merchant, "currency"));
            for (final String figure : SettlementTotals.NAMES)
            {
                figures.put(name + figure, number(merchant, figure));
            }
        }
        return figures;
    }

    private static Iterable<JsonNode> array(final JsonNode node, final String endpoint)
    {
        if (node == null || !node.isArray())
        {
            throw new IllegalArgumentException(endpoint + " did not answer the array docs/api.md describes");
        }
        return node;
    }

    private static String text(final JsonNode node, final String field)
    {
        final JsonNode value = node.get(field);
        if (value == null || !value.isTextual())
        {
            throw new IllegalArgumentException("the switch's answer has no text " + field);
        }
        return value.asText();
    }

    private static long number(final JsonNode node, final String field)
    {
        final JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber())
        {
            throw new IllegalArgumentException("the switch's answer has no whole number " + field);
        }
        return value.asLong();
    }
}
