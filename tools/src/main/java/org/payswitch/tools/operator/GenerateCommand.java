package org.payswitch.tools.operator;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code generate}: test data files for imports and load tests; the work is in its subcommands. */
@Command(name = "generate", mixinStandardHelpOptions = true, subcommands = GenerateCardsCommand.class,
    description = "Writes test data files: cards (a card file for import cards and load tests).")
public final class GenerateCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        throw new CommandLine.ParameterException(spec.commandLine(), "generate: name what to generate: cards");
    }
}
