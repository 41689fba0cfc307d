package org.payswitch.tools.operator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.agrona.collections.Long2LongHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import cards FILE.csv}: creates or replaces every card of a card file ({@link CardCsv})
 * through {@code POST /v1/cards} of a running switch, many in flight at once (connections, each
 * pipelining a window of requests). A line the tool or
 * the switch refuses is reported with its number and reason (no full PAN) and the others are
 * applied; the same PAN twice in one file is refused on its second line (in-flight requests would
 * otherwise race, and which definition won would be left to chance). Each card is applied whole or
 * not at all; a run stopped early (token refused, switch unreachable) leaves the cards before
 * it applied, and running the file again is safe: a card is replaced by the same definition.
 */
@Command(name = "cards", mixinStandardHelpOptions = true,
    description = {"Creates or replaces the cards of a CSV file through the switch's operator API.",
        "The file starts with the header " + CardCsv.HEADER + "; amounts in minor units, an empty limit for none.",
        "Prints each line not applied (number and reason) and a summary; exit 0 all applied, 1 a line failed, " +
            "2 stopped early."})
final class ImportCardsCommand implements Callable<Integer>
{
    @Parameters(index = "0", paramLabel = "FILE.csv", description = "the card file")
    Path file;

    @Mixin
    SwitchApiOptions api;

    @Option(names = "--connections", paramLabel = "N",
        description = "connections to the switch, each with its own sending thread, 1..256 (default: ${DEFAULT-VALUE})")
    int connections = 4;

    @Option(names = "--window", paramLabel = "N",
        description = "cards sent at once on a connection, pipelined, 1..1024 (default: ${DEFAULT-VALUE})")
    int window = 32;

    @Spec
    CommandSpec spec;

    /** Bytes of the file read so far (the progress thread reads it). */
    private volatile long bytesRead;

    @Override
    public Integer call() throws InterruptedException
    {
        final PrintWriter err = spec.commandLine().getErr();
        if (connections < 1 || connections > 256 || window < 1 || window > 1024)
        {
            err.println("import cards: --connections must be 1..256 and --window 1..1024");
            return 2;
        }
        final OperatorClient client = api.client(err, "import cards");
        if (client == null)
        {
            return 2;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
        {
            err.println("import cards: cannot read " + file + ": no such readable file");
            return 2;
        }
        final BulkSender sender = new BulkSender(client, "/v1/cards", connections, window);
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final String header = lines.readLine();
            if (header == null || !CardCsv.HEADER.equals(stripByteOrderMark(header).trim()))
            {
                err.println("import cards: " + file + ": the first line must be the header " + CardCsv.HEADER);
                sender.finish();
                return 2;
            }
            bytesRead = header.length() + 1;
            return ImportRun.run("cards", file, sender, () -> bytesRead, spec.commandLine().getOut(),
                () -> sendAll(lines, sender));
        }
        catch (final IOException e)
        {
            err.println("import cards: cannot read " + file + ": " + e.getMessage());
            sender.finish();
            return 2;
        }
    }

    private void sendAll(final BufferedReader lines, final BulkSender sender) throws IOException, InterruptedException
    {
        final Long2LongHashMap seen = new Long2LongHashMap(Long.MIN_VALUE);
        long number = 1;
        String text;
        while ((text = lines.readLine()) != null)
        {
            number++;
            bytesRead += text.length() + 1;
            if (text.isBlank())
            {
                continue;
            }
            final CardCsv.Line line = CardCsv.parse(text);
            if (line.problem() != null)
            {
                sender.refuse(number, line.problem());
                continue;
            }
            final long before = seen.get(line.pan());
            if (before != Long.MIN_VALUE && (int)(before & 0x1F) == line.panLength())
            {
                sender.refuse(number, "the same PAN as line " + (before >>> 5) + " (a card once a file)");
                continue;
            }
            seen.put(line.pan(), number << 5 | line.panLength());
            if (!sender.send(number, null, line.body()))
            {
                return;
            }
        }
    }

    private static String stripByteOrderMark(final String line)
    {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }
}
