package org.payswitch.benchmarks.bare;

import java.util.concurrent.Callable;

import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The bare limit of the switch's HTTP/JSON path: a Netty HTTP/1.1 keep-alive server (native epoll
 * when available, as the switch's {@link Transports}; {@code HttpServerCodec} and a 64 KiB
 * {@code HttpObjectAggregator}, as the switch reads a body) that answers every POST with a fixed
 * JSON body of the size of the switch's authorization answer ({@link FixedAnswerHandler}), on the
 * event loop: no parsing, no ring, no engine, no journal.
 * <p>It is what the same client can get from the same HTTP stack on the same machine: the
 * switch's HTTP throughput in the same run is judged as a fraction of it. With one request in
 * flight per connection, both are mostly the kernel's and the client's costs (reads, writes and
 * wake-ups per request), which is why the ratio, not the absolute figure, says something.
 */
@Command(name = "http-answer-server", mixinStandardHelpOptions = true,
    description = "Bare limit of the HTTP/JSON path: answers every POST with a fixed JSON body the size of the " +
        "switch's authorization answer, no logic.")
public final class HttpAnswerServer implements Callable<Integer>
{
    @Option(names = "--port", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Mixin
    ListenOptions listen = new ListenOptions();

    public static void main(final String[] args)
    {
        final int status = new CommandLine(new HttpAnswerServer()).execute(args);
        if (status != 0)
        {
            System.exit(status);
        }
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final BareListener listener = BareListener.open(listen, port, pipeline -> pipeline
            .addLast(new HttpServerCodec())
            .addLast(new HttpObjectAggregator(64 * 1024))
            .addLast(FixedAnswerHandler.INSTANCE));
        System.out.printf("http-answer-server listening on %s (%s, %d I/O thread(s), answer of %d bytes)%n",
            listener.localAddress(), BareListener.transport(), listen.ioThreads, FixedAnswerHandler.ANSWER.length());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(listener::close, "http-answer-stop"));
        listener.awaitClose();
        return 0;
    }
}
