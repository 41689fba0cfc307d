package org.payswitch.tools;

import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineBufferTest
{
    private final StringWriter out = new StringWriter();
    private final LineBuffer line = new LineBuffer(out);

    @Test
    void shouldWriteNumbersAsLongToStringAndLongToHexStringDo()
    {
        final List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, Long.MAX_VALUE, Long.MIN_VALUE,
            999_999_999_999_999_999L, 1_000_000_000_000_000_000L));
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 1_000; i++)
        {
            values.add(random.nextLong() >> random.nextInt(64));
        }
        final StringBuilder expected = new StringBuilder();
        for (final long value : values)
        {
            line.append(value).append(' ').appendHex(value);
            line.endLine();
            expected.append(value).append(' ').append(Long.toHexString(value)).append('\n');
        }
        line.flush();

        assertThat(out.toString()).isEqualTo(expected.toString());
    }

    @Test
    void shouldZeroPadAndPadToAColumn()
    {
        line.appendPadded(7, 3).padTo(6).append('x').padTo(2).append("yz");
        line.endLine();
        line.flush();

        assertThat(out.toString()).isEqualTo("007   x yz\n");
    }

    @Test
    void shouldWriteBytesAsTheCharactersOfTheirValues()
    {
        line.appendAscii(new byte[] {'a', (byte)0xE9, ','}, 0, 3).appendAscii(new byte[] {'-', '1', '2'}, 1, 2)
            .append("xyz".toCharArray(), 1, 2);
        line.endLine();
        line.flush();

        assertThat(out.toString()).isEqualTo("a\u00e9,12yz\n");
    }

    @Test
    void shouldHandOnlyWholeLinesToTheWriterInLargeBlocks()
    {
        final List<String> writes = new ArrayList<>();
        final LineBuffer recorded = new LineBuffer(new Writer()
        {
            @Override
            public void write(final char[] chars, final int offset, final int length)
            {
                writes.add(new String(chars, offset, length));
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        });
        for (int i = 0; i < 20_000; i++)
        {
            recorded.append("line ").append(i);
            recorded.endLine();
        }
        recorded.append("partial");
        recorded.flush();

        assertThat(writes).hasSizeBetween(2, 10).allMatch(block -> block.endsWith("\n"));
        assertThat(String.join("", writes)).startsWith("line 0\nline 1\n").endsWith("line 19999\n");
    }
}
