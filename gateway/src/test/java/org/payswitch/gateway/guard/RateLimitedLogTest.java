package org.payswitch.gateway.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** At most N lines per interval, on a settable clock; the count of lines held back is told in the next line. */
class RateLimitedLogTest
{
    private static final long SECOND = 1_000_000_000L;

    private final List<String> lines = new ArrayList<>();
    private long now = 42 * SECOND;
    private final RateLimitedLog log = new RateLimitedLog(new Lines(lines), System.Logger.Level.WARNING, 3,
        10 * SECOND, () -> now);

    @Test
    void shouldWriteAtMostNLinesPerInterval()
    {
        for (int i = 0; i < 100; i++)
        {
            final int n = i;
            log.log(() -> "bad frame " + n);
        }
        assertThat(lines).containsExactly("bad frame 0", "bad frame 1", "bad frame 2");
    }

    @Test
    void shouldTellHowManyLinesWereHeldBackInTheNextLine()
    {
        for (int i = 0; i < 10; i++)
        {
            log.log(() -> "bad frame");
        }
        now += 10 * SECOND;
        log.log(() -> "bad frame again");
        log.log(() -> "and again");
        assertThat(lines).containsExactly("bad frame", "bad frame", "bad frame",
            "bad frame again (7 similar lines suppressed before this one)", "and again");
    }

    @Test
    void shouldStayQuietUntilTheIntervalEnds()
    {
        for (int i = 0; i < 4; i++)
        {
            log.log(() -> "x");
        }
        now += 10 * SECOND - 1;
        log.log(() -> "still held");
        assertThat(lines).hasSize(3);
        now += 1;
        log.log(() -> "y");
        assertThat(lines).hasSize(4).last().isEqualTo("y (2 similar lines suppressed before this one)");
    }

    @Test
    void shouldNotBuildAMessageItHoldsBack()
    {
        final AtomicInteger built = new AtomicInteger();
        for (int i = 0; i < 50; i++)
        {
            log.log(() -> "line " + built.incrementAndGet());
        }
        assertThat(built).hasValue(3);
    }

    @Test
    void shouldRefuseAZeroRate()
    {
        assertThatThrownBy(() -> new RateLimitedLog(new Lines(lines), System.Logger.Level.WARNING, 0, SECOND,
            () -> now)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A logger that keeps its lines. */
    private record Lines(List<String> lines) implements System.Logger
    {
        @Override
        public String getName()
        {
            return "test";
        }

        @Override
        public boolean isLoggable(final Level level)
        {
            return true;
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String message, final Throwable thrown)
        {
            lines.add(message);
        }

        @Override
        public void log(final Level level, final ResourceBundle bundle, final String format, final Object... params)
        {
            lines.add(format);
        }
    }
}
