package org.payswitch.core.cluster;

import java.security.SecureRandom;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.payswitch.core.crypto.ClusterSecret;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalCards;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalReader;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.pipeline.SwitchEvent;

/**
 * The switch as Aeron Cluster's replicated service: every member executes every committed command
 * of the cluster's log on its own engine, in log order, at the log entry's cluster timestamp
 * (milliseconds), so the members' engines stay equal ({@code SwitchEngine.stateHash}). It runs
 * on the service container's thread, the engine's single writer.
 *
 * <p>For each command it:
 * <ol>
 *   <li>finds where the answer goes: a command forwarded by this member's current run is decided
 *       in the very ring slot it waits in ({@link SwitchEvent#claimAnswer}), so the gateway
 *       answers from it; any other command (another member's, or one replayed at start) in a
 *       scratch command;</li>
 *   <li>executes it ({@link CommandExecutor}); an exception answers 96, as in stage 1;</li>
 *   <li>appends the state-changing ones, request and decision, to this member's Chronicle journal,
 *       the audit journal the reports and tools read;</li>
 *   <li>hands the slot back ({@link SwitchEvent#answered}): only now may the gateway answer.</li>
 * </ol>
 * Aeron hands the service only committed entries (held by a majority), so no answer leaves before
 * the command is replicated.
 *
 * <p>The audit journal is not written twice: the snapshot counts the records journaled up to it;
 * at start the journal's records beyond that count are the ones the log's replay is about to
 * produce again, and that many appends are skipped. A member whose journal is younger than the
 * snapshot it starts from (a new member) journals from there on.
 *
 * <p>A forwarder sends a command again when it may have been lost (a leader change); each
 * forwarding run's commands come in ring order, so the service executes a (run, sequence) only
 * when the sequence is above the run's highest executed one, and skips the copies. That map is
 * part of the state, in the snapshot with the engine.
 *
 * <p>Demo data ({@code LOAD_DEMO_DATA}, sent by every member at start) is loaded only into an
 * engine without cards, so it is loaded once, by the first of those commands in the log.
 */
public final class SwitchClusteredService implements ClusteredService
{
    private static final long NONE_EXECUTED = -1;
    private static final System.Logger LOG = System.getLogger(SwitchClusteredService.class.getName());

    private final int memberId;
    private final CommandExecutor executor;
    private final JournalConfig journalConfig;
    private final DataKeyRing journalKeys;
    private final ClusterSecret secret;
    private final LongFunction<SwitchEvent> localSlots;
    private final long localIncarnation;
    private final LongConsumer journalPositions;
    private final SecureRandom random = new SecureRandom();
    private final SwitchCommand scratch = new SwitchCommand();
    private final ClusterMessage.Decoder decoder = new ClusterMessage.Decoder();
    private final Long2ObjectHashMap<JournalCards> logCards = new Long2ObjectHashMap<>();
    /** Per forwarding run, the highest ring sequence executed: a copy sent again is skipped. Replicated state. */
    private final Long2LongHashMap executedUpTo = new Long2LongHashMap(NONE_EXECUTED);
    private Cluster cluster;
    private JournalWriter journal;
    private long auditRecords;
    private long auditToSkip;
    private boolean journalFailed;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;
    private volatile long appliedPosition;
    private volatile long snapshotStateHash;

    /**
     * @param memberId         this member's id, for its log lines
     * @param executor         the engine and the demo data hook
     * @param journalConfig    this member's audit journal
     * @param journalKeys      this member's data key ring, sealing card data in its audit journal
     * @param secret           the cluster's shared secret, opening card data in the log and snapshots
     * @param localSlots       the ring slot of a sequence, on this member's forwarding ring
     * @param localIncarnation the id this run's forwarder puts in its messages
     * @param journalPositions told the Chronicle index of each audit record (for /metrics and reconcile)
     */
    public SwitchClusteredService(
        final int memberId, final CommandExecutor executor, final JournalConfig journalConfig,
        final DataKeyRing journalKeys, final ClusterSecret secret, final LongFunction<SwitchEvent> localSlots,
        final long localIncarnation, final LongConsumer journalPositions)
    {
        this.journalPositions = journalPositions;
        this.memberId = memberId;
        this.executor = executor;
        this.journalConfig = journalConfig;
        this.journalKeys = journalKeys;
        this.secret = secret;
        this.localSlots = localSlots;
        this.localIncarnation = localIncarnation;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        if (snapshotImage != null)
        {
            final EngineSnapshots.Loaded loaded = EngineSnapshots.load(snapshotImage, executor.engine(), executedUpTo,
                secret, cluster.idleStrategy());
            auditRecords = loaded.auditRecords();
        }
        final long journaled = JournalReader.countFrom(journalConfig, JournalReader.NOT_FOUND);
        auditToSkip = Math.max(0, journaled - auditRecords);
        if (journaled > 0)
        {
            journalPositions.accept(JournalReader.findBackwards(journalConfig, (buffer, at, length, index) -> true));
        }
        journal = new JournalWriter(journalConfig, journalKeys);
        LOG.log(System.Logger.Level.INFO, () -> String.format(
            "cluster member %d: service started from %s; %d cards, %d transactions; audit journal holds %d records, " +
            "the log's replay will journal after the %d already there", memberId,
            snapshotImage == null ? "an empty state" : "the cluster's snapshot", executor.engine().cardCount(),
            executor.engine().transactionCount(), journaled, auditToSkip));
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    @Override
    public void onSessionMessage(
        final ClientSession session, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length, final Header header)
    {
        final long incarnation = ClusterMessage.incarnation(buffer, offset);
        final long sequence = ClusterMessage.sequence(buffer, offset);
        appliedPosition = header.position();
        if (sequence <= executedUpTo.get(incarnation))
        {
            return;
        }
        executedUpTo.put(incarnation, sequence);
        SwitchEvent slot = null;
        if (incarnation == localIncarnation)
        {
            final SwitchEvent candidate = localSlots.apply(sequence);
            if (candidate.claimAnswer(sequence))
            {
                slot = candidate;
            }
        }
        final SwitchCommand command = slot != null ? slot.command : scratch;
        try
        {
            if (decode(buffer, offset, command, incarnation))
            {
                command.timestamp = timestamp;
                if (execute(command))
                {
                    journal(command);
                }
            }
        }
        finally
        {
            if (slot != null)
            {
                slot.answered();
            }
        }
    }

    /** Reads the command; a message that does not read (another cluster's secret, a bug) is answered 96, executed nowhere. */
    private boolean decode(final DirectBuffer buffer, final int offset, final SwitchCommand command, final long incarnation)
    {
        try
        {
            decoder.decode(buffer, offset, command, logCards.computeIfAbsent(incarnation,
                salt -> JournalCards.forWriting(secret.ringFor(ClusterSecret.LOG, salt))));
            return true;
        }
        catch (final RuntimeException e)
        {
            command.reset();
            command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
            LOG.log(System.Logger.Level.ERROR, "cluster member " + memberId + ": a command in the log does not read " +
                "(is every member's cluster secret the same?): " + e);
            return false;
        }
    }

    /** Executes the command; false for demo data sent again, which changes nothing and is not journaled. */
    private boolean execute(final SwitchCommand command)
    {
        if (command.type == CommandType.LOAD_DEMO_DATA && executor.engine().cardCount() > 0)
        {
            command.clearAnswer();
            command.responseCode = ResponseCode.APPROVED;
            return false;
        }
        try
        {
            executor.execute(command);
        }
        catch (final RuntimeException | StackOverflowError e)
        {
            command.clearAnswer();
            command.responseCode = ResponseCode.SYSTEM_MALFUNCTION;
            LOG.log(System.Logger.Level.ERROR, () -> "cluster member " + memberId + ": command failed: type=" +
                command.type + " pan=" + Pan.mask(command.pan, command.panLength) + " merchantId=" +
                command.merchantId + " orderId=" + command.orderId, e);
        }
        return true;
    }

    /**
     * Appends a state-changing command to the audit journal, but those the replay at start
     * produces again. A failed append is logged once and the member goes on: the cluster's log
     * holds the command, and the member's audit journal is then incomplete (docs/cluster.md).
     */
    private void journal(final SwitchCommand command)
    {
        if (!command.type.changesState() || command.outOfScope)
        {
            return;
        }
        auditRecords++;
        if (auditToSkip > 0)
        {
            auditToSkip--;
            return;
        }
        try
        {
            journal.append(command);
            journalPositions.accept(journal.lastIndex());
        }
        catch (final Throwable e)
        {
            if (!journalFailed)
            {
                journalFailed = true;
                LOG.log(System.Logger.Level.ERROR, "cluster member " + memberId + ": the audit journal failed (" + e +
                    "); the cluster's log keeps every command, this member's audit journal misses them from here", e);
            }
        }
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final long started = System.nanoTime();
        EngineSnapshots.write(snapshotPublication, executor.engine(), executedUpTo, auditRecords, secret,
            random.nextLong(), cluster.idleStrategy());
        final long hash = executor.engine().stateHash();
        snapshotStateHash = hash;
        final long position = cluster.logPosition();
        LOG.log(System.Logger.Level.INFO, () -> String.format(
            "cluster member %d: snapshot at log position %d, state hash %016x, %d cards, %d transactions, in %d ms",
            memberId, position, hash, executor.engine().cardCount(), executor.engine().transactionCount(),
            (System.nanoTime() - started) / 1_000_000));
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
        LOG.log(System.Logger.Level.INFO, () -> "cluster member " + memberId + " is now " + newRole);
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        closeJournal();
    }

    /** Closes the audit journal; once the service container is closed, or at the cluster's termination. */
    public synchronized void closeJournal()
    {
        if (journal != null)
        {
            journal.close();
            journal = null;
        }
    }

    /** True while this member leads, as the cluster last told it. */
    public boolean leads()
    {
        return role == Cluster.Role.LEADER;
    }

    /** Log position of the last command this member executed. */
    public long appliedPosition()
    {
        return appliedPosition;
    }

    /** The engine's state hash at this member's last snapshot, 0 before one. */
    public long snapshotStateHash()
    {
        return snapshotStateHash;
    }
}
