package org.payswitch.benchmarks.bare;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import org.payswitch.benchmarks.TempFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The bare limit of the switch's ISO 8583 path: the same transport with no business logic. Netty
 * (native epoll when available, as the switch's {@code Transports}, opened by {@link BareListener}),
 * one boss and by default one I/O event loop, the switch's framing (docs/api.md section 4: a 2-byte
 * big-endian length, at most 4 096 bytes); each frame is copied into a slot of a multi-producer Disruptor ring
 * ({@code tryPublishEvent}; a full ring drops the frame and counts it); one consumer thread
 * journals the request bytes to a Chronicle Queue and answers it (0110/0210: the request echoed
 * with DE 39 = "00", {@link IsoEchoAnswer}), writing each connection's answers of a batch at once.
 * <p>Every step the switch cannot avoid for a request is here: socket read, framing, a hand-off
 * between threads through a ring, a journal append before the answer, an answer written back
 * through the I/O thread. What is missing is what the switch adds: decoding, the engine's
 * decision, encoding, and its three stage threads. So the switch's throughput, measured with the
 * same client on the same machine in the same run, is a fraction of this one: the figure the
 * switch is judged by is that ratio. Prints its address at start and the requests answered at exit
 * (SIGTERM or Ctrl-C). Run with the JVM flags ({@code java @benchmarks/target/jvm.options}):
 * Chronicle Queue needs them.
 */
@Command(name = "iso-echo-server", mixinStandardHelpOptions = true,
    description = "Bare limit of the ISO 8583 path: frames through a Disruptor ring to one consumer that journals " +
        "each request to Chronicle Queue and answers it with DE 39 = 00, no business logic.")
public final class IsoEchoServer implements Callable<Integer>
{
    @Option(names = "--port", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = 8583;

    @Mixin
    ListenOptions listen = new ListenOptions();

    @Option(names = "--wait", description = "the consumer's wait strategy: busy-spin, yield, sleep or block (default: ${DEFAULT-VALUE})",
        converter = WaitConverter.class)
    WaitChoice wait = WaitChoice.YIELD;

    @Option(names = "--ring", description = "ring slots, a power of two (default: ${DEFAULT-VALUE})")
    int ringSize = 65_536;

    @Option(names = "--data-dir", description = "the journal's folder (default: a temporary folder, deleted at exit)")
    Path dataDir;

    /** Chronicle's INFO lines (banner, mappings) held back, as the switch's launcher does; warnings still show. */
    private static final Logger CHRONICLE = Logger.getLogger("net.openhft");

    public static void main(final String[] args)
    {
        System.setProperty("chronicle.analytics.disable", "true");
        CHRONICLE.setLevel(Level.WARNING);
        final int status = new CommandLine(new IsoEchoServer()).execute(args);
        if (status != 0)
        {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws Exception
    {
        final boolean temporary = dataDir == null;
        final Path directory = temporary ? Files.createTempDirectory("iso-echo-journal") : dataDir;
        final SingleChronicleQueue journal = SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(LargeRollCycles.LARGE_DAILY)
            .build();
        final EchoConsumer consumer = new EchoConsumer(journal);
        final Disruptor<FrameSlot> disruptor = new Disruptor<>(FrameSlot::new, ringSize,
            runnable -> new Thread(runnable, "echo-consumer"), ProducerType.MULTI, wait.strategy());
        disruptor.handleEventsWith(consumer);
        final RingBuffer<FrameSlot> ring = disruptor.start();
        final LongAdder refused = new LongAdder();
        final BareListener listener = BareListener.open(listen, port, pipeline -> pipeline
            .addLast(new LengthFieldBasedFrameDecoder(IsoEchoAnswer.MAX_LENGTH + 2, 0, 2, 0, 2, true))
            .addLast(new FramePublisher(ring, refused)));
        System.out.printf("iso-echo-server listening on %s (%s, %d I/O thread(s), wait %s, ring %d, journal %s)%n",
            listener.localAddress(), BareListener.transport(), listen.ioThreads, wait, ringSize, directory);
        System.out.flush();
        final Thread stop = new Thread(() ->
        {
            listener.close();
            try
            {
                disruptor.shutdown(2, TimeUnit.SECONDS);
            }
            catch (final TimeoutException e)
            {
                disruptor.halt();
            }
            journal.close();
            if (temporary)
            {
                TempFolders.delete(directory);
            }
            System.out.printf("iso-echo-server: %d requests answered, %d refused (ring full), %d not understood%n",
                consumer.answered(), refused.sum(), consumer.malformed());
            System.out.flush();
        }, "iso-echo-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        listener.awaitClose();
        return 0;
    }

    /** Reads {@code --wait}. */
    static final class WaitConverter implements CommandLine.ITypeConverter<WaitChoice>
    {
        @Override
        public WaitChoice convert(final String value)
        {
            return WaitChoice.of(value);
        }
    }
}
