package org.payswitch.tools.operator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import campaigns FILE.json}: creates the campaigns of a JSON array, each element a body of
 * {@code POST /v1/campaigns} (docs/api.md section 3), one at a time in the file's order (the order
 * decides ties between campaigns: the one created first wins). A campaign the switch refuses is
 * reported with the line where its object starts and the switch's reason; the others are created.
 * Malformed JSON stops the run at the line where it breaks (what follows cannot be read reliably);
 * the campaigns before it are created, and running the fixed file again reports those as existing.
 */
@Command(name = "campaigns", mixinStandardHelpOptions = true,
    description = {"Creates the campaigns of a JSON array (each element a POST /v1/campaigns body) through the " +
        "switch's operator API, in the file's order.",
        "Prints each campaign not created (line and reason) and a summary; exit 0 all created, 1 one failed, " +
            "2 stopped early."})
final class ImportCampaignsCommand implements Callable<Integer>
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "FILE.json", description = "a JSON array of campaign definitions")
    Path file;

    @Mixin
    SwitchApiOptions api;

    @Spec
    CommandSpec spec;

    /** Bytes of the file parsed so far (the progress thread reads it). */
    private volatile long bytesRead;

    @Override
    public Integer call() throws InterruptedException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final OperatorClient client = api.client(err, "import campaigns");
        if (client == null)
        {
            return 2;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file))
        {
            err.println("import campaigns: cannot read " + file + ": no such readable file");
            return 2;
        }
        final BulkSender sender = new BulkSender(client, "/v1/campaigns", 1, 1);
        try (JsonParser json = JSON.createParser(file.toFile()))
        {
            if (json.nextToken() != JsonToken.START_ARRAY)
            {
                err.println("import campaigns: " + file + ": expected a JSON array of campaigns ([{...}, ...])");
                sender.finish();
                return 2;
            }
            return ImportRun.run("campaigns", file, sender, () -> bytesRead, spec.commandLine().getOut(),
                () -> sendAll(json, sender));
        }
        catch (final JsonProcessingException e)
        {
            err.println("import campaigns: " + malformed(e));
            sender.finish();
            return 2;
        }
        catch (final IOException e)
        {
            err.println("import campaigns: cannot read " + file + ": " + e.getMessage());
            sender.finish();
            return 2;
        }
    }

    /** Sends every element of the array; malformed JSON ends the file where it breaks (named with its line). */
    private void sendAll(final JsonParser json, final BulkSender sender) throws IOException, InterruptedException
    {
        try
        {
            sendElements(json, sender);
        }
        catch (final JsonProcessingException e)
        {
            sender.fileEndsEarly(malformed(e));
        }
    }

    private void sendElements(final JsonParser json, final BulkSender sender) throws IOException, InterruptedException
    {
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY)
        {
            if (token == null)
            {
                sender.fileEndsEarly(file + ": the array is not closed (the file ends early)");
                return;
            }
            final long line = json.currentTokenLocation().getLineNr();
            final JsonNode element = json.readValueAsTree();
            bytesRead = json.currentLocation().getByteOffset();
            if (element == null || !element.isObject())
            {
                sender.refuse(line, "not a campaign object");
                continue;
            }
            final String id = element.path("campaignId").asText("");
            if (!sender.send(line, id.isEmpty() ? null : "campaign " + id, JSON.writeValueAsString(element)))
            {
                return;
            }
        }
    }

    /** The file and line where the JSON breaks, and how. */
    private String malformed(final JsonProcessingException e)
    {
        return file + (e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr()) + ": malformed JSON: " +
            e.getOriginalMessage();
    }
}
