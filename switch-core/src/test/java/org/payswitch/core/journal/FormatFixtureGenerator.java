package org.payswitch.core.journal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.payswitch.core.crypto.CardKeys;
import org.payswitch.core.crypto.DataKeyRing;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.snapshot.SnapshotStore;
import org.payswitch.core.snapshot.SnapshotWriter;
import org.payswitch.core.testing.FixtureKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the format fixture: {@link FormatFixtureScript} executed and journaled as the switch does
 * (the snapshot captured at its marker and written beside), under the TEST-ONLY keys, into
 * {@code src/test/resources/format/v4/data} of this module. Disabled unless asked for, since the
 * fixture's point is that it was written by an earlier build:
 * <pre>
 * mvn -o -pl switch-core test -Dtest=FormatFixtureGenerator -Dpayswitch.format.generate=true
 * </pre>
 * A fixture is written once per format version and then never again (docs/journal.md, "Format
 * codes"): regenerating the version 4 fixture would make {@link FormatCompatibilityTest} compare
 * this build with itself. The journal's queue files are cut after their last written byte (as
 * Chronicle itself shrinks the file of a finished day) and gzipped (a queue file keeps its index
 * and its first record hundreds of KB apart, zeros between), so that the fixture is a few KB;
 * the test unzips them. Prints the state hash to pin in {@link FormatCompatibilityTest}.
 */
class FormatFixtureGenerator
{
    /** The fixture folder in the sources, from the module's folder (Surefire's working folder). */
    private static final Path TARGET = Path.of("src", "test", "resources", "format", "v4");
    private static final int ALIGN = 4096;

    @Test
    @EnabledIfSystemProperty(named = "payswitch.format.generate", matches = "true")
    void shouldWriteTheFormatFixture() throws IOException
    {
        final Path dataDir = TARGET.resolve("data");
        delete(dataDir);
        final DataKeyRing ring = FixtureKeys.fixedRing(dataDir);
        final CardKeys keys = FixtureKeys.cardKeys(TARGET, dataDir);
        final JournalConfig journal = JournalConfig.in(dataDir, keys);
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(1024, 1024));
        try (JournalWriter writer = new JournalWriter(journal, ring);
            SnapshotWriter snapshots = SnapshotWriter.background(new SnapshotStore(dataDir.resolve("snapshots"), keys,
                ring)))
        {
            final CommandExecutor executor = new CommandExecutor(engine, DemoData::load, snapshots::take);
            FormatFixtureScript.run(command ->
            {
                executor.execute(command);
                writer.append(command);
            });
            assertThat(snapshots.awaitWrites(60_000)).isTrue();
        }
        for (final Path file : files(journal.directory()))
        {
            cutAfterLastByte(file);
            gzip(file);
        }
        System.out.printf("format fixture written to %s: state hash 0x%016xL, %d transactions%n",
            TARGET.toAbsolutePath(), engine.stateHash(), engine.transactionCount());
    }

    /** Truncates a queue file after its last non-zero byte, rounded up to 4 KiB: what follows is unwritten. */
    private static void cutAfterLastByte(final Path file) throws IOException
    {
        if (!file.getFileName().toString().endsWith(".cq4"))
        {
            return;
        }
        final byte[] bytes = Files.readAllBytes(file);
        int last = bytes.length - 1;
        while (last >= 0 && bytes[last] == 0)
        {
            last--;
        }
        final long length = ((last + 1L) / ALIGN + 1) * ALIGN;
        try (RandomAccessFile cut = new RandomAccessFile(file.toFile(), "rw"))
        {
            cut.setLength(Math.min(bytes.length, length));
        }
    }

    /** Replaces {@code file} with {@code file.gz}, its bytes gzipped. */
    private static void gzip(final Path file) throws IOException
    {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file.resolveSibling(file.getFileName() + ".gz"))))
        {
            Files.copy(file, out);
        }
        Files.delete(file);
    }

    private static List<Path> files(final Path folder) throws IOException
    {
        try (Stream<Path> files = Files.list(folder))
        {
            return files.toList();
        }
    }

    private static void delete(final Path folder) throws IOException
    {
        if (!Files.exists(folder))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
    }
}
