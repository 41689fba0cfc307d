package org.payswitch.gateway.ops;

import java.util.List;
import java.util.Locale;

import io.netty.buffer.ByteBuf;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.ResponseCode;
import org.payswitch.gateway.json.JsonWriter;

/**
 * Writes {@code GET /v1/ops/figures} (docs/api.md, "The operations page"): the samples the page
 * has not seen yet, each with every campaign's remaining budget, redemptions and status at that
 * second, and every campaign's definition as of the newest sample. Amounts are minor units; a
 * campaign without a budget has -1; a second with no answer has a null latency.
 */
public final class OpsFiguresJson
{
    private static final ResponseCode[] CODES = ResponseCode.values();

    private OpsFiguresJson()
    {
    }

    /** Writes the answer for a page that has seen samples up to {@code after} (-1: none). */
    public static void write(final OpsHistory history, final long after, final ByteBuf out)
    {
        final List<OpsSample> samples = history.after(after);
        final OpsSample newest = samples.isEmpty() ? history.newest() : samples.get(samples.size() - 1);
        final JsonWriter json = new JsonWriter().wrap(out).beginObject()
            .name("sampleMillis").number(OpsSampler.SAMPLE_MILLIS)
            .name("windowSamples").number(history.capacity())
            .name("latest").number(newest == null ? -1 : newest.seq());
        json.name("codes").beginArray();
        for (final ResponseCode code : CODES)
        {
            json.beginObject().name("code").string(code.code()).name("meaning").string(meaning(code)).endObject();
        }
        json.endArray().name("samples").beginArray();
        for (final OpsSample sample : samples)
        {
            sample(json, sample);
        }
        json.endArray().name("campaigns").beginArray();
        if (newest != null)
        {
            for (final CampaignFigures campaign : newest.campaigns())
            {
                campaign(json, campaign);
            }
        }
        json.endArray().endObject();
    }

    /** APPROVED as "approved", DO_NOT_HONOUR as "do not honour". */
    static String meaning(final ResponseCode code)
    {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static void sample(final JsonWriter json, final OpsSample sample)
    {
        json.beginObject().name("seq").number(sample.seq()).name("time").number(sample.timeMillis())
            .name("requests").number(sample.requests());
        json.name("answers").beginArray();
        for (final long count : sample.answers())
        {
            json.number(count);
        }
        json.endArray()
            .name("answersPerSecond").number(sample.answersPerSecond())
            .name("refusedPerSecond").number(sample.refusedPerSecond());
        json.name("latencyNanos");
        if (sample.latencyP50Nanos() == OpsSample.NO_LATENCY)
        {
            json.nullValue();
        }
        else
        {
            json.beginObject().name("p50").number(sample.latencyP50Nanos()).name("p99").number(sample.latencyP99Nanos())
                .name("p999").number(sample.latencyP999Nanos()).endObject();
        }
        json.name("ringOccupancy").number(sample.ringOccupancy()).name("ringSize").number(sample.ringSize())
            .name("journalPosition").number(sample.journalPosition());
        json.name("campaigns").beginArray();
        for (final CampaignFigures campaign : sample.campaigns())
        {
            json.beginObject().name("campaignId").string(campaign.definition().campaignId())
                .name("status").string(campaign.status().name())
                .name("remainingBudget").number(CampaignDefinition.orNone(campaign.remainingBudget()))
                .name("redemptions").number(campaign.redemptions()).endObject();
        }
        json.endArray().endObject();
    }

    private static void campaign(final JsonWriter json, final CampaignFigures campaign)
    {
        final CampaignDefinition definition = campaign.definition();
        json.beginObject().name("campaignId").string(definition.campaignId())
            .name("funder").string(definition.funder())
            .name("status").string(campaign.status().name())
            .name("currency").string(Currencies.alphaOf(definition.currency()))
            .name("budget").number(CampaignDefinition.orNone(definition.budget()))
            .name("remainingBudget").number(CampaignDefinition.orNone(campaign.remainingBudget()))
            .name("redemptions").number(campaign.redemptions())
            .name("discountGranted").number(campaign.discountGranted())
            .endObject();
    }
}
