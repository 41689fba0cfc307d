package org.payswitch.core.engine;

import org.payswitch.core.discount.DiscountEngine;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.domain.ZoneCalendar;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.state.SnapshotOutput;
import org.payswitch.core.state.Snapshottable;
import org.payswitch.core.util.Hashing;

/**
 * The single writer of all business state: cards, merchants, transactions, refunds, holds and
 * campaigns. A deterministic state machine: state changes only through {@link #execute}, and
 * the only clock is the commands' own timestamps, so the same commands always give the same
 * state ({@link #stateHash()}). Plain Java: the pipeline's handler is a thin adapter over it.
 * Not thread-safe by design: exactly one thread calls it.
 */
public final class SwitchEngine implements Snapshottable
{
    private final CardBook cards;
    private final MerchantBook merchants = new MerchantBook();
    private final TransactionStore transactions;
    private final RefundLedger refunds = new RefundLedger();
    private final HoldExpiryQueue holds = new HoldExpiryQueue();
    private final TransactionTotals totals;
    private final DiscountEngine discounts;
    private final Authorizer authorizer;
    private final TransactionLifecycle lifecycle;
    private final TransactionViews views;
    private final OperatorCommands operator;
    private final MerchantScopeCheck scope;
    private long eventTime = Long.MIN_VALUE;

    public SwitchEngine(final EngineConfig config)
    {
        final ZoneCalendar calendar = new ZoneCalendar(config.zone());
        cards = new CardBook(config.expectedCards());
        transactions = new TransactionStore(config.expectedTransactions());
        totals = new TransactionTotals(transactions);
        discounts = new DiscountEngine(config.zone(), config.expectedCards());
        views = new TransactionViews(transactions, merchants, discounts);
        authorizer = new Authorizer(cards, merchants, transactions, holds, discounts, calendar, views, totals);
        lifecycle = new TransactionLifecycle(cards, merchants, transactions, refunds, holds, discounts, calendar,
            views, totals, config.holdExpiry().toMillis());
        operator = new OperatorCommands(cards, merchants, discounts);
        scope = new MerchantScopeCheck(merchants, transactions, lifecycle);
    }

    /**
     * Executes one command and writes its answer onto it. A command that changes state (the
     * journaled ones, {@link CommandType#changesState}) first moves event time to its timestamp
     * (never back), expiring the holds that are due. A query does not: it is not journaled, so
     * anything it changed would be missing from a replay, and a hold it expired early could be
     * captured on replay by a command stamped before the deadline that the live switch refused
     * (TransactionLifecycleTest); a query sees the state the journaled commands left, holds
     * expiring at the next of them (the clock's tick comes every second). A command naming a
     * transaction outside its caller's merchant scope is answered 25 and executes nothing
     * ({@link MerchantScopeCheck}).
     */
    public void execute(final SwitchCommand command)
    {
        command.clearAnswer();
        if (scope.refuses(command))
        {
            return;
        }
        if (command.type.changesState())
        {
            advanceTo(command.timestamp);
        }
        switch (command.type)
        {
            case AUTHORIZE -> authorizer.authorize(command);
            case CAPTURE -> lifecycle.capture(command);
            case REVERSAL -> lifecycle.reverse(command);
            case REFUND -> lifecycle.refund(command);
            case EXPIRE_HOLDS -> command.responseCode = ResponseCode.APPROVED;
            case GET_TRANSACTION -> getTransaction(command);
            case LOOKUP_CARD -> lookupCard(command);
            case TRANSACTION_REPORT ->
            {
                command.merchantTotals = totals.report(merchants);
                command.responseCode = ResponseCode.APPROVED;
            }
            default -> operator.execute(command, eventTime);
        }
    }

    /**
     * Recovery of a batch of authorizations and sales, in order: prefetches what they read
     * ({@link Authorizer#prefetch}), then for each moves event time as {@link #execute} does and
     * applies the decision journaled for it (carried in the command's answer fields) instead of
     * deciding again ({@link Authorizer#applyRecorded}).
     *
     * @return how many were applied before one whose recorded decision does not fit the state
     *         ({@code count} when all fit)
     */
    public int applyRecorded(final SwitchCommand[] commands, final int count)
    {
        authorizer.prefetch(commands, count);
        for (int i = 0; i < count; i++)
        {
            if (commands[i].type != CommandType.AUTHORIZE)
            {
                throw new IllegalArgumentException("only authorizations are applied from the record: " +
                    commands[i].type);
            }
            advanceTo(commands[i].timestamp);
            if (!authorizer.applyRecorded(commands[i], i))
            {
                return i;
            }
        }
        return count;
    }

    /**
     * Touches what deciding these authorizations will read from the big tables (their PAN and
     * idempotency-key index slots, the card records), so the cache misses of a batch overlap
     * (see {@link Authorizer#prefetch}). Changes nothing; the live pipeline calls it for the
     * authorizations waiting in the ring before deciding them one by one.
     */
    public void prefetchAuthorizations(final SwitchCommand[] commands, final int count)
    {
        authorizer.prefetch(commands, count);
    }

    /** Recovery: makes room for up to {@code more} new transactions at once (a capacity hint). */
    public void reserveTransactions(final long more)
    {
        transactions.reserve((int)Math.min(Integer.MAX_VALUE, Math.max(0, more)));
    }

    /**
     * About how many bytes a snapshot of this engine takes (96 per transaction, 80 per card, 4 MB
     * for the rest; measured 88 and 64 on the demo workload), so the snapshot writer can reserve
     * memory ahead. Reads two counters without synchronization, so another thread may call it
     * and get a slightly stale figure: it is a hint.
     */
    public long snapshotSizeHint()
    {
        return transactions.count() * 96L + cards.count() * 80L + (4L << 20);
    }

    /** Event time: the latest timestamp of any command executed, epoch milliseconds. */
    public long eventTime()
    {
        return eventTime;
    }

    /**
     * A hash of all business state (cards and their credit, merchants, transactions, refunds,
     * campaigns and their usage). Two engines with equal hashes answer every future command
     * alike; replays and retries are checked with it. Walks everything: not for the hot path.
     */
    public long stateHash()
    {
        long h = cards.hash(1);
        h = merchants.hash(h);
        h = transactions.hash(h);
        h = refunds.hash(h);
        h = discounts.hash(h);
        return Hashing.mix(h);
    }

    /** Number of transactions decided so far. */
    public int transactionCount()
    {
        return transactions.count();
    }

    /** Number of cards on file. */
    public int cardCount()
    {
        return cards.count();
    }

    /** The discount engine, for read-only figures in reports and tests. */
    public DiscountEngine discounts()
    {
        return discounts;
    }

    /**
     * Writes all business state and event time; the hold queue and the transaction totals are
     * derived and rebuilt on read.
     */
    @Override
    public void writeSnapshot(final SnapshotOutput out)
    {
        out.writeLong(eventTime);
        cards.writeSnapshot(out);
        merchants.writeSnapshot(out);
        transactions.writeSnapshot(out);
        refunds.writeSnapshot(out);
        discounts.writeSnapshot(out);
    }

    @Override
    public void readSnapshot(final SnapshotInput in)
    {
        eventTime = in.readLong();
        cards.readSnapshot(in);
        merchants.readSnapshot(in);
        transactions.readSnapshot(in);
        refunds.readSnapshot(in);
        discounts.readSnapshot(in);
        holds.clear();
        for (int txn = 0; txn < transactions.count(); txn++)
        {
            if (transactions.status(txn) == TransactionStatus.AUTHORIZED)
            {
                holds.add(txn);
            }
        }
        totals.rebuild(refunds);
    }

    private void advanceTo(final long timestamp)
    {
        if (timestamp > eventTime)
        {
            eventTime = timestamp;
            lifecycle.expireHolds(timestamp);
        }
    }

    private void getTransaction(final SwitchCommand command)
    {
        final int txn = lifecycle.findOriginal(command);
        if (txn == TransactionStore.NOT_FOUND)
        {
            command.responseCode = ResponseCode.UNABLE_TO_LOCATE_ORIGINAL;
            return;
        }
        views.fill(txn, command.transaction);
        command.responseCode = ResponseCode.APPROVED;
    }

    private void lookupCard(final SwitchCommand command)
    {
        final int card = cards.find(command.pan, command.panLength);
        if (card == CardBook.NOT_FOUND)
        {
            command.responseCode = ResponseCode.INVALID_CARD_NUMBER;
            return;
        }
        cards.fill(card, command.card);
        command.responseCode = ResponseCode.APPROVED;
    }
}
