package org.payswitch.core.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the engine over random command sequences: credit is never negative and equals
 * limit - holds - captured + refunded on every card; retries change nothing; the same
 * commands always give the same state.
 */
class CreditPropertiesTest
{
    private static final int CARDS = 4;

    /** One step: kind 0..6, a card, an amount, a transaction to act on, minutes to wait. */
    record Step(int kind, int card, long amount, int target, int minutes)
    {
    }

    @Provide
    Arbitrary<List<Step>> steps()
    {
        final Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 6),
            Arbitraries.integers().between(0, CARDS - 1), Arbitraries.longs().between(-100, 3_000_000),
            Arbitraries.integers().between(1, 60), Arbitraries.integers().between(0, 3 * 24 * 60))
            .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 200)
    void shouldKeepAvailableCreditEqualToLimitMinusHoldsMinusCapturedPlusRefunded(@ForAll("steps") final List<Step> steps)
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

    @Property(tries = 100)
    void shouldNotChangeTheStateHashWhenAnAuthorizationIsRetried(@ForAll("steps") final List<Step> steps)
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

    @Property(tries = 100)
    void shouldReachTheSameStateHashFromTheSameCommands(@ForAll("steps") final List<Step> steps)
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
