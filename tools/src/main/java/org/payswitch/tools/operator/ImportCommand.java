package org.payswitch.tools.operator;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code import}: bulk loading through a running switch's operator API; the work is in its subcommands. */
@Command(name = "import", mixinStandardHelpOptions = true,
    subcommands = {ImportCardsCommand.class, ImportCampaignsCommand.class},
    description = {"Loads cards or campaigns in bulk through a running switch's operator API.",
        "cards: a CSV file of cards; campaigns: a JSON array of campaigns."})
public final class ImportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "import: name what to import: cards or campaigns");
    }
}
