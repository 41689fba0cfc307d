package org.payswitch.gateway.iso;

import io.netty.buffer.ByteBuf;
import org.payswitch.core.demo.DemoData;

/**
 * The 0100 the benchmarks decode: the fields the load generator sends (docs/api.md section 4),
 * so a benchmark decodes, maps and echoes what the I/O thread does at peak.
 */
final class BenchmarkFrames
{
    private BenchmarkFrames()
    {
    }

    /**
     * Writes a 0100 of card {@code pan} for {@code amount} minor units, STAN {@code stan}, order
     * id {@code rrn} (12 characters) at {@code merchant}, into {@code frame} from its writer index,
     * and skips its 2-byte length so the frame's readable bytes are the message.
     */
    static void authorization(
        final IsoWriter writer, final ByteBuf frame, final long pan, final long amount, final long stan,
        final CharSequence rrn, final CharSequence merchant)
    {
        final int start = frame.writerIndex();
        writer.begin(frame, 100, false)
            .llNumeric(2, pan, 16)
            .numeric(3, 0)
            .numeric(4, amount)
            .numeric(7, 1_111_000_000L)
            .numeric(11, stan)
            .numeric(12, 0)
            .numeric(13, 1111)
            .numeric(14, DemoData.EXPIRY)
            .llNumeric(32, 12_345, 5)
            .ascii(37, rrn)
            .ascii(41, "BENCH001")
            .ascii(42, merchant)
            .ascii(49, "156")
            .end();
        frame.readerIndex(start + 2);
    }
}
