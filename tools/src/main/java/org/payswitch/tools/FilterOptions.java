package org.payswitch.tools;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/**
 * The record filters of {@code journal dump} and {@code journal tail}, all combinable. Values are
 * taken as text and checked by {@link #toFilter}, so a bad one is answered in one line naming the
 * option and what it accepts.
 */
final class FilterOptions
{
    @Option(names = "--from", paramLabel = "INSTANT",
        description = "only records at or after this ISO-8601 instant, e.g. 2026-11-11T00:00:00+08:00")
    String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "only records before this ISO-8601 instant")
    String to;

    @Option(names = "--merchant", description = "only records of this merchant id")
    String merchant;

    @Option(names = "--order-id", description = "only records of this order id (DE 37 for ISO 8583)")
    String orderId;

    @Option(names = "--transaction-id", description = "only records that name or decided this transaction id")
    String transactionId;

    @Option(names = "--campaign", paramLabel = "NUMBER",
        description = "only records whose discount came from this campaign number (the engine's, as recorded)")
    String campaign;

    @Option(names = "--type", paramLabel = "TYPE",
        description = "only records of these journaled command types (repeatable or comma-separated, any case), " +
            "e.g. AUTHORIZE,CAPTURE")
    List<String> types = new ArrayList<>();

    @Option(names = "--code", paramLabel = "CODE",
        description = "only records with these response codes (repeatable or comma-separated), e.g. 00,51")
    List<String> codes = new ArrayList<>();

    /** The filter the options describe; throws {@link BadOptionException} naming a value it cannot use. */
    RecordFilter toFilter()
    {
        final RecordFilter filter = new RecordFilter();
        if (from != null)
        {
            filter.fromMillis = RecordFilter.instant("--from", from);
        }
        if (to != null)
        {
            filter.toMillis = RecordFilter.instant("--to", to);
        }
        if (merchant != null)
        {
            filter.merchantId = RecordFilter.id(merchant);
        }
        if (orderId != null)
        {
            filter.orderId = RecordFilter.id(orderId);
        }
        if (transactionId != null)
        {
            filter.transactionId = RecordFilter.positive("--transaction-id", transactionId);
        }
        if (campaign != null)
        {
            filter.campaign = RecordFilter.campaignNumber("--campaign", campaign);
        }
        if (!types.isEmpty())
        {
            filter.types = RecordFilter.types("--type", types);
        }
        if (!codes.isEmpty())
        {
            filter.codes = RecordFilter.codes("--code", codes);
        }
        return filter;
    }
}
