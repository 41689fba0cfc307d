package org.payswitch.core.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.state.SnapshotImage;
import org.payswitch.core.state.SnapshotInput;
import org.payswitch.core.testing.EngineFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A snapshot body holding a card status, a transaction status or a response code no constant of
 * this build has (docs/journal.md, "Format codes") is refused on restore, naming what holds it,
 * rather than restored into state that reads back as null.
 */
class SnapshotUnknownCodesTest
{
    /** Body offset of the first card's status byte: event time (8), card count (4), PAN (8), then bits 24..31. */
    private static final int FIRST_CARD_STATUS = 8 + 4 + 8 + 3;
    /**
     * Bytes from a transaction's PAN column to its status column, one transaction in the page: PAN,
     * PAN length, amount, discount, captured, refunded, currency, MCC, created at, fingerprint,
     * flags, campaign (the column order of {@code TransactionSnapshotColumns}).
     */
    private static final int PAN_TO_STATUS = 8 + 1 + 8 + 8 + 8 + 8 + 2 + 2 + 8 + 8 + 1 + 2;

    @Test
    void shouldRefuseACardStatusCodeNoStatusHas() throws IOException
    {
        final byte[] body = body(oneAuthorization());
        body[FIRST_CARD_STATUS] = 9;

        assertThatThrownBy(() -> restore(body)).isInstanceOf(IllegalStateException.class)
            .hasMessage("snapshot holds card 0 with status code 9, which no card status of this switch has");
    }

    @Test
    void shouldRefuseATransactionStatusCodeNoStatusHas() throws IOException
    {
        final EngineFixture fixture = oneAuthorization();
        final byte[] body = body(fixture);
        final int status = lastIndexOf(body, panOfCardZero()) + PAN_TO_STATUS;
        assertThat(body[status]).as("AUTHORIZED's code").isEqualTo((byte)0);
        assertThat(body[status + 1]).as("APPROVED's stored code").isEqualTo((byte)0);
        body[status] = 6;

        assertThatThrownBy(() -> restore(body)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("snapshot holds transaction 1 with status code 6 and response code 0");
    }

    @Test
    void shouldRestoreTheBodyUnchanged() throws IOException
    {
        final EngineFixture fixture = oneAuthorization();

        assertThat(restore(body(fixture)).stateHash()).isEqualTo(fixture.engine.stateHash());
    }

    private static EngineFixture oneAuthorization()
    {
        final EngineFixture fixture = EngineFixture.withoutCampaigns();
        final SwitchCommand answer = fixture.authorize("ORDER-1", 0, 1_000);
        assertThat(answer.responseCode.isApproved()).isTrue();
        return fixture;
    }

    private static byte[] panOfCardZero()
    {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
            .putLong(DemoData.pan(0)).array();
    }

    private static byte[] body(final EngineFixture fixture) throws IOException
    {
        try (SnapshotImage image = new SnapshotImage())
        {
            SnapshotStore.capture(fixture.engine, 1, image);
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            image.writeTo(Channels.newChannel(bytes));
            return bytes.toByteArray();
        }
    }

    private static SwitchEngine restore(final byte[] body)
    {
        final SwitchEngine engine = new SwitchEngine(EngineConfig.defaults().withExpected(1024, 1024));
        engine.readSnapshot(new SnapshotInput(Channels.newChannel(new ByteArrayInputStream(body))));
        return engine;
    }

    private static int lastIndexOf(final byte[] body, final byte[] sought)
    {
        for (int at = body.length - sought.length; at >= 0; at--)
        {
            boolean found = true;
            for (int i = 0; i < sought.length && found; i++)
            {
                found = body[at + i] == sought[i];
            }
            if (found)
            {
                return at;
            }
        }
        return -1;
    }
}
