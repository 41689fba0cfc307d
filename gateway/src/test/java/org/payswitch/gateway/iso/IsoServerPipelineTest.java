package org.payswitch.gateway.iso;

import java.nio.file.Path;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.ISO87BPackager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.payswitch.core.engine.CommandExecutor;
import org.payswitch.core.engine.EngineConfig;
import org.payswitch.core.engine.SwitchEngine;
import org.payswitch.core.journal.JournalConfig;
import org.payswitch.core.journal.JournalWriter;
import org.payswitch.core.pipeline.PipelineConfig;
import org.payswitch.core.pipeline.SwitchPipeline;
import org.payswitch.core.testing.DataFolderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ISO connection pipeline in an EmbeddedChannel: framing, answers given without the ring
 * (0800, format errors, overload), and frames that close the connection. The pipeline here is
 * not started, so it refuses every request as a full ring would.
 */
class IsoServerPipelineTest
{
    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private SwitchPipeline refusing;
    private EmbeddedChannel channel;
    /** What the handler wrote and the test has not read yet. */
    private ByteBuf written;
    private final ISO87BPackager packager = new ISO87BPackager();

    @BeforeEach
    void open()
    {
        refusing = new SwitchPipeline(new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16))),
            new JournalWriter(JournalConfig.in(dataDir)), (event, endOfBatch) -> { }, new PipelineConfig(16,
            PipelineConfig.Waiting.BLOCKING), IsoServerInitializer::newSlotAttachment);
        channel = new EmbeddedChannel(new IsoFrameDecoder(),
            new IsoRequestHandler(refusing, Acquirers.NONE));
    }

    @AfterEach
    void close()
    {
        if (written != null)
        {
            written.release();
        }
        channel.finishAndReleaseAll();
        refusing.shutdown(1_000);
    }

    private ISOMsg message(final String mti) throws ISOException
    {
        final ISOMsg msg = new ISOMsg(mti);
        msg.setPackager(packager);
        msg.set(7, "1111000000");
        msg.set(11, "000042");
        return msg;
    }

    private static ByteBuf frame(final byte[]... bodies)
    {
        final ByteBuf frames = Unpooled.buffer();
        for (final byte[] body : bodies)
        {
            frames.writeShort(body.length).writeBytes(body);
        }
        return frames;
    }

    /** The next answer: the answers of one read arrive in one buffer, so a buffer may hold several. */
    private ISOMsg readAnswer() throws ISOException
    {
        if (written == null)
        {
            written = channel.readOutbound();
        }
        final ByteBuf out = written;
        assertThat(out).isNotNull();
        final int length = out.readUnsignedShort();
        final byte[] body = new byte[length];
        out.readBytes(body);
        if (!out.isReadable())
        {
            out.release();
            written = null;
        }
        final ISOMsg msg = new ISOMsg();
        msg.setPackager(packager);
        msg.unpack(body);
        return msg;
    }

    @Test
    void shouldAnswerTwoFramesArrivingInOneRead() throws ISOException
    {
        final ISOMsg signOn = message("0800");
        signOn.set(70, "001");
        final ISOMsg echo = message("0800");
        echo.set(11, "000043");
        echo.set(70, "301");

        channel.writeInbound(frame(signOn.pack(), echo.pack()));

        assertThat(channel.outboundMessages()).as("one write for the read's answers").hasSize(1);
        assertThat(readAnswer().getString(70)).isEqualTo("001");
        final ISOMsg second = readAnswer();
        assertThat(second.getMTI()).isEqualTo("0810");
        assertThat(second.getString(11)).isEqualTo("000043");
        assertThat(second.getString(39)).isEqualTo("00");
    }

    @Test
    void shouldAnswerAnIncompleteAuthorizationWith30() throws ISOException
    {
        final ISOMsg incomplete = message("0100");
        incomplete.set(4, "000000001000");

        channel.writeInbound(frame(incomplete.pack()));

        final ISOMsg answer = readAnswer();
        assertThat(answer.getMTI()).isEqualTo("0110");
        assertThat(answer.getString(39)).isEqualTo("30");
        assertThat(answer.getString(11)).isEqualTo("000042");
        assertThat(channel.isActive()).isTrue();
    }

    @Test
    void shouldAnswer91AtOnceWhenTheRingRefuses() throws ISOException
    {
        final ISOMsg authorization = message("0100");
        authorization.set(2, "6222600000000006");
        authorization.set(3, "000000");
        authorization.set(4, "000000012000");
        authorization.set(37, "RRN000000001");
        authorization.set(41, "TERM0001");
        authorization.set(42, "M00000000000001");
        authorization.set(49, "156");

        channel.writeInbound(frame(authorization.pack()));

        final ISOMsg answer = readAnswer();
        assertThat(answer.getString(39)).isEqualTo("91");
        assertThat(answer.getString(37)).isEqualTo("RRN000000001");
        assertThat(answer.hasField(38)).isFalse();
    }

    @Test
    void shouldCloseTheConnectionOnAFrameOver4096Bytes()
    {
        final ByteBuf oversized = Unpooled.buffer().writeShort(5_000).writeZero(5_000);

        channel.writeInbound(oversized);

        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void shouldCloseTheConnectionOnAnUnreadableFrame()
    {
        channel.writeInbound(frame(new byte[] {(byte)0xFF, (byte)0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));

        assertThat((Object)channel.readOutbound()).isNull();
        assertThat(channel.isActive()).isFalse();
    }
}
