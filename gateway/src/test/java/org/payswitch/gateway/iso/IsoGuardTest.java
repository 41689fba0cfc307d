package org.payswitch.gateway.iso;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
import org.payswitch.gateway.guard.ConnectionDeadlines;
import org.payswitch.gateway.guard.PortConnections;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ISO pipeline (deadlines, decoder, handler) in an EmbeddedChannel on frozen time: a frame
 * whose length field lies is closed by the frame deadline (10 s, tick 5 s); whole frames keep the
 * connection open; exceptions close it without reaching Netty's tail; frames read behind an
 * unreadable one are not answered.
 */
class IsoGuardTest
{
    private static final long DEADLINE = TimeUnit.SECONDS.toNanos(10);
    private static final long IDLE = TimeUnit.MINUTES.toNanos(5);

    @TempDir(factory = DataFolderFactory.class)
    Path dataDir;

    private final PortConnections port = new PortConnections("iso", 10, 10);
    private final ISO87BPackager packager = new ISO87BPackager();
    private SwitchPipeline refusing;
    private EmbeddedChannel channel;

    @BeforeEach
    void open()
    {
        refusing = new SwitchPipeline(new CommandExecutor(new SwitchEngine(EngineConfig.defaults().withExpected(16, 16))),
            new JournalWriter(JournalConfig.in(dataDir)), (event, endOfBatch) -> { }, new PipelineConfig(16,
            PipelineConfig.Waiting.BLOCKING), IsoServerInitializer::newSlotAttachment);
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new ConnectionDeadlines(DEADLINE, IDLE, port), new IsoFrameDecoder(),
            new IsoRequestHandler(refusing, Acquirers.NONE));
    }

    @AfterEach
    void close()
    {
        channel.finishAndReleaseAll();
        refusing.shutdown(1_000);
    }

    private ByteBuf echo() throws ISOException
    {
        final ISOMsg msg = new ISOMsg("0800");
        msg.setPackager(packager);
        msg.set(7, "1111000000");
        msg.set(11, "000042");
        msg.set(70, "301");
        final byte[] body = msg.pack();
        return Unpooled.buffer().writeShort(body.length).writeBytes(body);
    }

    private int secondsUntilClosed()
    {
        int seconds = 0;
        while (channel.isActive() && seconds < 600)
        {
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
            seconds++;
        }
        return seconds;
    }

    private int answers()
    {
        int count = 0;
        ByteBuf out;
        while ((out = channel.readOutbound()) != null)
        {
            out.release();
            count++;
        }
        return count;
    }

    @Test
    void shouldCloseAFrameWhoseLengthLiesAfterTheDeadline()
    {
        channel.writeInbound(Unpooled.buffer().writeShort(200).writeZero(50));

        assertThat(secondsUntilClosed()).isBetween(10, 15);
        assertThat(port.closed(PortConnections.Closed.SLOW_REQUEST)).isEqualTo(1);
    }

    @Test
    void shouldCloseAFrameCutShortBehindAWholeOneInTheSameRead() throws ISOException
    {
        final ByteBuf frames = echo();
        frames.writeShort(100).writeZero(20);

        channel.writeInbound(frames);

        assertThat(answers()).isEqualTo(1);
        assertThat(secondsUntilClosed()).isBetween(10, 15);
        assertThat(port.closed(PortConnections.Closed.SLOW_REQUEST)).isEqualTo(1);
    }

    @Test
    void shouldKeepAConnectionSendingWholeFramesOpenAndCloseItWhenIdle() throws ISOException
    {
        for (int seconds = 0; seconds < 60; seconds++)
        {
            channel.writeInbound(echo());
            channel.advanceTimeBy(1, TimeUnit.SECONDS);
            channel.runScheduledPendingTasks();
        }
        assertThat(answers()).isEqualTo(60);
        assertThat(channel.isActive()).isTrue();

        assertThat(secondsUntilClosed()).isBetween(300, 310);
        assertThat(port.closed(PortConnections.Closed.IDLE)).isEqualTo(1);
    }

    @Test
    void shouldNotAnswerFramesReadBehindAnUnreadableOne() throws ISOException
    {
        final ByteBuf frames = Unpooled.buffer();
        frames.writeShort(12).writeBytes(new byte[] {(byte)0xFF, (byte)0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        frames.writeBytes(echo());

        channel.writeInbound(frames);
        channel.flush();

        assertThat(answers()).isZero();
        assertThat(channel.isActive()).isFalse();
    }

    @Test
    void shouldCloseOnAnyExceptionWithoutLettingItReachTheTail()
    {
        channel.pipeline().fireExceptionCaught(new IllegalStateException("a bug"));

        assertThat(channel.isActive()).isFalse();
        channel.checkException();
    }

    @Test
    void shouldCloseQuietlyWhenThePeerResets()
    {
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));

        assertThat(channel.isActive()).isFalse();
        channel.checkException();
    }
}
