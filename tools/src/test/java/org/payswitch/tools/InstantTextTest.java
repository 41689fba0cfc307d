package org.payswitch.tools;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstantTextTest
{
    private static final DateTimeFormatter ISO_MILLIS =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void shouldWriteWhatJavaTimeWritesWithMillisecondsAcrossDays()
    {
        final StringWriter out = new StringWriter();
        final LineBuffer line = new LineBuffer(out);
        final InstantText text = new InstantText();
        final StringBuilder expected = new StringBuilder();
        final SplittableRandom random = new SplittableRandom(7);
        long millis = 1_794_456_000_000L - 86_400_000L;
        for (int i = 0; i < 20_000; i++)
        {
            millis += random.nextLong(0, 40_000_000L);
            write(line, text, expected, millis);
        }
        write(line, text, expected, 0);
        write(line, text, expected, 1_798_761_599_999L);
        write(line, text, expected, 1_798_761_600_000L);
        line.flush();

        assertThat(out.toString()).isEqualTo(expected.toString());
        assertThat(out.toString()).contains("2026-12-31T23:59:59.999Z\n2027-01-01T00:00:00.000Z\n");
    }

    private static void write(final LineBuffer line, final InstantText text, final StringBuilder expected, final long millis)
    {
        text.append(line, millis);
        line.endLine();
        expected.append(ISO_MILLIS.format(Instant.ofEpochMilli(millis))).append('\n');
    }
}
