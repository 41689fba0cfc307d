package org.payswitch.benchmarks.bare;

import picocli.CommandLine.Option;

/** Where a bare server listens: the options both share (a picocli mixin). */
final class ListenOptions
{
    @Option(names = "--bind", description = "listen address (default: ${DEFAULT-VALUE})")
    String bind = "127.0.0.1";

    @Option(names = "--io-threads", description = "Netty I/O event loop threads (default: ${DEFAULT-VALUE})")
    int ioThreads = 1;
}
