package org.payswitch.tools;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HgrmWriterTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteThePercentileDistributionInMilliseconds() throws Exception
    {
        final Histogram histogram = new Histogram(LoadConnection.MAX_LATENCY_NANOS, 3);
        for (int ms = 1; ms <= 100; ms++)
        {
            histogram.recordValue(ms * 1_000_000L);
        }

        HgrmWriter.write(histogram, dir.resolve("latency.hgrm"));

        final String text = Files.readString(dir.resolve("latency.hgrm"), StandardCharsets.UTF_8);
        assertThat(text).contains("Value     Percentile TotalCount 1/(1-Percentile)");
        assertThat(text).containsPattern("\\s50\\.0\\d\\d 0\\.500000000000\\s+50\\s");
        assertThat(text).containsPattern("#\\[Max\\s+=\\s+100\\.0\\d\\d, Total count\\s+=\\s+100\\]");
        assertThat(text).contains("#[Mean    =       50.499");
    }
}
