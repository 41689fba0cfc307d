package org.payswitch.core.discount;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.EngineFixture;
import org.payswitch.core.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/**
 * For any sequence of authorizations, sales, reversals, captures, refunds and time advances on a
 * few cards and three small campaigns: granted + remaining == budget, and the engine's figures and
 * per-card uses agree with a model counted here from the answers, which never exceeds a limit.
 * Each sequence comes from a seed ({@link Seeds}).
 */
class DiscountModelPropertiesTest
{
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int[] CARDS = {3, 7, 11, 15};
    private static final String[] IDS = {"ONCE", "PCT-RESTORE", "RED-CONSUME"};
    private static final long[] PER_CARD = {1, 3, CampaignDefinition.NO_LIMIT};
    private static final long[] PER_DAY = {CampaignDefinition.NO_LIMIT, 1, 1};
    private static final long[] PER_MONTH = {CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, 2};
    private static final long[] BUDGET = {4_500, 7_777, 6_000};
    private static final long[] DAILY_BUDGET = {CampaignDefinition.NO_LIMIT, CampaignDefinition.NO_LIMIT, 2_000};
    private static final boolean[] RESTORE = {true, true, false};

    record Step(int kind, int card, long amount, int target, int hours)
    {
    }

    /** One discounted, approved transaction as the model sees it. */
    static final class Redemption
    {
        final long id;
        final int campaign;
        final int card;
        final long discount;
        final LocalDate day;
        boolean open = true;
        boolean givenBack;

        Redemption(final long id, final int campaign, final int card, final long discount, final LocalDate day)
        {
            this.id = id;
            this.campaign = campaign;
            this.card = card;
            this.discount = discount;
            this.day = day;
        }
    }

    /** 1..80 steps drawn from the seed. */
    static List<Step> steps(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int size = Seeds.between(random, 1, 80);
        final List<Step> steps = new ArrayList<>(size);
        for (int i = 0; i < size; i++)
        {
            steps.add(new Step(Seeds.between(random, 0, 9), Seeds.between(random, 0, 3),
                Seeds.between(random, 1L, 40_000L), Seeds.between(random, 0, 1_000), Seeds.between(random, 1, 60)));
        }
        return steps;
    }

    @Test
    void shouldKeepBudgetsAndPerCardLimitsWhateverHappens()
    {
        Seeds.check(120, seed -> check(steps(seed)));
    }

    private static void check(final List<Step> steps)
    {
        final EngineFixture fx = EngineFixture.withoutCampaigns();
        final String start = "2026-11-01T00:00:00+08:00";
        final String end = "2027-06-01T00:00:00+08:00";
        fx.campaign(campaign(IDS[0]).perCard(PER_CARD[0]).budget(BUDGET[0]).minAmount(5_000).window(start, end)
            .build());
        fx.campaign(campaign(IDS[1]).rule(new DiscountRule.Percent(1_000, 3_000)).perCard(PER_CARD[1])
            .perCardDaily(PER_DAY[1]).budget(BUDGET[1]).minAmount(1_000).window(start, end).build());
        fx.campaign(campaign(IDS[2]).rule(new DiscountRule.RandomAmount(100, 1_500)).perCardDaily(PER_DAY[2])
            .perCardMonthly(PER_MONTH[2]).budget(BUDGET[2]).dailyBudget(DAILY_BUDGET[2]).onReversal(OnReversal.CONSUME)
            .minAmount(500).window(start, end).build());

        final List<Long> approved = new ArrayList<>();
        final Map<Long, Redemption> redemptions = new HashMap<>();
        int order = 0;
        for (final Step step : steps)
        {
            final long target = approved.isEmpty() ? 1 : approved.get(step.target() % approved.size());
            final SwitchCommand answer;
            switch (step.kind())
            {
                case 0, 1, 2 -> answer = fx.authorize("O" + order++, CARDS[step.card()], step.amount());
                case 3 -> answer = fx.sale("O" + order++, CARDS[step.card()], step.amount());
                case 4 -> answer = fx.reverse(target);
                case 5 -> answer = fx.capture(target);
                case 6 ->
                {
                    final SwitchCommand txn = fx.get(target);
                    final long rest = txn.transaction.capturedAmount - txn.transaction.refundedAmount;
                    answer = fx.refund(target, "F" + order++, Math.max(1, rest));
                }
                case 7 -> answer = fx.refund(target, "P" + order++, 1 + step.amount() % 3_000);
                case 8 -> answer = fx.advance(Duration.ofHours(step.hours())).tick();
                default -> answer = fx.advance(Duration.ofDays(step.hours() % 9)).tick();
            }
            if (step.kind() <= 3 && answer.responseCode == ResponseCode.APPROVED)
            {
                final long id = answer.transaction.transactionId;
                approved.add(id);
                assertThat(answer.transaction.discount).isBetween(0L, step.amount() - 1);
                assertThat(answer.transaction.chargedAmount).isEqualTo(step.amount() - answer.transaction.discount);
                if (answer.transaction.discount > 0)
                {
                    final int campaign = List.of(IDS).indexOf(answer.transaction.campaignId);
                    assertThat(campaign).isNotNegative();
                    redemptions.put(id, new Redemption(id, campaign, CARDS[step.card()], answer.transaction.discount,
                        Instant.ofEpochMilli(answer.transaction.createdAt).atZone(SHANGHAI).toLocalDate()));
                }
            }
            else if (step.kind() <= 3)
            {
                assertThat(answer.transaction.discount).isZero();
            }
            for (final Redemption redemption : redemptions.values())
            {
                if (redemption.open)
                {
                    final TransactionStatus status = fx.get(redemption.id).transaction.status;
                    if (status == TransactionStatus.REVERSED || status == TransactionStatus.EXPIRED ||
                        status == TransactionStatus.REFUNDED)
                    {
                        redemption.open = false;
                        redemption.givenBack = RESTORE[redemption.campaign];
                    }
                }
            }
            checkAgainstModel(fx, redemptions.values());
        }
    }

    private static void checkAgainstModel(final EngineFixture fx, final Iterable<Redemption> redemptions)
    {
        for (int c = 0; c < IDS.length; c++)
        {
            long granted = 0;
            long count = 0;
            long gross = 0;
            final Map<Integer, Long> perCard = new HashMap<>();
            final Map<String, Long> perCardDay = new HashMap<>();
            final Map<String, Long> perCardMonth = new HashMap<>();
            final Map<LocalDate, Long> perDay = new HashMap<>();
            for (final Redemption r : redemptions)
            {
                if (r.campaign != c)
                {
                    continue;
                }
                gross += r.discount;
                if (r.givenBack)
                {
                    continue;
                }
                granted += r.discount;
                count++;
                perCard.merge(r.card, 1L, Long::sum);
                perCardDay.merge(r.card + "@" + r.day, 1L, Long::sum);
                perCardMonth.merge(r.card + "@" + r.day.getYear() + "-" + r.day.getMonthValue(), 1L, Long::sum);
                perDay.merge(r.day, r.discount, Long::sum);
            }
            final CampaignFigures figures = fx.figures(IDS[c]);
            assertThat(figures.discountGranted() + figures.remainingBudget()).isEqualTo(BUDGET[c]);
            assertThat(figures.remainingBudget()).isNotNegative();
            assertThat(figures.discountGranted()).as("granted, %s", IDS[c]).isEqualTo(granted);
            assertThat(figures.redemptions()).as("redemptions, %s", IDS[c]).isEqualTo(count);
            assertThat(figures.grossDiscount()).isEqualTo(gross);
            for (final int card : CARDS)
            {
                assertThat(fx.engine.discounts().cardUses(IDS[c], card)).as("uses of card %d, %s", card, IDS[c])
                    .isEqualTo(perCard.getOrDefault(card, 0L));
                assertThat(perCard.getOrDefault(card, 0L)).isLessThanOrEqualTo(PER_CARD[c]);
            }
            for (final long uses : perCardDay.values())
            {
                assertThat(uses).as("uses per card per day, %s", IDS[c]).isLessThanOrEqualTo(PER_DAY[c]);
            }
            for (final long uses : perCardMonth.values())
            {
                assertThat(uses).as("uses per card per month, %s", IDS[c]).isLessThanOrEqualTo(PER_MONTH[c]);
            }
            for (final long spent : perDay.values())
            {
                assertThat(spent).as("discount per day, %s", IDS[c]).isLessThanOrEqualTo(DAILY_BUDGET[c]);
            }
        }
    }
}
