package org.payswitch.core.testing;

import java.time.OffsetDateTime;
import java.util.List;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.DiscountRule;
import org.payswitch.core.discount.OnReversal;

/** A campaign definition builder for tests: one valid campaign, changed one field at a time. */
public final class Campaigns
{
    private String campaignId = "TEST";
    private String funder = "Test Bank";
    private List<String> bins = List.of("518888");
    private List<Integer> mccs = List.of();
    private List<String> merchants = List.of();
    private int currency = DemoData.CNY;
    private OffsetDateTime startsAt = OffsetDateTime.parse("2026-11-11T00:00:00+08:00");
    private OffsetDateTime endsAt = OffsetDateTime.parse("2026-11-11T23:59:59+08:00");
    private long minAmount = 10_000;
    private DiscountRule rule = new DiscountRule.Fixed(1_000);
    private long perCard = CampaignDefinition.NO_LIMIT;
    private long perCardDaily = CampaignDefinition.NO_LIMIT;
    private long perCardMonthly = CampaignDefinition.NO_LIMIT;
    private long budget = 1_000_000;
    private long dailyBudget = CampaignDefinition.NO_LIMIT;
    private long maxRedemptions = CampaignDefinition.NO_LIMIT;
    private long dailyMaxRedemptions = CampaignDefinition.NO_LIMIT;
    private OnReversal onReversal = OnReversal.RESTORE;

    public static Campaigns campaign(final String id)
    {
        final Campaigns c = new Campaigns();
        c.campaignId = id;
        return c;
    }

    public Campaigns funder(final String value)
    {
        funder = value;
        return this;
    }

    public Campaigns bins(final String... value)
    {
        bins = List.of(value);
        return this;
    }

    public Campaigns mccs(final Integer... value)
    {
        mccs = List.of(value);
        return this;
    }

    public Campaigns merchants(final String... value)
    {
        merchants = List.of(value);
        return this;
    }

    public Campaigns currency(final int value)
    {
        currency = value;
        return this;
    }

    public Campaigns window(final String starts, final String ends)
    {
        startsAt = OffsetDateTime.parse(starts);
        endsAt = OffsetDateTime.parse(ends);
        return this;
    }

    public Campaigns minAmount(final long value)
    {
        minAmount = value;
        return this;
    }

    public Campaigns rule(final DiscountRule value)
    {
        rule = value;
        return this;
    }

    public Campaigns perCard(final long value)
    {
        perCard = value;
        return this;
    }

    public Campaigns perCardDaily(final long value)
    {
        perCardDaily = value;
        return this;
    }

    public Campaigns perCardMonthly(final long value)
    {
        perCardMonthly = value;
        return this;
    }

    public Campaigns budget(final long value)
    {
        budget = value;
        return this;
    }

    public Campaigns dailyBudget(final long value)
    {
        dailyBudget = value;
        return this;
    }

    public Campaigns maxRedemptions(final long value)
    {
        maxRedemptions = value;
        return this;
    }

    public Campaigns dailyMaxRedemptions(final long value)
    {
        dailyMaxRedemptions = value;
        return this;
    }

    public Campaigns onReversal(final OnReversal value)
    {
        onReversal = value;
        return this;
    }

    public CampaignDefinition build()
    {
        return new CampaignDefinition(campaignId, funder, bins, mccs, merchants, currency, startsAt, endsAt, minAmount,
            rule, perCard, perCardDaily, perCardMonthly, budget, dailyBudget, maxRedemptions, dailyMaxRedemptions,
            onReversal);
    }
}
