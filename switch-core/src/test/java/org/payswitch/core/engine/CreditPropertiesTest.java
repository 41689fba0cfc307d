package org.payswitch.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.testing.EngineFixture;
import org.payswitch.core.testing.Seeds;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the engine over random command sequences: credit is never negative and equals
 * limit - holds - captured + refunded on every card; retries change nothing; the same
 * commands always give the same state. Each sequence comes from a seed ({@link Seeds}).
 */
class CreditPropertiesTest
{
    private static final int CARDS = 4;

    /** One step: kind 0..6, a card, an amount, a transaction to act on, minutes to wait. */
    record Step(int kind, int card, long amount, int target, int minutes)
    {
    }

    /** 1..80 steps drawn from the seed. */
    static List<Step> steps(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final int size = Seeds.between(random, 1, 80);
        final List<Step> steps = new ArrayList<>(size);
        for (int i = 0; i < size; i++)
        {
            steps.add(new Step(Seeds.between(random, 0, 6), Seeds.between(random, 0, CARDS - 1),
                Seeds.between(random, -100L, 3_000_000L), Seeds.between(random, 1, 60),
                Seeds.between(random, 0, 3 * 24 * 60)));
        }
        return steps;
    }

    @Test
    void shouldKeepAvailableCreditEqualToLimitMinusHoldsMinusCapturedPlusRefunded()
    {
        Seeds.check(200, seed -> checkCredit(steps(seed)));
    }

    @Test
    void shouldNotChangeTheStateHashWhenAnAuthorizationIsRetried()
    {
        Seeds.check(100, seed -> checkRetries(steps(seed)));
    }

    @Test
    void shouldReachTheSameStateHashFromTheSameCommands()
    {
        Seeds.check(100, seed -> checkReruns(steps(seed)));
    }

    private static void checkCredit(final List<Step> steps)
    {
        final EngineFixture fx = EngineFixture.withoutCampaigns();
        run(fx, steps);

        for (int card = 0; card < CARDS; card++)
        {
            long expectedUsed = 0;
            for (long id = 1; id <= fx.engine.transactionCount(); id++)
            {
                final TransactionView t = fx.get(id).transaction;
                if (t.pan != DemoData.pan(card))
                {
                    continue;
                }
                if (t.status == TransactionStatus.AUTHORIZED)
                {
                    expectedUsed += t.chargedAmount;
                }
                else if (t.status == TransactionStatus.CAPTURED || t.status == TransactionStatus.REFUNDED)
                {
                    expectedUsed += t.capturedAmount - t.refundedAmount;
                }
            }
            final long available = fx.lookup(card).card.available;
            assertThat(available).isGreaterThanOrEqualTo(0);
            assertThat(available).isEqualTo(DemoData.CREDIT_LIMIT - expectedUsed);
        }
    }

    private static void checkRetries(final List<Step> steps)
    {
        final EngineFixture fx = EngineFixture.withoutCampaigns();
        final List<Step> authorizations = run(fx, steps);
        final long hash = fx.engine.stateHash();

        for (int i = 0; i < authorizations.size(); i++)
        {
            final Step step = authorizations.get(i);
            final SwitchCommand retry = fx.authorization("O" + i, step.card(), step.amount());
            retry.capture = step.kind() == 1;
            fx.run(retry);
        }

        assertThat(fx.engine.stateHash()).isEqualTo(hash);
    }

    private static void checkReruns(final List<Step> steps)
    {
        final EngineFixture first = EngineFixture.withoutCampaigns();
        final EngineFixture second = EngineFixture.withoutCampaigns();
        run(first, steps);
        run(second, steps);

        assertThat(second.engine.stateHash()).isEqualTo(first.engine.stateHash());
    }

    /** Runs the steps; returns the authorizations in order (their order ids are "O" + index). */
    private static List<Step> run(final EngineFixture fx, final List<Step> steps)
    {
        final List<Step> authorizations = new ArrayList<>();
        for (final Step step : steps)
        {
            final long target = Math.min(step.target(), Math.max(1, fx.engine.transactionCount()));
            switch (step.kind())
            {
                case 0, 1 ->
                {
                    final SwitchCommand authorization = fx.authorization("O" + authorizations.size(), step.card(),
                        step.amount());
                    authorization.capture = step.kind() == 1;
                    fx.run(authorization);
                    authorizations.add(step);
                }
                case 2 -> fx.capture(target, Math.abs(step.amount()) % 20_000);
                case 3 -> fx.capture(target);
                case 4 -> fx.reverse(target);
                case 5 -> fx.refund(target, "R" + (step.minutes() % 3), Math.abs(step.amount()) % 50_000);
                default -> fx.advance(Duration.ofMinutes(step.minutes())).tick();
            }
        }
        return authorizations;
    }
}
