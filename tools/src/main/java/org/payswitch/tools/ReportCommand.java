package org.payswitch.tools;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code report}: the reports worked out of a switch's journal, read-only, the switch running or
 * not: {@code settlement} ({@link SettlementReportCommand}) and {@code campaigns}
 * ({@link CampaignReportCommand}) and {@code statement} ({@link StatementReportCommand}). Without a subcommand it prints its usage and exits 2.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    subcommands = {SettlementReportCommand.class, CampaignReportCommand.class, StatementReportCommand.class},
    description = {"Reports worked out of the switch's journal, read-only, whether the switch runs or not.",
        "settlement: per merchant, one day's authorizations, captures, refunds, reversals and expiries.",
        "campaigns: per funder and campaign, discount granted, given back and owed.",
        "statement: one card's transactions, and per year and per merchant category (PAN read from a file or stdin)."})
final class ReportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return JournalFailure.BAD_INPUT;
    }
}
