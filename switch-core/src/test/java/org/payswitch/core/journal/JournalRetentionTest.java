package org.payswitch.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class JournalRetentionTest
{
    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    @Test
    void shouldDeleteOnlyCyclesOlderThanBothTheRetentionAndTheOldestNeededSnapshotMarker() throws Exception
    {
        final JournalConfig config = JournalConfig.in(dataDir);
        Files.createDirectories(config.directory());
        for (final String file : new String[] {"20261101L.cq4", "20261105L.cq4", "20261110L.cq4", "20261120L.cq4",
            "metadata.cq4t"})
        {
            Files.writeString(config.directory().resolve(file), "x");
        }
        final int today = (int)LocalDate.of(2026, 11, 22).toEpochDay();
        final int markerCycle = (int)LocalDate.of(2026, 11, 10).toEpochDay();

        assertThat(JournalRetention.deleteBefore(config, markerCycle, today, 0)).isZero();
        assertThat(JournalRetention.deleteBefore(config, markerCycle, today, 18)).isEqualTo(1);
        assertThat(JournalRetention.deleteBefore(config, markerCycle, today, 3)).isEqualTo(1);

        try (var files = Files.list(config.directory()))
        {
            assertThat(files.map(f -> f.getFileName().toString()))
                .containsExactlyInAnyOrder("20261110L.cq4", "20261120L.cq4", "metadata.cq4t");
        }
    }
}
