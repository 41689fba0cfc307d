package org.payswitch.tools;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.payswitch.core.engine.CommandType;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.journal.JournalRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MerchantRows}: one row per merchant id and currency, read from a record's bytes. */
class MerchantRowsTest
{
    private final MerchantRows rows = new MerchantRows();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final SwitchCommand command = new SwitchCommand();

    @Test
    void shouldGiveOneRowPerMerchantIdAndCurrencyWhateverTheIdsLength()
    {
        final String[] ids = {"M", "M1234567", "M12345678", "M00000000000001", "M00000000000002", "M0000000000000"};
        final int[] first = new int[ids.length];
        for (int i = 0; i < ids.length; i++)
        {
            first[i] = rowOf(ids[i], 156);
        }
        for (int i = 0; i < ids.length; i++)
        {
            assertThat(rowOf(ids[i], 156)).isEqualTo(first[i]);
            assertThat(rows.merchantId(first[i])).isEqualTo(ids[i]);
        }
        assertThat(rows.count()).isEqualTo(ids.length);
        final int yen = rowOf("M1234567", 392);
        assertThat(yen).isEqualTo(ids.length);
        assertThat(rows.currency(yen)).isEqualTo(392);
    }

    @Test
    void shouldIgnoreBytesAfterTheIdsLength()
    {
        final int row = rowOf("M1", 156);
        buffer.putByte(JournalRecord.MERCHANT_ID_OFFSET + 2, (byte)'X');
        buffer.putByte(JournalRecord.MERCHANT_ID_OFFSET + 10, (byte)'Y');
        assertThat(rows.of(buffer, 0, 156)).isEqualTo(row);
    }

    @Test
    void shouldKeepEveryRowWhenTheTableGrows()
    {
        for (int i = 0; i < 5_000; i++)
        {
            assertThat(rowOf("M" + i, 156)).isEqualTo(i);
        }
        for (int i = 0; i < 5_000; i++)
        {
            assertThat(rowOf("M" + i, 156)).isEqualTo(i);
        }
    }

    private int rowOf(final String merchantId, final int currency)
    {
        command.reset();
        command.type = CommandType.CAPTURE;
        command.merchantId.set(merchantId);
        JournalRecord.encode(command, buffer, 0, new byte[0], 0, null);
        return rows.of(buffer, 0, currency);
    }
}
