package org.payswitch.tools;

import java.io.StringWriter;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.journal.JournalRecord;

import static org.assertj.core.api.Assertions.assertThat;

class RecordViewTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[JournalRecord.FIXED_LENGTH]);
    private final RecordView view = new RecordView().wrap(buffer, 0, 1);

    @Test
    void shouldMaskAsPanMaskTruncatedDoesForEveryLengthWithoutTheWholePan()
    {
        buffer.putByte(JournalRecord.VERSION_OFFSET, JournalRecord.VERSION);
        final SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 10_000; i++)
        {
            final int length = random.nextInt(Pan.MIN_LENGTH, Pan.MAX_LENGTH + 1);
            final long pan = randomPan(random, length);
            final long truncated = Pan.truncated(pan, length);
            buffer.putLong(JournalRecord.TRUNCATED_PAN_OFFSET, truncated, ByteOrder.LITTLE_ENDIAN);
            buffer.putByte(JournalRecord.PAN_LENGTH_OFFSET, (byte)length);

            assertThat(view.hasPan()).isTrue();
            final StringWriter out = new StringWriter();
            final LineBuffer line = new LineBuffer(out);
            view.appendMaskedPan(line);
            line.endLine();
            line.flush();

            assertThat(out.toString().trim())
                .isEqualTo(Pan.maskTruncated(truncated, length))
                .matches("\\d{6}\\*{" + (length - 10) + "}\\d{4}");
        }
    }

    @Test
    void shouldSayThereIsNoPanWhenTheRecordNamesNone()
    {
        buffer.putByte(JournalRecord.VERSION_OFFSET, JournalRecord.VERSION);
        buffer.putLong(JournalRecord.TRUNCATED_PAN_OFFSET, 0, ByteOrder.LITTLE_ENDIAN);
        buffer.putByte(JournalRecord.PAN_LENGTH_OFFSET, (byte)0);

        assertThat(view.hasPan()).isFalse();
    }

    /** A PAN of {@code length} digits, up to 19 (then above {@code Long.MAX_VALUE} at times: PANs are unsigned). */
    private static long randomPan(final SplittableRandom random, final int length)
    {
        final StringBuilder digits = new StringBuilder().append((char)('1' + random.nextInt(9)));
        while (digits.length() < length)
        {
            digits.append((char)('0' + random.nextInt(10)));
        }
        return Pan.parse(digits);
    }
}
