package org.payswitch.core.journal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.snapshot.SnapshotStore;
import org.payswitch.core.testing.DataFolderFactory;
import org.payswitch.core.testing.FixtureKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version 4 format fixture, a journal and a snapshot written by the build of 2026-12-06
 * ({@link FormatFixtureGenerator}, committed under {@code src/test/resources/format/v4}), read by
 * this build: the journal replayed whole, and the snapshot restored with the journal after its
 * marker, must both reach the state hash pinned when the fixture was written. A reordered enum,
 * a moved field or a changed codec fails here, on bytes this build did not write. The same
 * commands run live must reach that hash too: when they do not either, what changed is the engine
 * or the state hash's definition ({@code SwitchEngine.stateHash}; a campaign's hash folds its
 * definition's {@code toString()}), not the format: then re-pin {@link #STATE_HASH} after review,
 * and never regenerate the fixture to make this test pass.
 */
class FormatCompatibilityTest
{
    /** {@code stateHash()} of the state the fixture's commands lead to, printed by the generator. */
    private static final long STATE_HASH = 0x75f7d871b6569042L;
    /** Suffix of the fixture's gzipped queue files, unzipped into the test's data folder. */
    private static final String GZIPPED = ".gz";
    /** Records in the fixture's journal. */
    private static final long RECORDS = 50;
    /** Records after the snapshot's marker. */
    private static final long RECORDS_AFTER_SNAPSHOT = 10;

    /** Each record's command type and response code, in order. */
    private static final String DECISIONS =
        "UPSERT_MERCHANT 00, UPSERT_MERCHANT 00, UPSERT_MERCHANT 00, UPSERT_CARD 00, UPSERT_CARD 00, UPSERT_CARD 00, " +
        "UPSERT_CARD 00, UPSERT_CARD 00, UPSERT_CARD 00, UPSERT_CARD 00, CREATE_CAMPAIGN 00, CREATE_CAMPAIGN 00, " +
        "CREATE_CAMPAIGN 00, CREATE_CAMPAIGN 00, AUTHORIZE 00, AUTHORIZE 00, AUTHORIZE 00, AUTHORIZE 00, " +
        "AUTHORIZE 00, AUTHORIZE 94, AUTHORIZE 61, AUTHORIZE 51, AUTHORIZE 14, AUTHORIZE 54, " +
        "AUTHORIZE 03, CAPTURE 00, CAPTURE 00, REVERSAL 00, REFUND 00, REFUND 00, " +
        "REFUND 00, CAPTURE 25, SET_CARD_STATUS 00, AUTHORIZE 41, PAUSE_CAMPAIGN 00, AUTHORIZE 00, " +
        "RESUME_CAMPAIGN 00, UPSERT_CARD 00, AUTHORIZE 00, TAKE_SNAPSHOT 00, AUTHORIZE 00, AUTHORIZE 00, " +
        "EXPIRE_HOLDS 00, CAPTURE 12, LOAD_DEMO_DATA 00, AUTHORIZE 00, AUTHORIZE 00, AUTHORIZE 00, " +
        "REFUND 00, EXPIRE_HOLDS 00";

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private JournalConfig journal;
    private CardKeys keys;

    @BeforeEach
    void copyTheFixture() throws IOException
    {
        final Path fixture = FixtureKeys.fixture();
        final Path data = fixture.resolve("data");
        try (Stream<Path> paths = Files.walk(data))
        {
            for (final Path path : paths.toList())
            {
                final Path copy = dataDir.resolve(data.relativize(path).toString());
                if (Files.isDirectory(path))
                {
                    Files.createDirectories(copy);
                }
                else if (path.getFileName().toString().endsWith(GZIPPED))
                {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(path)))
                    {
                        Files.copy(in, Path.of(copy.toString().substring(0, copy.toString().length() - GZIPPED.length())));
                    }
                }
                else
                {
                    Files.copy(path, copy);
                }
            }
        }
        keys = FixtureKeys.cardKeys(fixture, dataDir);
        journal = JournalConfig.in(dataDir, keys);
    }

    @Test
    void shouldReplayTheCommittedJournalToThePinnedState()
    {
        final SwitchEngine engine = engine();

        final long replayed = JournalReplayer.replay(journal, new CommandExecutor(engine, DemoData::load));

        assertThat(JournalReader.readAll(journal, (buffer, offset, length, index) -> { })).isEqualTo(RECORDS);
        assertThat(replayed).isEqualTo(RECORDS - 1);
        assertThat(engine.stateHash()).as("state hash of the replayed fixture").isEqualTo(STATE_HASH);
    }

    @Test
    void shouldRecoverThePinnedStateFromTheCommittedSnapshotAndTheJournalAfterIt()
    {
        final SwitchEngine engine = engine();

        final Recovery.Result result = Recovery.recover(journal, new SnapshotStore(dataDir.resolve("snapshots"), keys),
            new CommandExecutor(engine, DemoData::load));

        assertThat(result.snapshotId()).isEqualTo(FormatFixtureScript.SNAPSHOT_ID);
        assertThat(result.replayedRecords()).isEqualTo(RECORDS_AFTER_SNAPSHOT);
        assertThat(engine.stateHash()).as("state hash of the fixture's snapshot and tail").isEqualTo(STATE_HASH);
    }

    @Test
    void shouldHoldEveryJournaledCommandType()
    {
        final Set<CommandType> types = EnumSet.noneOf(CommandType.class);
        JournalReader.readAll(journal, (buffer, offset, length, index) -> types.add(JournalRecord.type(buffer, offset)));

        assertThat(types).isEqualTo(EnumSet.copyOf(
            List.of(CommandType.values()).stream().filter(CommandType::changesState).toList()));
    }

    @Test
    void shouldHoldTheDecisionsTheScriptLedTo()
    {
        final List<String> decisions = new ArrayList<>();
        JournalReader.readAll(journal, (buffer, offset, length, index) ->
        {
            final ResponseCode code = JournalRecord.responseCode(buffer, offset);
            decisions.add(JournalRecord.type(buffer, offset) + " " + (code == null ? "-" : code.code()));
        });

        assertThat(String.join(", ", decisions)).isEqualTo(DECISIONS);
    }

    @Test
    void shouldReachThePinnedStateRunningTheFixturesCommandsLive()
    {
        final SwitchEngine engine = engine();
        final CommandExecutor executor = new CommandExecutor(engine, DemoData::load);

        FormatFixtureScript.run(executor::execute);

        assertThat(engine.stateHash()).as("state hash of the fixture's commands run live: if only this differs, " +
            "the engine or the state hash changed, not the format").isEqualTo(STATE_HASH);
    }

    private static SwitchEngine engine()
    {
        return new SwitchEngine(EngineConfig.defaults().withExpected(1024, 1024));
    }
}
