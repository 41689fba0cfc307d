package org.payswitch.tools;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.domain.TransactionStatus;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.engine.TransactionView;

/**
 * The settlement figures as the engine's own state shows them, for the report tests to check the
 * report against: the same commands executed one by one on an engine of its own, each
 * transaction's view read before and after every command (GET_TRANSACTION stamped at the engine's
 * event time, which moves nothing). An authorization is counted when the engine's transaction
 * count grows on an approval; a capture, reversal or refund when its transaction's captured
 * amount, status or refunded amount changes; an expiry when an open hold's status turns EXPIRED,
 * at the event time after the command. Nothing here reads the journal or shares code with the
 * report's fold.
 */
final class ReportOracle
{
    /** One money event: what happened, to which merchant's transaction in which currency, when. */
    record Event(String merchantId, int currency, String kind, long time, long amount, long discount, boolean sale)
    {
    }

    private final SwitchEngine engine;
    private final CommandExecutor executor;
    private final SwitchCommand query = new SwitchCommand();
    private final Set<Long> open = new LinkedHashSet<>();
    private final List<Event> events = new ArrayList<>();

    ReportOracle(final EngineConfig config)
    {
        engine = new SwitchEngine(config);
        executor = new CommandExecutor(engine, DemoData::load);
    }

    SwitchEngine engine()
    {
        return engine;
    }

    List<Event> events()
    {
        return events;
    }

    /** Executes a copy of {@code request} and notes the events it caused. */
    void execute(final SwitchCommand request)
    {
        final SwitchCommand command = new SwitchCommand();
        command.copyRequestFrom(request);
        final boolean namesOne = command.type == CommandType.CAPTURE || command.type == CommandType.REVERSAL ||
            command.type == CommandType.REFUND;
        final Snapshot before = namesOne ? view(command.transactionId, command) : null;
        final int count = engine.transactionCount();
        executor.execute(command);
        final long eventTime = engine.eventTime();
        if (command.type == CommandType.AUTHORIZE && command.responseCode == ResponseCode.APPROVED &&
            engine.transactionCount() > count)
        {
            events.add(new Event(command.merchantId.toString(), command.currency, "authorized", command.timestamp,
                command.amount, command.transaction.discount, command.capture));
            if (!command.capture)
            {
                open.add(command.transaction.transactionId);
            }
        }
        if (before != null && before.present)
        {
            final Snapshot after = view(before.id, null);
            if (before.status == TransactionStatus.AUTHORIZED && after.status == TransactionStatus.CAPTURED)
            {
                events.add(new Event(after.merchantId, after.currency, "captured", command.timestamp, after.captured, 0,
                    false));
            }
            if (before.status == TransactionStatus.AUTHORIZED && after.status == TransactionStatus.REVERSED)
            {
                events.add(new Event(after.merchantId, after.currency, "reversed", command.timestamp, after.charged, 0,
                    false));
            }
            if (after.refunded > before.refunded)
            {
                events.add(new Event(after.merchantId, after.currency, "refunded", command.timestamp,
                    after.refunded - before.refunded, 0, false));
            }
        }
        for (final Iterator<Long> ids = open.iterator(); ids.hasNext(); )
        {
            final Snapshot hold = view(ids.next(), null);
            if (hold.status == TransactionStatus.EXPIRED)
            {
                events.add(new Event(hold.merchantId, hold.currency, "expired", eventTime, hold.charged, 0, false));
            }
            if (hold.status != TransactionStatus.AUTHORIZED)
            {
                ids.remove();
            }
        }
    }

    /**
     * The day's figures per "merchantId currency", in the order of {@link SettlementTotals}'s
     * constants, from the events whose time falls on {@code day} in {@code zone}.
     */
    Map<String, long[]> settlement(final LocalDate day, final ZoneId zone)
    {
        final long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
        final long end = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        final Map<String, long[]> rows = new TreeMap<>();
        for (final Event e : events)
        {
            if (e.time() < start || e.time() >= end)
            {
                continue;
            }
            final long[] f = rows.computeIfAbsent(e.merchantId() + " " + e.currency(),
                k -> new long[SettlementTotals.FIGURES]);
            switch (e.kind())
            {
                case "authorized" ->
                {
                    f[SettlementTotals.AUTHORIZATIONS]++;
                    f[SettlementTotals.AUTHORIZED] += e.amount();
                    f[SettlementTotals.DISCOUNT] += e.discount();
                    f[SettlementTotals.CHARGED] += e.amount() - e.discount();
                    if (e.sale())
                    {
                        f[SettlementTotals.CAPTURES]++;
                        f[SettlementTotals.CAPTURED] += e.amount() - e.discount();
                    }
                }
                case "captured" -> add(f, SettlementTotals.CAPTURES, e.amount());
                case "refunded" -> add(f, SettlementTotals.REFUNDS, e.amount());
                case "reversed" -> add(f, SettlementTotals.REVERSALS, e.amount());
                default -> add(f, SettlementTotals.EXPIRIES, e.amount());
            }
        }
        return rows;
    }

    private static void add(final long[] figures, final int count, final long amount)
    {
        figures[count]++;
        figures[count + 1] += amount;
    }

    /** What the engine shows of a transaction, by id, or by the merchant and order id of {@code byKey}. */
    private Snapshot view(final long id, final SwitchCommand byKey)
    {
        query.reset();
        query.type = CommandType.GET_TRANSACTION;
        query.timestamp = engine.eventTime();
        query.transactionId = id;
        if (id == 0 && byKey != null)
        {
            query.merchantId.set(byKey.merchantId);
            query.orderId.set(byKey.orderId);
        }
        executor.execute(query);
        final TransactionView v = query.transaction;
        if (query.responseCode != ResponseCode.APPROVED)
        {
            return new Snapshot(false, 0, null, 0, null, 0, 0, 0);
        }
        return new Snapshot(true, v.transactionId, v.status, v.chargedAmount, v.merchantId.toString(), v.currency,
            v.capturedAmount, v.refundedAmount);
    }

    private record Snapshot(
        boolean present, long id, TransactionStatus status, long charged, String merchantId, int currency,
        long captured, long refunded)
    {
    }
}
