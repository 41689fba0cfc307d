package org.payswitch.tools.operator;

/**
 * One line of progress of a long run over a file: how far through the file (by bytes read, so no
 * first pass is needed to count its lines), how many items so far, their rate and the time left
 * at that rate (from the first second on: before it, the estimate would be noise). Pure: time is an argument, so the line is tested without waiting.
 */
final class ProgressMeter
{
    private static final int BAR_WIDTH = 30;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final String noun;
    private final long totalBytes;
    private final long startNanos;

    /** A meter of items called {@code noun} read from a file of {@code totalBytes}, started at {@code startNanos}. */
    ProgressMeter(final String noun, final long totalBytes, final long startNanos)
    {
        this.noun = noun;
        this.totalBytes = Math.max(1, totalBytes);
        this.startNanos = startNanos;
    }

    /**
     * The line when {@code bytesRead} of the file are read and {@code itemsDone} items are done
     * at {@code nowNanos}, e.g. {@code [#########.....................]  31% 310 000 cards, 25 833/s, 0:27 left}.
     */
    String line(final long bytesRead, final long itemsDone, final long nowNanos)
    {
        final double share = Math.min(1.0, (double)bytesRead / totalBytes);
        final int filled = (int)(share * BAR_WIDTH);
        final double seconds = Math.max(1e-9, (double)(nowNanos - startNanos) / NANOS_PER_SECOND);
        final double rate = itemsDone / seconds;
        final StringBuilder text = new StringBuilder(96).append('[');
        for (int i = 0; i < BAR_WIDTH; i++)
        {
            text.append(i < filled ? '#' : '.');
        }
        text.append(String.format("] %3d%% ", (int)(share * 100))).append(grouped(itemsDone)).append(' ').append(noun)
            .append(", ").append(grouped(Math.round(rate))).append("/s");
        if (share > 0 && share < 1 && seconds >= 1)
        {
            text.append(", ").append(clock(Math.round(seconds * (1 - share) / share))).append(" left");
        }
        return text.toString();
    }

    /** A count with its thousands apart, as the tools print counts: {@code 1 000 000}. */
    static String grouped(final long count)
    {
        return String.format(java.util.Locale.ROOT, "%,d", count).replace(',', ' ');
    }

    /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(final long seconds)
    {
        final long s = Math.max(0, seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) :
            String.format("%d:%02d", s / 60, s % 60);
    }
}
